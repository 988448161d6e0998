import Foundation

/// Finance's record that a payment line was paid.
public struct PaymentRecord: Hashable, Sendable, Codable {
    public var paidOn: Day
    public var paidBy: UUID

    public init(paidOn: Day, paidBy: UUID) {
        self.paidOn = paidOn
        self.paidBy = paidBy
    }
}

/// Where a payment line stands.
public enum PaymentLineStatus: Hashable, Sendable {
    /// Waiting for these months' returns to be approved.
    case awaitingReturns([CalendarMonth])
    /// Every month's return is approved: finance may pay it.
    case payable
    case paid(PaymentRecord)
}

/// One payment of a schedule: the money for one period, paid in arrears.
public struct PaymentLine: Hashable, Sendable, Codable {
    /// 1, 2, 3… in period order.
    public var number: Int
    public var period: DayRange
    public var amount: Money
    /// Set when finance marks it paid.
    public var payment: PaymentRecord?

    public init(number: Int, period: DayRange, amount: Money, payment: PaymentRecord? = nil) {
        self.number = number
        self.period = period
        self.amount = amount
        self.payment = payment
    }

    public var isPaid: Bool { payment != nil }

    /// The months whose returns must be approved before the line is payable.
    public var months: [CalendarMonth] { CalendarMonth.months(in: period) }

    /// "Q1 2024/25" (April–June of financial year 2024/25): the financial quarter it falls in.
    public var label: String {
        let month = period.start.month
        let quarter = month >= 4 ? (month - 4) / 3 + 1 : 4
        return "Q\(quarter) \(period.start.financialYear.label)"
    }

    /// Paid once finance marks it; payable once every month it covers has an approved return.
    public func status(approvedMonths: Set<CalendarMonth>) -> PaymentLineStatus {
        if let payment { return .paid(payment) }
        let missing = months.filter { !approvedMonths.contains($0) }
        return missing.isEmpty ? .payable : .awaitingReturns(missing)
    }

    /// Every problem with finance marking this line paid on `paidOn`, entered on `today`;
    /// empty when it may be. A payment is never made in the future (DESIGN.md, "Time: as
    /// of"): one dated later would read as unpaid until then.
    public func problemsMarkingPaid(on paidOn: Day, approvedMonths: Set<CalendarMonth>, today: Day) -> [PaymentProblem] {
        var problems: [PaymentProblem] = []
        switch status(approvedMonths: approvedMonths) {
        case .paid(let record):
            problems.append(.init(field: .line, message: "\(label) was already paid on \(record.paidOn.display)"))
        case .awaitingReturns(let missing):
            let months = missing.map(\.longDisplay).joinedAsList()
            problems.append(.init(field: .returns, message:
                "The monthly \(missing.count == 1 ? "return" : "returns") for \(months) \(missing.count == 1 ? "has" : "have") not been approved yet"))
        case .payable:
            break
        }
        if paidOn > today {
            problems.append(.init(field: .paidOn, message: "Paid on: " + EffectiveDay.Problem.inTheFuture(paidOn).message))
        }
        if paidOn <= period.end {
            problems.append(.init(field: .paidOn, message:
                "\(label) is paid in arrears: the payment date must be after its period ends on \(period.end.display)"))
        }
        return problems
    }

    /// This line marked paid. Check `problemsMarkingPaid` first.
    public func paid(on paidOn: Day, by person: UUID) -> PaymentLine {
        var copy = self
        copy.payment = PaymentRecord(paidOn: paidOn, paidBy: person)
        return copy
    }
}

/// One reason a payment line cannot be marked paid, or a schedule cannot be re-planned.
public struct PaymentProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Field: String, Hashable, Sendable, Codable {
        case line, returns, paidOn, value, period
    }

    public let field: Field
    public let message: String

    public init(field: Field, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.rawValue): \(message)" }
}
