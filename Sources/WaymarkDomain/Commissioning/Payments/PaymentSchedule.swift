import Foundation

/// How a contract value is spread across payment periods: by calendar days, or by the school
/// days the service runs on (a quarter with the summer holiday in it then costs less).
public enum DayWeighting: Hashable, Sendable {
    case calendarDays
    /// The route's school days. If the periods to be spread over hold none, calendar days are
    /// used instead, since there is no school-day proportion to follow.
    case schoolDays(Set<Day>)

    func weights(_ periods: [DayRange]) -> [Int64] {
        let calendar = periods.map { Int64($0.dayCount) }
        guard case .schoolDays(let days) = self else { return calendar }
        let school = periods.map { period in Int64(period.filter(days.contains).count) }
        return school.contains(where: { $0 > 0 }) ? school : calendar
    }
}

/// Payment schedules: quarterly in arrears by default.
public enum PaymentSchedule {
    /// The financial quarters (Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar) that `period` touches, cut
    /// to it: a contract from 2 Sep 2024 to 31 Aug 2025 has 2 Sep–30 Sep, Oct–Dec, Jan–Mar,
    /// Apr–Jun, 1 Jul–31 Aug.
    public static func quarters(of period: DayRange) -> [DayRange] {
        var quarters: [DayRange] = []
        var start = period.start
        while start <= period.end {
            let month = start.month
            let lastMonthOfQuarter = Day(start.year, (month - 1) / 3 * 3 + 3, 1)
            let end = Swift.min(lastMonthOfQuarter.endOfMonth, period.end)
            quarters.append(DayRange(uncheckedStart: start, end: end))
            start = end.next
        }
        return quarters
    }

    /// The default schedule: one line per quarter of `period`, each the value pro rata to its
    /// days (see `DayWeighting`), to the penny with the remainders placed so the lines add up
    /// exactly to `value` (`Money.apportioned`). Nil for a negative value.
    public static func quarterlyInArrears(value: Money, period: DayRange, weighting: DayWeighting = .calendarDays) -> [PaymentLine]? {
        let periods = quarters(of: period)
        guard let amounts = value.apportioned(by: weighting.weights(periods)) else { return nil }
        return zip(periods, amounts).enumerated().map { PaymentLine(number: $0 + 1, period: $1.0, amount: $1.1) }
    }

    /// The schedule for a contract's current terms; nil when its value is negative or it ends
    /// before it starts.
    public static func quarterlyInArrears(for contract: Contract, weighting: DayWeighting = .calendarDays) -> [PaymentLine]? {
        guard let period = contract.current.period else { return nil }
        return quarterlyInArrears(value: contract.current.value, period: period, weighting: weighting)
    }

    /// The schedule after a variation changed the contract's value or period.
    ///
    /// Lines already paid stay exactly as they are: that money has gone. What is left of the
    /// new value (`value` − paid) is spread over the unpaid parts of the new period's quarters
    /// — each quarter minus any days a paid line already covers — by the same weighting, to
    /// the penny. Lines are then renumbered in period order. It is a failure when more has
    /// been paid than the new value, or when money is left but every period is paid.
    public static func replanned(_ lines: [PaymentLine], value: Money, period: DayRange,
                                 weighting: DayWeighting = .calendarDays) -> Result<[PaymentLine], PaymentProblem> {
        let paid = lines.filter(\.isPaid)
        guard let paidTotal = Money.sum(paid.map(\.amount)) else {
            return .failure(.init(field: .value, message: "The paid lines are too large to add up"))
        }
        let remaining = value - paidTotal
        if remaining.isNegative {
            return .failure(.init(field: .value, message:
                "\(paidTotal.display) has already been paid, more than the new contract value \(value.display)"))
        }
        let open = quarters(of: period).flatMap { $0.removing(paid.map(\.period)) }
        if open.isEmpty {
            guard remaining.isZero else {
                return .failure(.init(field: .period, message:
                    "Every period of the contract has been paid, so the remaining \(remaining.display) has no period to be paid in: extend the contract or change its value"))
            }
            return .success(renumbered(paid))
        }
        guard let amounts = remaining.apportioned(by: weighting.weights(open)) else {
            return .failure(.init(field: .value, message: "The remaining \(remaining.display) cannot be spread over the unpaid periods"))
        }
        let unpaid = zip(open, amounts).map { PaymentLine(number: 0, period: $0, amount: $1) }
        return .success(renumbered(paid + unpaid))
    }

    private static func renumbered(_ lines: [PaymentLine]) -> [PaymentLine] {
        lines.sorted { $0.period.start < $1.period.start }.enumerated().map { index, line in
            var copy = line
            copy.number = index + 1
            return copy
        }
    }
}
