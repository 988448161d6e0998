/// Splitting an amount of money into parts in given proportions, to the penny.
///
/// A specification's value across its routes, a payment schedule across quarters and a
/// payment across the funding sources that pay for it all need the same guarantee: the parts
/// add up to the whole exactly, and the same inputs always give the same pennies. Rounding
/// each part on its own cannot promise the first (three thirds of £100 are £33.33 × 3 =
/// £99.99), so the largest-remainder rule is used:
///
/// 1. each part gets `total × weight ÷ sum of weights`, rounded down to the penny;
/// 2. the pennies still missing go one each to the parts with the largest remainders from
///    step 1, earlier parts first when remainders are equal.
///
/// A part with zero weight never receives a penny. Products are worked in 128 bits, so any
/// amount and weights that fit in Int64 split exactly.
extension Money {
    /// The parts of `self` in proportion to `weights`, in the same order, summing exactly to
    /// `self`. Nil when the amount is negative, a weight is negative, the weights add up to
    /// zero, or their sum overflows — there is then no proportion to follow.
    public func apportioned(by weights: [Int64]) -> [Money]? {
        guard pence >= 0, !weights.isEmpty, weights.allSatisfy({ $0 >= 0 }) else { return nil }
        var sum: Int64 = 0
        for weight in weights {
            let (next, overflow) = sum.addingReportingOverflow(weight)
            guard !overflow else { return nil }
            sum = next
        }
        guard sum > 0 else { return nil }

        var parts: [Int64] = []
        var remainders: [Int64] = []
        parts.reserveCapacity(weights.count)
        remainders.reserveCapacity(weights.count)
        for weight in weights {
            // weight ≤ sum, so the quotient is at most `pence` and always fits.
            let (quotient, remainder) = sum.dividingFullWidth(weight.multipliedFullWidth(by: pence))
            parts.append(quotient)
            remainders.append(remainder)
        }
        let missing = pence - parts.reduce(0, +)
        let order = weights.indices.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
        }
        for index in order.prefix(Int(missing)) { parts[index] += 1 }
        return parts.map { Money(pence: $0) }
    }

    /// The parts of `self` in proportion to `weights` (money amounts, such as costs or
    /// funding links); see `apportioned(by:)`.
    public func apportioned(by weights: [Money]) -> [Money]? {
        apportioned(by: weights.map(\.pence))
    }
}
