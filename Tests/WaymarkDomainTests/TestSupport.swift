@testable import WaymarkDomain

/// SplitMix64: a tiny seeded generator, so the property-style tests explore many values yet
/// fail the same way on every run (SystemRandomNumberGenerator cannot be seeded).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// `day("2022-09-05")` — test shorthand that fails loudly on a typo.
func day(_ iso: String) -> Day {
    guard let parsed = Day(iso: iso) else { fatalError("bad test date \(iso)") }
    return parsed
}

/// `range("2022-09-05", "2022-12-16")`.
func range(_ start: String, _ end: String) -> DayRange {
    guard let parsed = DayRange(start: day(start), end: day(end)) else { fatalError("bad test range \(start)...\(end)") }
    return parsed
}
