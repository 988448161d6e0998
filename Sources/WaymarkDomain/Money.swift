/// An amount of sterling in whole pence.
///
/// Integer pence, never floating point: grants, allocations and daily costs are added up over
/// thousands of days and must reconcile to the penny with finance's spreadsheets. Int64 holds
/// ±£92 quadrillion, far beyond any programme, so overflow means a bug, and the plain
/// operators trap on it like Int does; `sum(_:)` and the `…ReportingOverflow` forms are
/// for totals built from untrusted input.
public struct Money: Hashable, Sendable {
    public let pence: Int64

    public init(pence: Int64) {
        self.pence = pence
    }

    /// Whole pounds: `Money(pounds: 91_260)` is £91,260.00.
    public init(pounds: Int64) {
        self.pence = pounds * 100
    }

    public static let zero = Money(pence: 0)

    public var isZero: Bool { pence == 0 }
    public var isNegative: Bool { pence < 0 }
    public var isPositive: Bool { pence > 0 }
}

extension Money: Comparable {
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }
}

// MARK: - Arithmetic

extension Money {
    public static func + (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence + rhs.pence) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence - rhs.pence) }
    public static prefix func - (amount: Money) -> Money { Money(pence: -amount.pence) }
    public static func * (lhs: Money, rhs: Int) -> Money { Money(pence: lhs.pence * Int64(rhs)) }
    public static func * (lhs: Int, rhs: Money) -> Money { rhs * lhs }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    /// `self + other`, or nil if the total would not fit in Int64 pence.
    public func addingReportingOverflow(_ other: Money) -> Money? {
        let (result, overflow) = pence.addingReportingOverflow(other.pence)
        return overflow ? nil : Money(pence: result)
    }

    /// `self × factor`, or nil if the product would not fit in Int64 pence.
    public func multipliedReportingOverflow(by factor: Int) -> Money? {
        let (result, overflow) = pence.multipliedReportingOverflow(by: Int64(factor))
        return overflow ? nil : Money(pence: result)
    }

    /// The total of `amounts`, or nil if it overflows at any step — safe for imported data.
    public static func sum(_ amounts: some Sequence<Money>) -> Money? {
        var total = Money.zero
        for amount in amounts {
            guard let next = total.addingReportingOverflow(amount) else { return nil }
            total = next
        }
        return total
    }

    /// The magnitude, for "£X over budget" style messages. Int64.min has no positive
    /// counterpart, so it is clamped to Int64.max rather than trapping.
    public var magnitude: Money {
        pence == .min ? Money(pence: .max) : Money(pence: Swift.abs(pence))
    }
}

/// Encoded as the bare integer number of pence, matching the database column.
extension Money: Codable {
    public init(from decoder: any Decoder) throws {
        pence = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(pence)
    }
}
