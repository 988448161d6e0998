import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// A scenario file with impossible numbers is refused, naming each key.
struct ScenarioValidationTests {
    func refusal(_ json: String) -> String? {
        do {
            _ = try JSONDecoder().decode(Scenario.self, from: Data(json.utf8))
            return nil
        } catch DecodingError.dataCorrupted(let context) {
            return context.debugDescription
        } catch {
            return "\(error)"
        }
    }

    @Test func probabilitiesRangesAndCountsAreCheckedByName() throws {
        let message = try #require(refusal("""
        {"samples": 0,
         "uncertainty": {"byStatus": {"pledged": 1.4}, "overrides": [{"funderName": "Home Office", "probability": -0.1}],
                         "renewal": {"probability": 0.5, "amountFactor": {"low": 1.2, "high": 0.8}, "decisionDelayDays": -3},
                         "inflation": {"low": 0.06, "high": 0.02}},
         "interventions": [{"scaleSource": {"sourceID": "00000000-0000-4000-8000-000000000010", "factor": -1}}]}
        """))
        for expected in ["samples: must be at least 1", "uncertainty.byStatus.pledged: 1.4 is not a probability",
                         "uncertainty.overrides[0].probability: -0.1", "uncertainty.renewal.amountFactor: low (1.2) is above high (0.8)",
                         "uncertainty.renewal.decisionDelayDays: must not be negative", "uncertainty.inflation: low (0.06) is above high",
                         "interventions[0].scaleSource.factor: must not be negative"] {
            #expect(message.contains(expected), "\(expected) in \(message)")
        }
    }

    @Test func datesOutsideTheAcceptedYearsAreRefused() throws {
        let message = try #require(refusal("""
        {"interventions": [{"closeRoute": {"routeID": "00000000-0000-4000-8000-000000000010", "on": "9999-12-31"}}]}
        """))
        #expect(message.contains("interventions[0].closeRoute.on: 9999-12-31 is not a date from 1900 to 2199"), "\(message)")
    }

    @Test func multipliersMoneyAndDelaysHaveCeilings() throws {
        let message = try #require(refusal("""
        {"uncertainty": {"renewal": {"probability": 1, "amountFactor": {"low": 1, "high": 50}, "decisionDelayDays": 99999},
                         "inflation": {"low": 0, "high": 3}},
         "interventions": [{"changeDailyCost": {"routeID": "00000000-0000-4000-8000-000000000010", "dailyCost": 9000000000000, "from": "2024-04-01"}}]}
        """))
        for expected in ["uncertainty.renewal.amountFactor: high (50.0) must be at most 10.0", "decisionDelayDays: at most 3650",
                         "uncertainty.inflation: high (3.0) must be at most 1.0", "interventions[0].changeDailyCost.dailyCost: must be from 0 to"] {
            #expect(message.contains(expected), "\(expected) in \(message)")
        }
    }

    @Test func idsTheBaseDoesNotHaveAreNamed() {
        var scenario = Scenario(name: "Typo")
        let unknown = UUID(uuidString: "00000000-0000-4000-8000-0000000000AA")!
        scenario.interventions = [.withdrawSource(sourceID: unknown, from: Day(2024, 4, 1)), .closeRoute(routeID: unknown, on: Day(2024, 7, 19))]
        scenario.uncertainty.overrides = [ProbabilityOverride(sourceID: unknown, probability: 0.5)]
        let base = SimulationBase(routes: [], sources: [], allocations: [], asOf: Day(2024, 1, 1))
        let problems = scenario.problems(against: base)
        #expect(problems.count == 3)
        #expect(problems.contains("interventions[1]: no active route has the id 00000000-0000-4000-8000-0000000000aa"))
    }

    @Test func aSensibleScenarioHasNoProblems() {
        var scenario = Scenario(name: "Fine")
        scenario.uncertainty.inflation = DrawRange(0.02, 0.06)
        scenario.uncertainty.renewal = RenewalAssumption(probability: 0.6, amountFactor: DrawRange(0.8, 1), decisionDelayDays: 30)
        #expect(scenario.problems().isEmpty)
    }
}
