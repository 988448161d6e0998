import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// The monotonicity properties hold sample by sample (draws are common random numbers), so
/// the means can be compared exactly, month by month.
struct PropertyTests {
    static func meanCovered(_ r: SimulationResult) -> [Double] { r.routesCovered.map(\.mean) }
    static func atLeast(_ a: [Double], _ b: [Double]) -> Bool { zip(a, b).allSatisfy { $0 >= $1 - 1e-12 } }

    @Test func moreMoneyNeverLowersCoverage() {
        let base = Fixture.base()
        let before = Simulation.run(Fixture.uncertain(), on: base)
        for factor in [1.2, 2.0] {
            var richer = Fixture.uncertain()
            richer.interventions = [.scaleSource(sourceID: Fixture.school, factor: factor),
                                    .scaleSource(sourceID: Fixture.council, factor: factor)]
            let after = Simulation.run(richer, on: base)
            #expect(Self.atLeast(Self.meanCovered(after), Self.meanCovered(before)))
            #expect(Self.meanCovered(after) != Self.meanCovered(before))
            #expect(zip(after.fundingGap, before.fundingGap).allSatisfy { $0.mean <= $1.mean })
        }
    }

    @Test func higherProbabilitiesNeverLowerCoverage() {
        let base = Fixture.base()
        var previous: [Double]?
        for p in [0.0, 0.3, 0.6, 0.9, 1.0] {
            var scenario = Fixture.uncertain()
            scenario.uncertainty.byStatus.prospective = p
            scenario.uncertainty.byStatus.pledged = p
            let covered = Self.meanCovered(Simulation.run(scenario, on: base))
            if let previous { #expect(Self.atLeast(covered, previous)) }
            previous = covered
        }
    }

    @Test func zeroProbabilitySourceChangesNothing() {
        let base = Fixture.base()
        let before = Simulation.run(Fixture.uncertain(), on: base)
        var scenario = Fixture.uncertain()
        scenario.interventions = [.addSource(source: HypotheticalSource(
            funderName: "Never", amount: Money(pounds: 1_000_000), period: Fixture.fy2425, probability: 0))]
        let after = Simulation.run(scenario, on: base)
        #expect(ReproducibilityTests.same(before, after))
    }

    @Test func renewalWithCertaintyExtendsCoverage() {
        let base = Fixture.base()
        var scenario = Fixture.certain()
        let without = Simulation.run(scenario, on: base)
        scenario.uncertainty.renewal = RenewalAssumption(probability: 1, amountFactor: .exactly(1))
        let with = Simulation.run(scenario, on: base)
        // Home Office money renews each April: route 2 keeps its autumn-to-March share from then on.
        let april = Fixture.month(with, 2024, 4), nextMarch = Fixture.month(with, 2025, 3)
        #expect(without.routes[0].probabilityCovered[april] == 1)   // the council pays route 1 that year
        #expect(Self.atLeast(Self.meanCovered(with), Self.meanCovered(without)))
        #expect(with.lapsed.mean > without.lapsed.mean)   // route 2 already had the council's money
        let sept25 = Fixture.month(with, 2025, 9)
        #expect(without.routes[0].probabilityCovered[sept25] == 0)
        #expect(with.routes[0].probabilityCovered[sept25] == 1)
        #expect(with.routes[0].probabilityCovered[nextMarch] == 1)
    }

    @Test func renewalDelayLeavesAGap() {
        var scenario = Fixture.certain()
        scenario.uncertainty.renewal = RenewalAssumption(probability: 1, amountFactor: .exactly(1), decisionDelayDays: 45)
        let result = Simulation.run(scenario, on: Fixture.base())
        #expect(result.routes[0].probabilityCovered[Fixture.month(result, 2025, 4)] == 0)
        #expect(result.routes[0].probabilityCovered[Fixture.month(result, 2025, 6)] == 1)
    }

    @Test func inflationRaisesTheGap() {
        let base = Fixture.base()
        var scenario = Fixture.certain()
        let flat = Simulation.run(scenario, on: base)
        scenario.uncertainty.inflation = DrawRange(0.03, 0.08)
        let inflated = Simulation.run(scenario, on: base)
        let march = Fixture.month(flat, 2024, 3), april = Fixture.month(flat, 2024, 4)
        #expect(inflated.fundingGap[march] == flat.fundingGap[march])   // before the first 1 April
        #expect(zip(inflated.fundingGap, flat.fundingGap).allSatisfy { $0.mean >= $1.mean })
        let inflatedGap: Double = inflated.fundingGap[april...].map(\.mean).reduce(0, +)
        let flatGap: Double = flat.fundingGap[april...].map(\.mean).reduce(0, +)
        #expect(inflatedGap > flatGap)
        // Route 1's council money was sized to today's prices: it runs out before March 2025.
        let nextMarch = Fixture.month(flat, 2025, 3)
        #expect(flat.routes[0].probabilityCovered[nextMarch] == 1)
        #expect(inflated.routes[0].probabilityCovered[nextMarch] == 0)
    }
}
