import WaymarkDomain

/// The synthetic tenant is drawn from a seeded generator, so it is the same on every run
/// and machine and timings compare between commits.
typealias BenchRandom = SeededRandom

extension SeededRandom {
    /// A whole number in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }
}
