import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: weights and splitting money to the penny")
struct WeightAndApportionmentTests {
    @Test("Weights read as points and percentages", arguments: [
        (4_000, "40", "40%"), (1_250, "12.5", "12.5%"), (3_333, "33.33", "33.33%"), (5, "0.05", "0.05%"), (0, "0", "0%"),
    ])
    func weightText(basisPoints: Int, points: String, percent: String) {
        #expect(Weight(basisPoints: basisPoints).points == points)
        #expect(Weight(basisPoints: basisPoints).percentText == percent)
    }

    @Test("Typed percentages read to the basis point", arguments: [
        ("40", 4_000), ("12.5", 1_250), ("33.33", 3_333), (" 40% ", 4_000), ("0", 0), ("100", 10_000), ("0.05", 5),
    ])
    func typedPercent(text: String, basisPoints: Int) {
        #expect(Weight(parsingPercent: text) == Weight(basisPoints: basisPoints))
    }

    @Test("Anything else is not a percentage", arguments: ["", "%", "-10", "+10", "12.345", "1e2", "forty", "12.", ".5", "10000000", "4 0"])
    func notPercent(text: String) {
        #expect(Weight(parsingPercent: text) == nil)
    }

    @Test("Percent and basis points agree; sums are exact")
    func weightArithmetic() {
        #expect(Weight(percent: 40) == Weight(basisPoints: 4_000))
        #expect(Weight.sum([Weight(percent: 40), Weight(percent: 50), Weight(percent: 10)]) == .whole)
        #expect(Weight.sum([Weight(basisPoints: .max), Weight(basisPoints: 1)]) == nil)
    }

    @Test("Three thirds of £100 are £33.34, £33.33 and £33.33: the first listed takes the odd penny")
    func thirds() {
        #expect(pounds(100).apportioned(by: [Int64(1), 1, 1]) == [Money(pence: 3_334), Money(pence: 3_333), Money(pence: 3_333)])
    }

    @Test("The largest remainder gets the penny, not the first part")
    func largestRemainder() {
        // 10p by 1:2:7 → exact 1, 2, 7; by 1:1:4 → 1.67, 1.67, 6.67 → 1, 1, 6 plus 2p to the first two.
        #expect(Money(pence: 10).apportioned(by: [Int64(1), 2, 7])?.map(\.pence) == [1, 2, 7])
        #expect(Money(pence: 10).apportioned(by: [Int64(1), 1, 4])?.map(\.pence) == [2, 2, 6])
        // 100p by 3:3:1 → 42.86, 42.86, 14.29 → 42, 42, 14 plus 2p: the two 0.86 remainders.
        #expect(Money(pence: 100).apportioned(by: [Int64(3), 3, 1])?.map(\.pence) == [43, 43, 14])
        // Zero weights never receive a penny.
        #expect(Money(pence: 5).apportioned(by: [Int64(0), 1, 0, 1])?.map(\.pence) == [0, 3, 0, 2])
    }

    @Test("No proportion to follow: nil")
    func refusals() {
        #expect(pounds(1).apportioned(by: [Int64]()) == nil)
        #expect(pounds(1).apportioned(by: [Int64(0), 0]) == nil)
        #expect(pounds(1).apportioned(by: [Int64(1), -1, 1]) == nil)
        #expect(Money(pence: -1).apportioned(by: [Int64(1)]) == nil)
        #expect(pounds(1).apportioned(by: [Int64.max, 1]) == nil)
    }

    @Test("Property: parts always add up to the whole, each within a penny of its exact share")
    func sumsExactly() {
        var random = SeededGenerator(seed: 4_040)
        for _ in 0..<2_000 {
            let total = Money(pence: Int64.random(in: 0...100_000_000_000, using: &random))
            let count = Int.random(in: 1...12, using: &random)
            var weights = (0..<count).map { _ in Int64.random(in: 0...5_000_000_000, using: &random) }
            if weights.allSatisfy({ $0 == 0 }) { weights[0] = 1 }
            guard let parts = total.apportioned(by: weights) else {
                Issue.record("no split for \(total) by \(weights)")
                continue
            }
            #expect(parts.count == count)
            #expect(parts.reduce(.zero, +) == total)
            let sum = Double(weights.reduce(0, +))
            for (part, weight) in zip(parts, weights) {
                let exact = Double(total.pence) * Double(weight) / sum
                #expect(abs(Double(part.pence) - exact) < 1.0001)
                if weight == 0 { #expect(part == .zero) }
            }
        }
    }

    @Test("Property: the same inputs give the same pennies, and a larger weight never gets less")
    func stableAndMonotone() {
        var random = SeededGenerator(seed: 77)
        for _ in 0..<1_000 {
            let total = Money(pence: Int64.random(in: 0...10_000_000, using: &random))
            let weights = (0..<5).map { _ in Int64.random(in: 1...1_000, using: &random) }
            let parts = total.apportioned(by: weights)
            #expect(parts == total.apportioned(by: weights))
            guard let parts else { continue }
            for i in weights.indices { for j in weights.indices where weights[i] > weights[j] {
                #expect(parts[i] >= parts[j])
            } }
        }
    }

    @Test("Calendar months: ranges, order, the months a period touches")
    func months() {
        let february = CalendarMonth(containing: day("2024-02-10"))
        #expect(february.range == range("2024-02-01", "2024-02-29"))
        #expect(february.display == "Feb 2024" && february.longDisplay == "February 2024")
        #expect(CalendarMonth(year: 2024, month: 12)?.next == CalendarMonth(year: 2025, month: 1))
        #expect(CalendarMonth(year: 2024, month: 13) == nil)
        #expect(CalendarMonth.months(in: range("2024-11-30", "2025-02-01")).map(\.description) == ["2024-11", "2024-12", "2025-01", "2025-02"])
        let json = try? JSONEncoder().encode([february])
        #expect(json.flatMap { String(data: $0, encoding: .utf8) } == "[\"2024-02\"]")
        #expect((try? JSONDecoder().decode([CalendarMonth].self, from: Data("[\"2024-13\"]".utf8))) == nil)
    }
}

@Suite("Commissioning: a route's cost over a period")
struct RouteCostOverPeriodTests {
    @Test("Adds the school days inside the period, and is unknown when any of them is")
    func costInPeriod() throws {
        let days = [day("2023-09-04"), day("2023-09-05"), day("2023-09-06"), day("2023-09-07")]
        let known = RouteSchedule(days: days, costs: [pounds(234), pounds(234), pounds(250), pounds(250)], end: .termDatesEnd(day("2024-07-31")))
        let period = try #require(DayRange(start: day("2023-09-05"), end: day("2023-09-06")))
        #expect(known.cost(in: period) == pounds(484))
        let outside = try #require(DayRange(start: day("2023-10-01"), end: day("2023-10-31")))
        #expect(known.cost(in: outside) == .zero)
        let gap = RouteSchedule(days: days, costs: [pounds(234), nil, pounds(250), pounds(250)], end: .termDatesEnd(day("2024-07-31")))
        #expect(gap.cost(in: period) == nil)
        #expect(gap.cost(in: try #require(DayRange(start: day("2023-09-06"), end: day("2023-09-07")))) == pounds(500))
    }
}
