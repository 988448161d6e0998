import Foundation

/// A quarter of the UK financial year (April to March), the period public bodies report
/// spending in: Q1 of 2023-24 is April to June 2023.
public struct FinancialQuarter: Hashable, Comparable, Sendable {
    /// The calendar year the financial year starts in: 2023 for 2023-24.
    public let startYear: Int
    /// 1 (April to June) to 4 (January to March).
    public let number: Int

    public init(containing day: Day) {
        let (year, month, _) = day.components
        startYear = month >= 4 ? year : year - 1
        number = month >= 4 ? (month - 4) / 3 + 1 : 4
    }

    public static func < (lhs: FinancialQuarter, rhs: FinancialQuarter) -> Bool {
        (lhs.startYear, lhs.number) < (rhs.startYear, rhs.number)
    }

    /// "2023-24 Q1 (April to June 2023)".
    public var label: String {
        let months = ["April to June", "July to September", "October to December", "January to March"][number - 1]
        let year = number == 4 ? startYear + 1 : startYear
        return "\(startYear)-\(String(format: "%02d", (startYear + 1) % 100)) Q\(number) (\(months) \(year))"
    }
}

/// How the public site attributes a payment to places: each payment is shared among the
/// contract's routes in proportion to what each route is worth on the contract, to the penny
/// (largest remainder), so the parts always add up to what was paid.
public enum PublicSpending {
    public static func shares<Key: Hashable>(of amount: Money, by values: [(key: Key, value: Money)]) -> [Key: Money] {
        let weights = values.map { max($0.value.pence, 0) }
        guard !values.isEmpty, weights.contains(where: { $0 > 0 }), let parts = amount.apportioned(by: weights) else { return [:] }
        var result: [Key: Money] = [:]
        for (item, part) in zip(values, parts) { result[item.key, default: .zero] += part }
        return result
    }
}
