import Foundation

/// Payment lines already paid before a contract was recorded in Waymark (a contract let before
/// the partnership moved in). Waymark's own rule for paying a line — every month's return
/// approved, paid in arrears — cannot apply to money that went out before Waymark knew of the
/// contract, so a prior payment is checked only against what could have happened:
/// - it was paid on or before today (never in the future), and
/// - on or after the day its period starts: grant agreements are often paid at the start of a
///   quarter, so paying in advance is allowed for money paid before Waymark.
/// Lines paid this way need no returns for their months; the lines left unpaid follow
/// Waymark's rule as on any other contract.
public enum PriorPayments {
    /// Every problem with recording `line` as paid on `paidOn`; empty when it may be.
    public static func problems(_ line: PaymentLine, paidOn: Day, today: Day) -> [PaymentProblem] {
        var problems: [PaymentProblem] = []
        if paidOn > today {
            // Worded as every effective day in the future is (`EffectiveDay`), naming the field and its line.
            problems.append(.init(field: .paidOn, message: "\(line.label) paid on: " + EffectiveDay.Problem.inTheFuture(paidOn).message))
        }
        if paidOn < line.period.start {
            problems.append(.init(field: .paidOn, message:
                "\(line.label) cannot have been paid on \(paidOn.display), before its period starts on \(line.period.start.display)"))
        }
        return problems
    }

    /// The numbers of the lines a "paid through" day covers: every line ending on or before
    /// it. The day must be the last day of one of the lines, since part of a line cannot be
    /// paid, and the schedule's lines are its quarters one after another.
    public static func lines(paidThrough day: Day, of lines: [PaymentLine]) -> Result<[Int], PaymentProblem> {
        guard let first = lines.first, let last = lines.last else { return .success([]) }
        if day < first.period.start {
            return .failure(.init(field: .period, message:
                "\(day.iso) is before the contract's first payment period starts on \(first.period.start.iso)"))
        }
        if day > last.period.end {
            return .failure(.init(field: .period, message:
                "\(day.iso) is after the contract's last payment period ends on \(last.period.end.iso)"))
        }
        if let cut = lines.first(where: { $0.period.contains(day) && $0.period.end != day }) {
            return .failure(.init(field: .period, message:
                "\(day.iso) falls inside \(cut.label) (\(cut.period.display)): give the last day of a paid line, such as \(cut.period.end.iso)"))
        }
        return .success(lines.filter { $0.period.end <= day }.map(\.number))
    }

    /// The schedule with the lines in `paidOn` (by line number) marked paid by `person`.
    /// Check each day with `problems` first.
    public static func marking(_ lines: [PaymentLine], paidOn: [Int: Day], by person: UUID) -> [PaymentLine] {
        lines.map { line in paidOn[line.number].map { line.paid(on: $0, by: person) } ?? line }
    }
}
