import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

struct ReproducibilityTests {
    static func same(_ a: SimulationResult, _ b: SimulationResult) -> Bool {
        a.routesCovered == b.routesCovered && a.childrenCovered == b.childrenCovered && a.fundingGap == b.fundingGap
            && a.routes == b.routes && a.lapsed == b.lapsed && a.months == b.months
    }

    @Test func sameSeedSameResult() {
        let base = Fixture.base()
        let first = Simulation.run(Fixture.uncertain(), on: base)
        let second = Simulation.run(Fixture.uncertain(), on: base)
        #expect(Self.same(first, second))
        let other = Simulation.run(Fixture.uncertain(seed: 43), on: base)
        #expect(!Self.same(first, other))
    }

    @Test func threadCountDoesNotMatter() {
        let base = Fixture.base()
        let scenario = Fixture.uncertain(samples: 1_000)   // not a multiple of the chunk size
        let one = Simulation.run(scenario, on: base, threads: 1)
        let four = Simulation.run(scenario, on: base, threads: 4)
        #expect(one.timing.threads == 1 && four.timing.threads == 4)
        #expect(Self.same(one, four))
    }

    @Test func percentilesAreOrdered() {
        let result = Simulation.run(Fixture.uncertain(), on: Fixture.base())
        for spread in result.routesCovered + result.childrenCovered + result.fundingGap + [result.lapsed] {
            #expect(spread.p10 <= spread.p50 && spread.p50 <= spread.p90)
            #expect(Double(spread.p10) <= spread.mean + 1e-9 || spread.p10 == spread.p90)
        }
        // Real spread somewhere, or the test proves nothing.
        #expect(result.routesCovered.contains { $0.p10 < $0.p90 })
    }

    @Test func progressCountsEverySample() {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var calls: [Int] = []
        }
        let seen = Seen()
        _ = Simulation.run(Fixture.uncertain(samples: 300), on: Fixture.base(), threads: 2) { completed, total in
            #expect(total == 300)
            seen.lock.withLock { seen.calls.append(completed) }
        }
        #expect(seen.calls == seen.calls.sorted() && seen.calls.last == 300)
        #expect(seen.calls.count == 5)   // ⌈300 / 64⌉ chunks
    }

    @Test func groupedFundersAreDrawnTogether() {
        var scenario = Fixture.uncertain()
        scenario.uncertainty.overrides = [ProbabilityOverride(funderName: "council a", probability: 0.5),
                                          ProbabilityOverride(funderName: "Trust", probability: 0.5)]
        scenario.uncertainty.funderGroups = [["Council A", "trust"]]
        let model = PreparedScenario(base: Fixture.base(), scenario: scenario)
        let slot = { (id: UUID) in Self.firstSlot(of: id, in: model) }
        var draws = SampleDraws(model: model)
        var both = 0, neither = 0
        for sample in 0..<1_000 {
            draws.draw(sample: sample, seed: scenario.seed, model: model)
            let council = draws.slotMultiplier[slot(Fixture.council)] > 0
            let trust = draws.slotMultiplier[slot(Fixture.trust)] > 0
            #expect(council == trust)
            if council { both += 1 } else { neither += 1 }
        }
        #expect(both > 400 && neither > 400)
    }

    /// The first slot of a source: slots are laid out source by source in the base's order.
    static func firstSlot(of id: UUID, in model: PreparedScenario) -> Int {
        let sources = Fixture.base().sources
        var index = 0
        for source in sources {
            if source.id == id { return index }
            index += 1 + (model.slots[index + 1..<model.slots.count].prefix { $0.generation > 0 }.count)
        }
        fatalError("no such source")
    }
}

/// Percentiles are picked out without sorting the samples: they must be the sorted order's.
struct SpreadTests {
    @Test func percentilesAreTheSortedOrdersNearestRanks() {
        var random = SeededRandom(seed: 5)
        for n in [1, 2, 3, 9, 10, 11, 64, 1_000, 1_001] {
            for spread: Int64 in [1, 3, 1_000_000] {
                let values = (0..<n).map { _ in Int64.random(in: 0...spread, using: &random) }
                let orders: [[Int64]] = [values, values.sorted(), values.sorted().reversed(), Array(repeating: 7, count: n)]
                for sample in orders {
                    let sorted = sample.sorted()
                    let rank = { (p: Double) in sorted[Swift.max(0, Int((p * Double(n)).rounded(.up)) - 1)] }
                    let result = Spread(sample)
                    #expect([result.p10, result.p50, result.p90] == [rank(0.1), rank(0.5), rank(0.9)], "\(n) \(spread)")
                }
            }
        }
    }
}
