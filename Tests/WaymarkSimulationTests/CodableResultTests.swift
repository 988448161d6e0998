import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// The app stores results as JSON: they must read back equal, under keys that stay put.
struct CodableResultTests {
    static func roundTrip<T: Codable & Equatable>(_ value: T) throws -> (T, String) {
        let data = try JSONEncoder().encode(value)
        return (try JSONDecoder().decode(T.self, from: data), String(decoding: data, as: UTF8.self))
    }

    @Test func aResultReadsBackEqual() throws {
        var scenario = MoneyScenarios.busy()
        scenario.samples = 300
        let result = Simulation.run(scenario, on: Fixture.base())
        #expect(result.timing.total > .zero && result.routes.contains { $0.likelyLostFrom != nil })
        let (decoded, json) = try Self.roundTrip(result)
        #expect(decoded == result)
        for key in ["\"scenarioName\"", "\"samples\"", "\"seed\"", "\"months\"", "\"routesCovered\"", "\"childrenCovered\"",
                    "\"fundingGap\"", "\"routes\"", "\"lapsed\"", "\"timing\"", "\"p10\"", "\"p50\"", "\"p90\"", "\"mean\"",
                    "\"routeID\"", "\"code\"", "\"probabilityCovered\"", "\"likelyLostFrom\"", "\"threads\"", "\"coverage\""] {
            #expect(json.contains(key), "\(key)")
        }
        #expect(json.contains("\"2024-01-01\""))   // months as ISO dates
    }

    @Test func timingsAreSecondsReadBackToTheNanosecond() throws {
        let timing = SimulationTiming(preparation: .nanoseconds(1_234_567), sampling: .seconds(27) + .nanoseconds(987_654_321),
                                      summarising: .milliseconds(28), total: .seconds(3_600) + .nanoseconds(1), threads: 2,
                                      drawing: .zero, coverage: .nanoseconds(61_683_400_000), aggregation: .microseconds(9))
        let (decoded, json) = try Self.roundTrip(timing)
        #expect(decoded == timing)
        #expect(json.contains("\"preparation\":0.001234567"), "\(json)")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(SimulationTiming.self, from: Data(json.replacingOccurrences(of: "\"drawing\":0", with: "\"drawing\":1e300").utf8))
        }
    }

    @Test func whatItWouldTakeAndComparisonsReadBackEqual() throws {
        var scenario = MoneyScenarios.busy()
        scenario.samples = 200
        let need = Simulation.whatItWouldTake(scenario, on: Fixture.base())
        #expect(need.total.isPositive)
        let (decodedNeed, json) = try Self.roundTrip(need)
        #expect(decodedNeed == need)
        for key in ["\"target\"", "\"years\"", "\"label\"", "\"period\"", "\"extra\"", "\"total\"", "\"achieved\"",
                    "\"coveredWithoutExtra\"", "\"excludedRoutes\"", "\"samples\""] {
            #expect(json.contains(key), "\(key)")
        }
        let comparison = try SimulationComparison(baseline: Simulation.run(Simulation.baseline(of: scenario), on: Fixture.base()),
                                                  scenario: Simulation.run(scenario, on: Fixture.base()))
        #expect(comparison.routes.last?.presence == .scenarioOnly)
        #expect(try Self.roundTrip(comparison).0 == comparison)
    }
}

/// A scenario using every kind of intervention, for tests that need plenty going on.
enum MoneyScenarios {
    static func busy() -> Scenario {
        var scenario = Fixture.uncertain()
        scenario.interventions = [
            .withdrawSource(sourceID: Fixture.council, from: Day(2024, 10, 1)),
            .openRoute(route: OpenRouteTests.newRoute()),
            OpenRouteTests.authorityBMoney,
            .pooledFund(fund: PooledFund(name: "Regional", amount: Money(pounds: 20_000), period: Fixture.fy2425,
                                         probability: 0.7, policy: .childrenPerPound)),
        ]
        return scenario
    }
}
