import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// The JSON forms of opening a route and of pooled funds, as docs/scenario-format.md gives
/// them, and the problems they can have, each named by its key.
struct NewInterventionFormatTests {
    static let json = """
    {
      "name": "A new route and a regional fund",
      "interventions": [
        {"openRoute": {"route": {"id": "00000000-0000-4000-8000-000000000900", "code": "N1",
                                 "localAuthorityID": "B0000000-0000-4000-8000-000000000002",
                                 "childrenPerDay": 15, "dailyCost": 10000, "from": "2024-09-01", "closes": "2025-07-18"}}},
        {"pooledFund": {"fund": {"name": "Regional top-up", "amount": 5000000,
                                 "period": {"start": "2024-04-01", "end": "2025-03-31"}, "policy": "cheapestFirst"}}},
        {"pooledFund": {"fund": {"amount": 2500000, "period": {"start": "2024-04-01", "end": "2025-03-31"},
                                 "probability": 0.5, "localAuthorityIDs": ["A0000000-0000-4000-8000-000000000001"],
                                 "policy": {"priority": {"scores": [{"routeID": "00000000-0000-4000-8000-000000000001", "score": 7.5},
                                                                    {"routeID": "00000000-0000-4000-8000-000000000900", "score": 2}]}}}}},
        {"pooledFund": {"fund": {"amount": 100, "period": {"start": "2024-04-01", "end": "2025-03-31"}, "policy": "proRata"}}},
        {"pooledFund": {"fund": {"amount": 100, "period": {"start": "2024-04-01", "end": "2025-03-31"}, "policy": "childrenPerPound"}}}
      ]
    }
    """

    @Test func theDocumentedFormsDecodeWithTheirDefaultsAndRoundTrip() throws {
        let scenario = try JSONDecoder().decode(Scenario.self, from: Data(Self.json.utf8))
        #expect(scenario.interventions[0] == .openRoute(route: HypotheticalRoute(
            id: Fixture.id(0x900), code: "N1", localAuthorityID: Fixture.laB, childrenPerDay: 15,
            dailyCost: Money(pounds: 100), from: Day(2024, 9, 1), closes: Day(2025, 7, 18))))
        #expect(scenario.interventions[1] == .pooledFund(fund: PooledFund(
            name: "Regional top-up", amount: Money(pounds: 50_000), period: Fixture.fy2425, probability: 1, policy: .cheapestFirst)))
        guard case .pooledFund(let priority) = scenario.interventions[2] else { Issue.record("not a fund"); return }
        #expect(priority.name == "Pooled fund" && priority.probability == 0.5 && priority.localAuthorityIDs == [Fixture.laA])
        #expect(priority.policy == .priority(scores: [RouteScore(routeID: Fixture.routeIDs[0], score: 7.5),
                                                      RouteScore(routeID: Fixture.id(0x900), score: 2)]))
        let policies = scenario.interventions.dropFirst(3).map { (intervention: Intervention) -> PoolPolicy? in
            if case .pooledFund(let fund) = intervention { fund.policy } else { nil }
        }
        #expect(policies == [PoolPolicy.proRata, .childrenPerPound])
        let encoded = try JSONEncoder().encode(scenario)
        #expect(try JSONDecoder().decode(Scenario.self, from: encoded) == scenario)
        #expect(String(decoding: encoded, as: UTF8.self).contains(#""policy":"cheapestFirst""#))
        // It runs on the fixture, the new route (named by the priority fund) included.
        #expect(scenario.problems(against: Fixture.base()).isEmpty)
        var small = scenario
        small.samples = 200
        #expect(Simulation.run(small, on: Fixture.base()).routes.map(\.code) == ["R1", "R2", "R3", "N1"])
    }

    @Test func anUnknownPolicyIsRefusedInWords() throws {
        let json = #"{"interventions": [{"pooledFund": {"fund": {"amount": 100, "period": {"start": "2024-04-01", "end": "2025-03-31"}, "policy": "biggestFirst"}}}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Scenario.self, from: Data(json.utf8)) }
        do {
            _ = try JSONDecoder().decode(PoolPolicy.self, from: Data(#""biggestFirst""#.utf8))
            Issue.record("decoded")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.contains("\"biggestFirst\" is not one of"))
        }
    }

    @Test func impossibleNumbersInAFundAreNamed() {
        var fund = PooledFund(name: "Bad", amount: Money(pounds: 2_000_000_000), period: Fixture.range(Day(1850, 1, 1), Day(2024, 1, 1)),
                              probability: 1.5, policy: .priority(scores: [RouteScore(routeID: Fixture.routeIDs[0], score: .infinity)]))
        var problems = Scenario(name: "Bad", interventions: [.pooledFund(fund: fund)]).problems()
        for expected in ["interventions[0].pooledFund.fund.amount: must be at most £1,000,000,000.00",
                         "interventions[0].pooledFund.fund.period.start: 1850-01-01 is not a date from 1900 to 2199",
                         "interventions[0].pooledFund.fund.probability: 1.5 is not a probability from 0 to 1",
                         "interventions[0].pooledFund.fund.policy.priority.scores[0].score: must be a finite number"] {
            #expect(problems.contains(expected), "\(expected) in \(problems)")
        }
        #expect(problems.count == 4)
        fund.amount = .zero
        fund.period = Fixture.fy2425
        fund.probability = 1
        fund.policy = .proRata
        problems = Scenario(name: "Bad", interventions: [.pooledFund(fund: fund)]).problems()
        #expect(problems == ["interventions[0].pooledFund.fund.amount: must be more than 0"])
    }

    @Test func idsAFundNamesMustExist() {
        let unknown = Fixture.id(0xAA)
        let fund = PooledFund(id: Fixture.council, name: "Typos", amount: Money(pounds: 10), period: Fixture.fy2425,
                              policy: .priority(scores: [RouteScore(routeID: unknown, score: 1)]),
                              localAuthorityIDs: [unknown], routeIDs: [Fixture.routeIDs[0], unknown])
        let problems = Scenario(name: "Typos", interventions: [.pooledFund(fund: fund)]).problems(against: Fixture.base())
        let id = unknown.uuidString.lowercased()
        #expect(problems.sorted() == [
            "interventions[0].pooledFund.fund.id: \(Fixture.council.uuidString.lowercased()) is a source's id: give the fund another",
            "interventions[0].pooledFund.fund.localAuthorityIDs: no route is in, and no school days are known for, the local authority \(id)",
            "interventions[0].pooledFund.fund.policy.priority.scores[0].routeID: no active route has the id \(id)",
            "interventions[0].pooledFund.fund.routeIDs: no active route has the id \(id)",
        ])
    }
}
