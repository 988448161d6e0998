import Foundation

/// The days one contract serves one route.
public struct RouteContractPeriod: Hashable, Sendable {
    public var contractID: UUID
    public var period: DayRange

    public init(contractID: UUID, period: DayRange) {
        self.contractID = contractID
        self.period = period
    }
}

extension Contract {
    /// The days this contract serves `routeID` under the terms known at `instant` (every
    /// variation approved by then, including ones taking effect later); nil when the route is
    /// not on it.
    public func deliveryPeriod(ofRoute routeID: UUID, knownAt instant: Date) -> RouteContractPeriod? {
        terms(knownAt: instant).servicePeriod(ofRoute: routeID).map { RouteContractPeriod(contractID: id, period: $0) }
    }

    /// The days this contract serves `routeID` under the terms a planner knew in `reading`
    /// (`termsKnown(in:)`); nil when the route is not on it.
    public func deliveryPeriod(ofRoute routeID: UUID, in reading: Reading) -> RouteContractPeriod? {
        termsKnown(in: reading).servicePeriod(ofRoute: routeID).map { RouteContractPeriod(contractID: id, period: $0) }
    }
}

/// A delivery risk on a route (DESIGN.md, "Delivery": funding without a contract, or a
/// contract that ends before its funding, is itself a risk reason), as data; `text` renders it.
public enum DeliveryReason: Hashable, Sendable {
    /// Money covers the route's days but no contract delivers them. `from`/`to` bound the
    /// uncovered school days when a contract covers some of the funded run; both nil when
    /// none does.
    case fundedButNoContract(from: Day?, to: Day?, fundingRunsTo: Day)
    /// The last contract ends (or ended) before the money runs out.
    case contractEndsBeforeFunding(contractEnds: Day, fundingRunsTo: Day, ended: Bool)
    /// The contract runs past the confirmed money (nil: none at all), with pledges (if any)
    /// reaching `pledgesRunTo`.
    case fundingEndsBeforeContract(contractRunsTo: Day, confirmedEnds: Day?, pledgesRunTo: Day?)

    /// "Contract ends 31 Jul 2024, funding runs to 31 Mar 2025".
    public var text: String {
        switch self {
        case let .fundedButNoContract(from?, to?, _):
            return from == to ? "Funded but no contract on \(from.display)" : "Funded but no contract from \(from.display) to \(to.display)"
        case let .fundedButNoContract(_, _, fundingRunsTo):
            return "Funded but no contract: funding runs to \(fundingRunsTo.display)"
        case let .contractEndsBeforeFunding(contractEnds, fundingRunsTo, ended):
            return "Contract \(ended ? "ended" : "ends") \(contractEnds.display), funding runs to \(fundingRunsTo.display)"
        case let .fundingEndsBeforeContract(contractRunsTo, confirmedEnds, pledgesRunTo):
            let pledges = pledgesRunTo.map { " (pledges run to \($0.display))" } ?? ""
            guard let confirmedEnds else { return "Contract runs to \(contractRunsTo.display), with no confirmed funding\(pledges)" }
            let money = pledgesRunTo == nil ? "funding" : "confirmed funding"
            return "Contract runs to \(contractRunsTo.display), \(money) ends \(confirmedEnds.display)\(pledges)"
        }
    }
}
