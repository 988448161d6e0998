import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

struct ScenarioFormatTests {
    @Test func aMinimalFileTakesTheDefaults() throws {
        let scenario = try JSONDecoder().decode(Scenario.self, from: Data(#"{"name": "Baseline"}"#.utf8))
        #expect(scenario == Scenario(name: "Baseline"))
        #expect(scenario.samples == 10_000 && scenario.uncertainty.byStatus.pledged == 0.7)
    }

    @Test func theDocumentedExampleDecodesAndRoundTrips() throws {
        let json = """
        {
          "name": "No Home Office renewal, councils pledge as before",
          "samples": 10000,
          "seed": 2023,
          "uncertainty": {
            "byStatus": {"prospective": 0.3, "pledged": 0.8},
            "overrides": [
              {"funderName": "Home Office", "probability": 0},
              {"sourceID": "00000000-0000-4000-8000-000000000012", "probability": 0.5}
            ],
            "funderGroups": [["Birmingham City Council", "Sandwell Council"]],
            "renewal": {"probability": 0.6, "amountFactor": {"low": 0.8, "high": 1.0}, "decisionDelayDays": 30},
            "inflation": {"low": 0.02, "high": 0.06}
          },
          "interventions": [
            {"withdrawSource": {"sourceID": "00000000-0000-4000-8000-000000000010", "from": "2024-04-01"}},
            {"scaleSource": {"sourceID": "00000000-0000-4000-8000-000000000011", "factor": 0.67}},
            {"addSource": {"source": {"funderName": "Youth Endowment Fund", "amount": 25000000,
                           "period": {"start": "2024-09-01", "end": "2025-08-31"}, "probability": 0.4,
                           "localAuthorityIDs": ["A0000000-0000-4000-8000-000000000001"]}}},
            {"changeDailyCost": {"routeID": "00000000-0000-4000-8000-000000000001", "dailyCost": 41000, "from": "2024-09-01"}},
            {"closeRoute": {"routeID": "00000000-0000-4000-8000-000000000003", "on": "2024-07-19"}}
          ]
        }
        """
        let scenario = try JSONDecoder().decode(Scenario.self, from: Data(json.utf8))
        #expect(scenario.uncertainty.byStatus.confirmed == 1 && scenario.uncertainty.byStatus.pledged == 0.8)
        #expect(scenario.uncertainty.renewal?.decisionDelayDays == 30)
        #expect(scenario.interventions.count == 5)
        #expect(scenario.interventions[0] == .withdrawSource(sourceID: Fixture.homeOffice, from: Day(2024, 4, 1)))
        let again = try JSONDecoder().decode(Scenario.self, from: JSONEncoder().encode(scenario))
        #expect(again == scenario)
        let result = Simulation.run(Scenario(name: scenario.name, samples: 500, seed: scenario.seed,
                                             uncertainty: scenario.uncertainty, interventions: scenario.interventions),
                                    on: Fixture.base())
        #expect(result.months.count == 24)
    }
}
