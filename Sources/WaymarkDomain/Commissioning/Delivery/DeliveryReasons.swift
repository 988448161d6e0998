import Foundation

/// Compares a route's funding with the contracts that deliver it.
public enum DeliveryReasons {
    /// The delivery reasons for a route as of `asOf`, to add to its status reasons.
    ///
    /// - Parameters:
    ///   - securedFundedUntil, projectedFundedUntil: from the coverage engine
    ///     (`RouteCoverage.fundedUntil(asOf:)`): the last school day of the unbroken funded run
    ///     from `asOf`, counting confirmed money, and confirmed plus pledged money.
    ///   - contracts: the days each contract serves the route (past ones too: "contract ended").
    ///   - schoolDays: the route's school days, ascending (`RouteSchedule.days`). Days without
    ///     school need no chaperones, so a contract ending on the last day of the summer term
    ///     while funding "ends" a week later is no gap. Without them every calendar day counts.
    ///
    /// Which money is compared: any money expected (projected: confirmed and pledged) shows
    /// where a contract is missing, since pledged money also needs a contract to be spent;
    /// only confirmed money (secured) shows whether a contract's days are paid for, since a
    /// contract is a commitment a pledge does not secure.
    public static func reasons(asOf: Day, securedFundedUntil: Day?, projectedFundedUntil: Day?,
                               contracts: [RouteContractPeriod], schoolDays: [Day]? = nil) -> [DeliveryReason] {
        let days = SchoolDays(sorted: schoolDays)
        let periods = contracts.map(\.period).sorted { $0.start < $1.start }
        var reasons: [DeliveryReason] = []

        if let fundedTo = projectedFundedUntil, let funded = DayRange(start: asOf, end: fundedTo) {
            let uncovered = funded.removing(periods).compactMap(days.trimmed)
            let anyContract = periods.contains { $0.overlaps(funded) }
            for gap in uncovered {
                // The last gap runs to the end of the money: no school day after it is funded.
                let reachesEnd = DayRange(start: gap.end.next, end: fundedTo).flatMap(days.trimmed) == nil
                if reachesEnd, let previous = periods.filter({ $0.end < gap.start }).max(by: { $0.end < $1.end }) {
                    reasons.append(.contractEndsBeforeFunding(contractEnds: previous.end, fundingRunsTo: fundedTo, ended: previous.end < asOf))
                } else if anyContract {
                    reasons.append(.fundedButNoContract(from: gap.start, to: gap.end, fundingRunsTo: fundedTo))
                } else {
                    reasons.append(.fundedButNoContract(from: nil, to: nil, fundingRunsTo: fundedTo))
                    break
                }
            }
        }

        if let contractEnd = periods.map(\.end).max(), contractEnd >= asOf {
            let unfundedFrom = Swift.max(asOf, securedFundedUntil?.next ?? asOf)
            let contracted = periods.compactMap { period in
                DayRange(start: Swift.max(period.start, unfundedFrom), end: period.end).flatMap(days.trimmed)
            }
            if !contracted.isEmpty {
                let pledges = projectedFundedUntil.flatMap { projected in projected > (securedFundedUntil ?? .earliest) ? projected : nil }
                reasons.append(.fundingEndsBeforeContract(contractRunsTo: contractEnd, confirmedEnds: securedFundedUntil, pledgesRunTo: pledges))
            }
        }
        return reasons
    }
}

/// The route's school days, for "does this stretch need chaperones?"; every day when unknown.
private struct SchoolDays {
    let sorted: [Day]?

    /// The range cut to its first and last school day; nil when it has none.
    func trimmed(_ range: DayRange) -> DayRange? {
        guard let sorted else { return range }
        let first = lowerBound(range.start)
        guard first < sorted.count, sorted[first] <= range.end else { return nil }
        let last = lowerBound(range.end.next) - 1
        return DayRange(start: sorted[first], end: sorted[last])
    }

    private func lowerBound(_ day: Day) -> Int {
        guard let sorted else { return 0 }
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < day { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
