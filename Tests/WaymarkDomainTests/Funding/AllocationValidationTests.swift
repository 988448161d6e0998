import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Allocation validation")
struct AllocationValidationTests {
    let source = Fixture.source(10)   // Home Office grant, £100,000, 1 Apr 2022 – 31 Mar 2023
    let year = range("2022-04-01", "2023-03-31")

    /// £93,000 already allocated to two routes.
    var existing: [Allocation] {
        [Fixture.allocation(1, source: 10, route: 1, amount: pounds(50_000), period: year),
         Fixture.allocation(2, source: 10, route: 2, amount: pounds(43_000), period: year)]
    }

    func problems(_ proposed: Allocation, source: FundingSource? = nil, existing: [Allocation]? = nil,
                  authority: UUID? = Fixture.birmingham) -> [AllocationProblem] {
        (source ?? self.source).problems(with: proposed, existing: existing ?? self.existing, routeLocalAuthorityID: authority)
    }

    @Test("A valid allocation passes, including one that uses exactly what is left")
    func valid() {
        #expect(problems(Fixture.allocation(3, source: 10, route: 3, amount: pounds(7_000), period: year)) == [])
        #expect(problems(Fixture.allocation(3, source: 10, amount: pounds(1), period: range("2022-09-01", "2022-12-31"))) == [])
    }

    @Test("Over the source's amount: says by how much and what is left")
    func overAmount() {
        let proposed = Fixture.allocation(3, source: 10, route: 3, amount: pounds(12_000), period: year)
        #expect(problems(proposed) == [AllocationProblem(field: .amount, message:
            "£12,000.00 would bring allocations to £105,000.00, over the source's £100,000.00 — £7,000.00 is left.")])
        let full = existing + [Fixture.allocation(4, source: 10, route: 4, amount: pounds(7_000), period: year)]
        #expect(problems(proposed, existing: full).map(\.message) == [
            "£12,000.00 would bring allocations to £112,000.00, over the source's £100,000.00 — nothing is left."])
    }

    @Test("An edit replaces its stored version; other sources' allocations are ignored")
    func editsAndOtherSources() {
        // Raising allocation 2 from £43,000 to £50,000 makes £100,000 in all: allowed.
        #expect(problems(Fixture.allocation(2, source: 10, route: 2, amount: pounds(50_000), period: year)) == [])
        #expect(problems(Fixture.allocation(2, source: 10, route: 2, amount: pounds(50_001), period: year)).map(\.field) == [.amount])
        let foreign = existing + [Fixture.allocation(9, source: 11, amount: pounds(900_000), period: year)]
        #expect(problems(Fixture.allocation(3, source: 10, amount: pounds(7_000), period: year), existing: foreign) == [])
    }

    @Test("Amount must be positive", arguments: [Int64(0), -1, -500_00])
    func nonPositive(pence: Int64) {
        let proposed = Fixture.allocation(3, source: 10, amount: Money(pence: pence), period: year)
        #expect(problems(proposed) == [AllocationProblem(field: .amount, message:
            "The amount must be more than £0.00 (it is \(Money(pence: pence).display)).")])
    }

    @Test("Period outside the source's period")
    func period() {
        let early = Fixture.allocation(3, source: 10, amount: pounds(1), period: range("2022-03-01", "2022-06-30"))
        #expect(problems(early) == [AllocationProblem(field: .period, message:
            "The period must fall within the source's period (1 Apr 2022 to 31 Mar 2023); it starts on 1 Mar 2022, before the source begins.")])
        let both = Fixture.allocation(3, source: 10, amount: pounds(1), period: range("2022-03-01", "2023-04-30"))
        #expect(problems(both).map(\.message) == [
            "The period must fall within the source's period (1 Apr 2022 to 31 Mar 2023); it starts on 1 Mar 2022, "
                + "before the source begins and it ends on 30 Apr 2023, after the source ends."])
    }

    @Test("Route and local-authority restrictions")
    func restrictions() {
        let byRoute = Fixture.source(10, restrictions: .init(routeIDs: [id(1), id(2)]))
        let proposed = Fixture.allocation(3, source: 10, route: 3, amount: pounds(1), period: year)
        #expect(problems(proposed, source: byRoute) == [AllocationProblem(field: .route, message:
            "Home Office grant may pay only for the 2 routes it names, and this route is not one of them.")])
        #expect(problems(Fixture.allocation(3, source: 10, route: 2, amount: pounds(1), period: year), source: byRoute) == [])

        let byArea = Fixture.source(10, restrictions: .init(localAuthorityIDs: [Fixture.birmingham]))
        #expect(problems(proposed, source: byArea) == [])
        #expect(problems(proposed, source: byArea, authority: Fixture.coventry).map(\.message) == [
            "Home Office grant may pay only for routes in 1 named local authority, and this route's local authority is not one of them."])
        #expect(problems(proposed, source: byArea, authority: nil).map(\.message) == [
            "Home Office grant may pay only for routes in 1 named local authority, and this route has no local authority."])

        // Both restrictions must hold.
        let both = Fixture.source(10, restrictions: .init(localAuthorityIDs: [Fixture.coventry], routeIDs: [id(3)]))
        #expect(problems(proposed, source: both).map(\.field) == [.route])
        #expect(problems(proposed, source: both, authority: Fixture.coventry) == [])
    }

    @Test("A withdrawn source refuses allocations")
    func withdrawn() {
        let withdrawn = Fixture.source(10, status: .withdrawn)
        #expect(problems(Fixture.allocation(3, source: 10, amount: pounds(1), period: year), source: withdrawn) == [
            AllocationProblem(field: .source, message: "Home Office grant has been withdrawn, so nothing can be allocated from it.")])
    }

    @Test("Every problem is reported at once, in form order")
    func allAtOnce() {
        let source = Fixture.source(10, status: .withdrawn, restrictions: .init(routeIDs: [id(1)]))
        let proposed = Fixture.allocation(3, source: 11, route: 3, amount: .zero, period: range("2023-01-01", "2023-06-30"))
        #expect(problems(proposed, source: source).map(\.field) == [.source, .source, .route, .amount, .period])
    }

    @Test("Statuses: what counts as secured and as projected")
    func statuses() {
        let secured = FundingSource.Status.allCases.filter(\.countsAsSecured)
        let projected = FundingSource.Status.allCases.filter(\.countsAsProjected)
        #expect(secured == [.confirmed, .received])
        #expect(projected == [.pledged, .confirmed, .received])
    }

    @Test("Labels name funder and programme without repeating the funder")
    func labels() {
        #expect(Fixture.source(1).label == "Home Office grant")
        #expect(Fixture.source(1, funder: "Youth Endowment Fund", programme: "").label == "Youth Endowment Fund")
        #expect(Fixture.source(1, funder: "YEF", programme: "YEF Agency Fund").label == "YEF Agency Fund")
    }
}
