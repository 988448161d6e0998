@testable import WaymarkDomain

/// The property-style tests explore many values yet fail the same way on every run.
typealias SeededGenerator = SeededRandom

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
