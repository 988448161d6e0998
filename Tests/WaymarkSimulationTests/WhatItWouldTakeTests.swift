import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

struct WhatItWouldTakeTests {
    /// Route 3 is paid through 2024/25 (the school's money, then a certain top-up), so with
    /// certain money 2023/24 and 2024/25 need nothing and 2025/26 (April to December 2025,
    /// the horizon's end) needs every route's whole cost.
    static func paidTo2025(_ scenario: Scenario) -> Scenario {
        var scenario = scenario
        scenario.interventions.append(.addSource(source: HypotheticalSource(
            funderName: "Top-up", amount: Fixture.cost(Fixture.fy2425), period: Fixture.fy2425, probability: 1,
            routeIDs: [Fixture.routeIDs[2]])))
        return scenario
    }

    /// The scenario with `amounts` added as the search's check adds them, so its
    /// `coveredWithoutExtra` says how often they keep every route covered.
    static func share(_ scenario: Scenario, with amounts: [Money], _ need: ExtraMoneyNeeded, base: SimulationBase) -> Double {
        var scenario = scenario
        for (year, amount) in zip(need.years, amounts) where amount.isPositive {
            scenario.interventions.append(.pooledFund(fund: PooledFund(name: year.label, amount: amount, period: year.period,
                                                                       policy: .cheapestFirst)))
        }
        return Simulation.whatItWouldTake(scenario, on: base).coveredWithoutExtra
    }

    @Test func oneYearNeedsMoneyAndTheOthersDoNot() {
        let base = Fixture.base()
        let need = Simulation.whatItWouldTake(Self.paidTo2025(Fixture.certain()), on: base)
        #expect(need.years.map(\.label) == ["2023/24", "2024/25", "2025/26"])
        #expect(need.years.map(\.period) == [Fixture.range(Day(2024, 1, 1), Day(2024, 3, 31)), Fixture.fy2425,
                                             Fixture.range(Day(2025, 4, 1), Day(2025, 12, 31))])
        let lastYear = Fixture.cost(Fixture.range(Day(2025, 4, 1), Day(2025, 12, 31))) * 3
        #expect(need.years.map(\.extra) == [.zero, .zero, lastYear])
        #expect(need.total == lastYear)
        #expect(need.achieved == 1 && need.coveredWithoutExtra == 0)
        #expect(need.excludedRoutes.isEmpty && need.samples == 50 && need.target == 0.9)
    }

    @Test func achievesTheTargetAndNoYearCanBeCutByOnePercent() {
        let base = Fixture.base()
        let scenario = Self.paidTo2025(Fixture.uncertain(samples: 1_000))
        let need = Simulation.whatItWouldTake(scenario, on: base, target: 0.8)
        #expect(need.achieved >= 0.8)
        let amounts = need.years.map(\.extra)
        #expect(Self.share(scenario, with: amounts, need, base: base) == need.achieved)
        // Uncertain money makes more than one year short in some samples.
        #expect(amounts.filter(\.isPositive).count >= 2)
        for y in amounts.indices where amounts[y].isPositive {
            var cut = amounts
            cut[y] = Money(pence: amounts[y].pence * 99 / 100)
            #expect(Self.share(scenario, with: cut, need, base: base) < 0.8, "\(need.years[y].label)")
        }
    }

    @Test func nothingIsNeededWhenEveryRouteIsAlreadyCovered() {
        final class Calls: @unchecked Sendable {
            let lock = NSLock()
            var last = (0, 0)
        }
        var scenario = Fixture.uncertain(samples: 300)
        scenario.interventions = [.addSource(source: HypotheticalSource(
            funderName: "Plenty", amount: Money(pounds: 10_000_000), period: Fixture.range(Day(2023, 9, 1), Day(2026, 8, 31)),
            probability: 1))]
        let calls = Calls()
        let need = Simulation.whatItWouldTake(scenario, on: Fixture.base(), target: 1) { done, total in
            calls.lock.withLock { calls.last = (done, total) }
        }
        #expect(need.years.allSatisfy { $0.extra == .zero } && need.total == .zero)
        #expect(need.achieved == 1 && need.coveredWithoutExtra == 1)
        #expect(calls.last == (600, 600))
    }

    @Test func routesMoneyCannotCoverAreListedAndLeftOut() throws {
        var base = Fixture.base()
        let days = Fixture.knownSchoolDays
        let unknownFrom = Day(2025, 9, 1)
        base.routes.append(SimulationRoute(
            id: Fixture.id(0x400), code: "R4", childrenPerDay: 5, localAuthorityID: Fixture.laB,
            schedule: RouteSchedule(days: days, costs: days.map { $0 < unknownFrom ? Fixture.dailyCost : nil },
                                    end: .termDatesEnd(days.last))))
        let scenario = Self.paidTo2025(Fixture.certain())
        let need = Simulation.whatItWouldTake(scenario, on: base)
        let excluded = try #require(need.excludedRoutes.first)
        #expect(need.excludedRoutes.count == 1 && excluded.code == "R4" && excluded.routeID == Fixture.id(0x400))
        #expect(excluded.reason.contains("school days from September 2025 have no known cost"), "\(excluded.reason)")
        // Route 4's own gap (it has no money) is not counted: the need is the three others'.
        #expect(need.years.map(\.extra) == Simulation.whatItWouldTake(scenario, on: Fixture.base()).years.map(\.extra))
        #expect(need.achieved == 1)
    }

    @Test func progressCoversBothRuns() {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var calls: [Int] = []
        }
        let seen = Seen()
        _ = Simulation.whatItWouldTake(Self.paidTo2025(Fixture.uncertain(samples: 200)), on: Fixture.base(), threads: 2) { done, total in
            #expect(total == 400)
            seen.lock.withLock { seen.calls.append(done) }
        }
        #expect(seen.calls == seen.calls.sorted() && seen.calls.last == 400)
        #expect(seen.calls.contains(200))   // the first run's end
    }
}
