import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

struct ComparisonTests {
    let base = Fixture.base()

    func compare(_ scenario: Scenario) throws -> SimulationComparison {
        try SimulationComparison(baseline: Simulation.run(Simulation.baseline(of: scenario), on: base),
                                 scenario: Simulation.run(scenario, on: base))
    }

    /// Withdrawing the council from October 2024 loses routes 1 and 2 (10 and 20 children)
    /// until its year ends in March 2025, and the £1,234 of route 2's that would have lapsed
    /// is withdrawn instead.
    @Test func withdrawingASourceShowsWhatIsLost() throws {
        var scenario = Fixture.certain()
        scenario.interventions = [.withdrawSource(sourceID: Fixture.council, from: Day(2024, 10, 1))]
        let comparison = try compare(scenario)
        let months = comparison.months.map(\.month)
        let october = months.firstIndex(of: Day(2024, 10, 1))!, april = months.firstIndex(of: Day(2025, 4, 1))!
        for (m, difference) in comparison.months.enumerated() {
            let losing = (october..<april).contains(m)
            #expect(difference.routesCoveredP50 == (losing ? -2 : 0), "\(difference.month)")
            #expect(difference.routesCoveredMean == (losing ? -2 : 0))
            #expect(difference.childrenCoveredMean == (losing ? -30 : 0))
            #expect(losing ? difference.fundingGapMean > 0 && difference.fundingGapP50 > 0 : difference.fundingGapMean == 0)
        }
        #expect(comparison.lapsedP50 == -Money(pounds: 1_234).pence)
        let routes = comparison.routes
        #expect(routes.map(\.presence) == [.both, .both, .both])
        #expect(routes[0].likelyLostFromChange == .earlier(months: 6) && routes[1].likelyLostFromChange == .earlier(months: 6))
        #expect(routes[0].baselineLikelyLostFrom == Day(2025, 4, 1) && routes[0].scenarioLikelyLostFrom == Day(2024, 10, 1))
        #expect(routes[0].probabilityCovered[october] == -1 && routes[0].probabilityCovered[april] == 0)
        #expect(routes[2].likelyLostFromChange == .unchanged && routes[2].probabilityCovered.allSatisfy { $0 == 0 })
    }

    @Test func aScenarioAgainstItselfChangesNothing() throws {
        let result = Simulation.run(Fixture.uncertain(samples: 500), on: base)
        let comparison = try SimulationComparison(baseline: result, scenario: result)
        #expect(comparison.months.count == result.months.count)
        #expect(comparison.months.allSatisfy {
            $0.routesCoveredP50 == 0 && $0.routesCoveredMean == 0 && $0.childrenCoveredP50 == 0 && $0.childrenCoveredMean == 0
                && $0.fundingGapP50 == 0 && $0.fundingGapMean == 0
        })
        #expect(comparison.routes.allSatisfy { $0.likelyLostFromChange == .unchanged && $0.probabilityCovered.allSatisfy { $0 == 0 } })
        #expect(comparison.lapsedP50 == 0 && comparison.lapsedMean == 0)
    }

    /// Common random numbers: an intervention that touches one route leaves every other
    /// route's probabilities exactly as they were, even with plenty of chance about.
    @Test func differencesComeFromTheInterventionsAlone() throws {
        var scenario = Fixture.uncertain(samples: 1_000)
        scenario.interventions = [.openRoute(route: OpenRouteTests.newRoute()), OpenRouteTests.authorityBMoney]
        let comparison = try compare(scenario)
        #expect(comparison.routes.map(\.presence) == [.both, .both, .both, .scenarioOnly])
        #expect(comparison.routes[0].probabilityCovered.allSatisfy { $0 == 0 })
        #expect(comparison.routes[1].probabilityCovered.allSatisfy { $0 == 0 })
        #expect(comparison.routes[2].probabilityCovered.contains { $0 > 0 })   // route 3 shares the new money
        let opened = comparison.routes[3]
        #expect(opened.code == "N1" && opened.likelyLostFromChange == nil && opened.baselineLikelyLostFrom == nil)
        #expect(opened.probabilityCovered.contains { $0 > 0.9 })
    }

    @Test func forecastsOfDifferentMonthsCannotBeCompared() {
        let result = Simulation.run(Fixture.certain(), on: base)
        let shorter = Simulation.run(Fixture.certain(), on: Fixture.base(horizonMonths: 12))
        #expect(throws: SimulationComparison.MonthsDiffer.self) { try SimulationComparison(baseline: result, scenario: shorter) }
    }

    @Test func theBaselineKeepsTheChancesAndDropsTheChanges() {
        var scenario = Fixture.uncertain(samples: 700, seed: 9)
        let added = Fixture.id(0x500)
        scenario.uncertainty.overrides = [ProbabilityOverride(sourceID: added, probability: 0.2),
                                          ProbabilityOverride(sourceID: Fixture.trust, probability: 0.9)]
        scenario.interventions = [.addSource(source: HypotheticalSource(id: added, funderName: "Bid", amount: Money(pounds: 1),
                                                                         period: Fixture.fy2425, probability: 1)),
                                  .closeRoute(routeID: Fixture.routeIDs[0], on: Day(2024, 12, 31))]
        let baseline = Simulation.baseline(of: scenario)
        #expect(baseline.name == "uncertain — baseline")
        #expect(baseline.samples == 700 && baseline.seed == 9 && baseline.interventions.isEmpty)
        #expect(baseline.uncertainty.overrides == [ProbabilityOverride(sourceID: Fixture.trust, probability: 0.9)])
        #expect(baseline.uncertainty.renewal == scenario.uncertainty.renewal && baseline.uncertainty.inflation == scenario.uncertainty.inflation)
        #expect(scenario.problems(against: base).isEmpty && baseline.problems(against: base).isEmpty)
    }
}
