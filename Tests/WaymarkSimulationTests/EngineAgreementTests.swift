import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// The jumping engine and the day-by-day walk give the same result, figure for figure, on
/// hundreds of made-up tenants and scenarios (`RandomTenant`), each with several seeds; and
/// "what it would take", which runs the engine twice and searches between, gives the same
/// answer on either.
struct EngineAgreementTests {
    static let tenants = 400
    static let seeds: [UInt64] = [1, 7, 2_024]

    @Test func bothEnginesGiveTheSameFigures() {
        var gaps = 0, covered = 0, lapsed = 0, pooled = 0
        for number in 0..<Self.tenants {
            var maker = RandomTenant(seed: UInt64(number))
            let base = maker.base()
            for seed in Self.seeds {
                let scenario = maker.scenario(on: base, samples: 70, seed: seed)
                let jump = Simulation.run(scenario, on: base, threads: 2, engine: .jump)
                let walk = Simulation.run(scenario, on: base, threads: 1, engine: .walk)
                #expect(ReproducibilityTests.same(jump, walk), "tenant \(number), seed \(seed)")
                gaps += jump.fundingGap.contains { $0.p90 > 0 } ? 1 : 0
                covered += jump.routesCovered.contains { $0.p90 > 0 } ? 1 : 0
                lapsed += jump.lapsed.p90 > 0 ? 1 : 0
                pooled += scenario.interventions.contains { if case .pooledFund = $0 { true } else { false } } ? 1 : 0
            }
        }
        // The cases reach what they are meant to test.
        let cases = Self.tenants * Self.seeds.count
        #expect(gaps > cases / 2 && covered > cases / 4 && lapsed > cases / 4 && pooled > cases / 4,
                "gaps \(gaps), covered \(covered), lapsed \(lapsed), pooled \(pooled) of \(cases)")
    }

    @Test func whatItWouldTakeIsTheSameOnEitherEngine() {
        var needed = 0
        for number in 0..<100 {
            var maker = RandomTenant(seed: 10_000 + UInt64(number))
            let base = maker.base()
            let scenario = maker.scenario(on: base, samples: 60, seed: 5)
            let jump = Simulation.whatItWouldTake(scenario, on: base, target: 0.8, engine: .jump)
            let walk = Simulation.whatItWouldTake(scenario, on: base, target: 0.8, engine: .walk)
            #expect(jump == walk, "tenant \(number)")
            needed += jump.total.isPositive ? 1 : 0
        }
        #expect(needed > 25)
    }

    /// The fixture's scenarios, including every pooled-fund policy, on both engines.
    @Test(arguments: [PoolPolicy.proRata, .cheapestFirst, .childrenPerPound,
                      .priority(scores: [RouteScore(routeID: Fixture.routeIDs[2], score: 9)])])
    func theFixtureAgrees(policy: PoolPolicy) {
        var scenario = Fixture.uncertain(samples: 500)
        scenario.interventions = [.pooledFund(fund: PooledFund(name: "Fund", amount: Money(pounds: 30_000),
                                                               period: Fixture.fy2425, probability: 0.8, policy: policy)),
                                  .pooledFund(fund: PooledFund(name: "Autumn", amount: Money(pounds: 9_000),
                                                               period: OpenRouteTests.autumn, policy: policy))]
        let base = Fixture.base()
        #expect(ReproducibilityTests.same(Simulation.run(scenario, on: base, engine: .jump),
                                          Simulation.run(scenario, on: base, engine: .walk)))
    }
}
