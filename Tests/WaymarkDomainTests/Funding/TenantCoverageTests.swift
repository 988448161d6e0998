import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Tenant coverage")
struct TenantCoverageTests {
    @Test("Inputs group allocations by route and tag each with its source")
    func inputs() {
        let grant = Fixture.source(10)
        let pledge = Fixture.source(11, funder: "Birmingham City Council", status: .pledged)
        let year = range("2022-09-01", "2023-03-31")
        let allocations = [
            Fixture.allocation(1, source: 10, route: 2, amount: pounds(1_000), period: year),
            Fixture.allocation(2, source: 11, route: 1, amount: pounds(2_000), period: year),
            Fixture.allocation(3, source: 10, route: 1, amount: pounds(3_000), period: year),
            Fixture.allocation(4, source: 99, route: 1, amount: pounds(4_000), period: year),   // no such source
            Fixture.allocation(5, source: 10, route: 7, amount: pounds(5_000), period: year),   // no such route
        ]
        let schedule = RouteSchedule(calendar: Birmingham.calendar, costModel: Fixture.flatCost(pounds(100)), from: day("2022-09-01"))
        let inputs = TenantCoverage.inputs(schedules: [id(2): schedule, id(1): schedule], sources: [pledge, grant], allocations: allocations)
        #expect(inputs.map(\.routeID) == [id(1), id(2)])
        #expect(inputs[0].allocations.map(\.allocation.id) == [id(2), id(3)])
        #expect(inputs[0].allocations.map(\.status) == [.pledged, .confirmed])
        #expect(inputs[0].allocations.map(\.label) == ["Birmingham City Council grant", "Home Office grant"])
        #expect(inputs[1].allocations.map(\.allocation.id) == [id(1)])

        let results = TenantCoverage.run(inputs, asOf: day("2022-09-01"))
        #expect(results.map(\.routeID) == [id(1), id(2)])
        #expect(results[0].coverage.secured.paidTotal == pounds(3_000))
        #expect(results[0].coverage.projected.paidTotal == pounds(5_000))
        #expect(results.map(\.status.status) == [.atRisk, .atRisk])
    }
}
