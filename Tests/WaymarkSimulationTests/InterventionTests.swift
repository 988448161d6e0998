import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

struct InterventionTests {
    let base = Fixture.base()

    func run(_ interventions: [Intervention]) -> SimulationResult {
        var scenario = Fixture.certain()
        scenario.interventions = interventions
        return Simulation.run(scenario, on: base)
    }

    @Test func withdrawingASourceStopsItsMoneyFromTheDate() {
        let result = run([.withdrawSource(sourceID: Fixture.council, from: Day(2024, 10, 1))])
        let september = Fixture.month(result, 2024, 9), october = Fixture.month(result, 2024, 10)
        #expect(result.routes[0].probabilityCovered[september] == 1)
        #expect(result.routes[0].probabilityCovered[october] == 0)
        #expect(result.routes[0].likelyLostFrom == Day(2024, 10, 1))
    }

    @Test func scalingASourceScalesItsMoney() {
        let plain = run([])
        let halved = run([.scaleSource(sourceID: Fixture.council, factor: 0.5)])
        let doubled = run([.scaleSource(sourceID: Fixture.school, factor: 2)])
        // Half the council's year runs out about October, which is then part paid.
        #expect(halved.routes[0].likelyLostFrom! < plain.routes[0].likelyLostFrom!)
        #expect(halved.routes[0].probabilityCovered[Fixture.month(halved, 2024, 6)] == 1)
        // Twice the school's money carries route 3 to the end of its period.
        #expect(plain.routes[2].probabilityCovered[Fixture.month(plain, 2024, 6)] == 0)
        #expect(doubled.routes[2].probabilityCovered[Fixture.month(doubled, 2024, 7)] == 1)
    }

    @Test func addedSourceIsSharedByCostAcrossEligibleRoutes() {
        let plain = run([])
        let year = Fixture.range(Day(2025, 4, 1), Day(2025, 12, 31))
        let added = run([.addSource(source: HypotheticalSource(
            funderName: "PCC", amount: Fixture.cost(year) * 2, period: year, probability: 1,
            localAuthorityIDs: [Fixture.laA]))])
        let may = Fixture.month(added, 2025, 5)
        #expect(plain.routes[0].probabilityCovered[may] == 0 && plain.routes[1].probabilityCovered[may] == 0)
        // Routes 1 and 2 (authority A) cost the same, so each gets exactly its year.
        #expect(added.routes[0].probabilityCovered[may...] == added.routes[1].probabilityCovered[may...])
        #expect(added.routes[0].probabilityCovered[may...].allSatisfy { $0 == 1 })
        // Route 3 is in authority B: not eligible.
        #expect(added.routes[2].probabilityCovered == plain.routes[2].probabilityCovered)
        #expect(added.lapsed == plain.lapsed)
    }

    @Test func addedSourceWithAProbabilityComesThatOften() {
        var scenario = Fixture.certain(samples: 4_000)
        let year = Fixture.range(Day(2025, 4, 1), Day(2025, 12, 31))
        scenario.interventions = [.addSource(source: HypotheticalSource(
            funderName: "Bid", amount: Fixture.cost(year), period: year, probability: 0.25, routeIDs: [Fixture.routeIDs[1]]))]
        let result = Simulation.run(scenario, on: base)
        let june = Fixture.month(result, 2025, 6)
        #expect(abs(result.routes[1].probabilityCovered[june] - 0.25) < 0.03)
        #expect(result.routes[1].likelyLostFrom == Day(2025, 4, 1))
    }

    @Test func changingADailyCostChangesTheGapFromTheDate() {
        let plain = run([])
        let dearer = run([.changeDailyCost(routeID: Fixture.routeIDs[2], dailyCost: Money(pounds: 150), from: Day(2024, 9, 1))])
        let august = Fixture.month(plain, 2024, 8), october = Fixture.month(plain, 2024, 10)
        #expect(dearer.fundingGap[..<august] == plain.fundingGap[..<august])
        let oneDay = Money(pounds: 50).pence * Int64(Fixture.schoolDays(Fixture.range(Day(2024, 10, 1), Day(2024, 10, 31))).count)
        #expect(dearer.fundingGap[october].p50 == plain.fundingGap[october].p50 + oneDay)
    }

    @Test func closingARouteEndsItsCostAndCoverage() {
        let closed = run([.closeRoute(routeID: Fixture.routeIDs[0], on: Day(2024, 7, 19))])
        let july = Fixture.month(closed, 2024, 7), august = Fixture.month(closed, 2024, 8)
        #expect(closed.routes[0].probabilityCovered[july] == 1)
        #expect(closed.routes[0].probabilityCovered[august...].allSatisfy { $0 == 0 })
        #expect(closed.routes[0].likelyLostFrom == Day(2024, 8, 1))
        // Its unspent council money lapses instead.
        #expect(closed.lapsed.p50 > run([]).lapsed.p50)
        let children = closed.childrenCovered[Fixture.month(closed, 2024, 10)].p50
        #expect(children == 20)   // only route 2 (20 children) runs and is paid in October
    }
}
