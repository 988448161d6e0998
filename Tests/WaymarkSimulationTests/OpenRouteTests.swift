import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// A route the scenario opens runs on its authority's school days and is paid only by money
/// that reaches it, like any base route.
struct OpenRouteTests {
    let base = Fixture.base()
    static let newRouteID = Fixture.id(0x900)
    static let autumn = Fixture.range(Day(2024, 9, 1), Day(2025, 3, 31))

    static func newRoute(closes: Day? = nil) -> HypotheticalRoute {
        HypotheticalRoute(id: newRouteID, code: "N1", localAuthorityID: Fixture.laB, childrenPerDay: 15,
                          dailyCost: Fixture.dailyCost, from: Day(2024, 9, 1), closes: closes)
    }

    /// Money for authority B's routes from September to March: route 3 and the new route
    /// cost the same, so each gets exactly its days' cost.
    static let authorityBMoney = Intervention.addSource(source: HypotheticalSource(
        funderName: "PCC", amount: Fixture.cost(autumn) * 2, period: autumn, probability: 1,
        localAuthorityIDs: [Fixture.laB]))

    func run(_ interventions: [Intervention]) -> SimulationResult {
        var scenario = Fixture.certain()
        scenario.interventions = interventions
        #expect(scenario.problems().isEmpty && scenario.problems(against: base).isEmpty)
        return Simulation.run(scenario, on: base)
    }

    @Test func anOpenedRouteWithMoneyForItsAuthorityIsCovered() throws {
        let result = run([.openRoute(route: Self.newRoute()), Self.authorityBMoney])
        #expect(result.routes.map(\.code) == ["R1", "R2", "R3", "N1"])
        let opened = try #require(result.routes.last)
        #expect(opened.routeID == Self.newRouteID)
        let september = Fixture.month(result, 2024, 9), april = Fixture.month(result, 2025, 4)
        #expect(opened.probabilityCovered[september..<april].allSatisfy { $0 == 1 })
        // Not running before September (August has no school days and would otherwise
        // take September's answer), and its money ends in March.
        #expect(opened.probabilityCovered[..<september].allSatisfy { $0 == 0 })
        #expect(opened.probabilityCovered[april...].allSatisfy { $0 == 0 })
        #expect(opened.likelyLostFrom == Day(2025, 4, 1))
        // In October the council pays routes 1 and 2 (10 and 20 children); the new money
        // pays route 3 (30) and the new route (15).
        #expect(result.childrenCovered[Fixture.month(result, 2024, 10)].p50 == 10 + 20 + 30 + 15)
    }

    @Test func anOpenedRouteWithoutMoneyIsNeverCoveredAndAddsItsCostToTheGap() {
        let plain = run([])
        let opened = run([.openRoute(route: Self.newRoute())])
        #expect(opened.routes.count == 4)
        #expect(opened.routes[3].probabilityCovered.allSatisfy { $0 == 0 })
        #expect(Array(opened.routes.prefix(3)) == plain.routes)
        let october = Fixture.month(plain, 2024, 10)
        let octoberCost = Fixture.cost(Fixture.range(Day(2024, 10, 1), Day(2024, 10, 31))).pence
        #expect(opened.fundingGap[october].p50 == plain.fundingGap[october].p50 + octoberCost)
        #expect(opened.fundingGap[..<Fixture.month(plain, 2024, 9)] == plain.fundingGap[..<Fixture.month(plain, 2024, 9)])
    }

    @Test func anOpenedRouteClosesWhenTold() {
        let closing = run([.openRoute(route: Self.newRoute(closes: Day(2024, 12, 20))), Self.authorityBMoney])
        let december = Fixture.month(closing, 2024, 12), january = Fixture.month(closing, 2025, 1)
        #expect(closing.routes[3].probabilityCovered[december] == 1)
        #expect(closing.routes[3].probabilityCovered[january...].allSatisfy { $0 == 0 })
        // A closure by its id works as for a base route.
        let closedByID = run([.openRoute(route: Self.newRoute()), Self.authorityBMoney,
                              .closeRoute(routeID: Self.newRouteID, on: Day(2024, 11, 15))])
        #expect(closedByID.routes[3].probabilityCovered[Fixture.month(closedByID, 2024, 10)] == 1)
        #expect(closedByID.routes[3].probabilityCovered[Fixture.month(closedByID, 2024, 12)...].allSatisfy { $0 == 0 })
    }

    @Test func anOpenedRoutesCostCanBeChangedByItsID() {
        let plain = run([.openRoute(route: Self.newRoute())])
        let dearer = run([.openRoute(route: Self.newRoute()),
                          .changeDailyCost(routeID: Self.newRouteID, dailyCost: Money(pounds: 250), from: Day(2025, 1, 1))])
        let january = Fixture.month(plain, 2025, 1)
        let days = Int64(Fixture.schoolDays(Fixture.range(Day(2025, 1, 1), Day(2025, 1, 31))).count)
        #expect(dearer.fundingGap[january].p50 == plain.fundingGap[january].p50 + Money(pounds: 150).pence * days)
    }

    @Test func anOpenedRouteWithoutAnIDGetsTheSameIDEveryRun() {
        var route = Self.newRoute()
        route.id = nil
        let first = run([.openRoute(route: route)]), second = run([.openRoute(route: route)])
        #expect(first.routes[3].routeID == second.routes[3].routeID)
        #expect(!base.routes.map(\.id).contains(first.routes[3].routeID))
    }

    @Test func anAuthorityWithoutSchoolDaysIsRefusedByKey() {
        let unknown = Fixture.id(0xBAD)
        var route = Self.newRoute()
        route.localAuthorityID = unknown
        let scenario = Scenario(name: "Nowhere", interventions: [.closeRoute(routeID: Fixture.routeIDs[0], on: Day(2025, 1, 1)),
                                                                 .openRoute(route: route)])
        let problems = scenario.problems(against: base)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("interventions[1].openRoute.route.localAuthorityID: no school days are known") == true)
        #expect(problems.first?.contains(unknown.uuidString.lowercased()) == true)
    }

    @Test func anOpenedRouteNeedsAnIDOfItsOwn() {
        var clash = Self.newRoute()
        clash.id = Fixture.routeIDs[0]
        let scenario = Scenario(name: "Clashes", interventions: [.openRoute(route: Self.newRoute()), .openRoute(route: Self.newRoute()),
                                                                 .openRoute(route: clash)])
        let id = { (id: UUID) in id.uuidString.lowercased() }
        #expect(scenario.problems(against: base) == [
            "interventions[1].openRoute.route.id: \(id(Self.newRouteID)) is another opened route's id: give each its own",
            "interventions[2].openRoute.route.id: \(id(Fixture.routeIDs[0])) is a real route's id: give the new route another",
        ])
    }

    @Test func impossibleNumbersInAnOpenedRouteAreNamed() {
        var route = Self.newRoute(closes: Day(2024, 8, 1))
        route.code = " "
        route.childrenPerDay = 100_001
        route.dailyCost = Money(pounds: -1)
        let problems = Scenario(name: "Bad", interventions: [.openRoute(route: route)]).problems()
        for key in ["code: must not be empty", "childrenPerDay: must be from 0 to 100,000", "dailyCost: must be from 0",
                    "closes: 2024-08-01 is before from (2024-09-01)"] {
            #expect(problems.contains { $0.hasPrefix("interventions[0].openRoute.route.") && $0.contains(key) }, "\(key)")
        }
        #expect(problems.count == 4)
    }
}
