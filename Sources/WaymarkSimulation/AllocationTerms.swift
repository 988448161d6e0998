/// One allocation of a prepared route: what it holds, its money slot, the school days it
/// may pay (`firstDay ..< endDay`) and whether what it leaves lapses inside the forecast.
struct AllocationTerms: Sendable {
    var amount: Int64
    var slot: Int32
    var firstDay: Int32
    var endDay: Int32
    var lapsesInHorizon: Bool
    /// Its money comes in full in every sample.
    var whole: Bool

    /// Its amount in a sample whose money slots came in at `multiplier`: whole pence,
    /// rounded down, so scaled money never pays more than it was.
    @inline(__always)
    func amount(multiplier: [Double]) -> Int64 {
        // The multipliers are scattered over a table too big for the nearest cache: certain
        // money does not look.
        guard !whole else { return amount }
        let factor = multiplier[Int(slot)]
        guard factor != 1 else { return amount }
        let scaled = Double(amount) * factor
        // From zero up, converting (which cuts towards zero) rounds down, without the
        // library call that rounding makes.
        return scaled >= 0 ? Int64(scaled) : Int64(scaled.rounded(.down))
    }
}

extension MoneySlot {
    /// Money drawn with certainty and never scaled: its multiplier is 1 in every sample
    /// (a draw in [0, 1) is always below a probability of 1).
    var isAlwaysWhole: Bool { generation == 0 && probability >= 1 && scale == 1 }
}
