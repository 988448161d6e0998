import Foundation
import Testing
@testable import WaymarkDomain

/// Source positions on Birmingham's 2022/23 calendar at £100 a school day: autumn has 69
/// school days from 5 Sep, and 1 Sep 2022 – 31 Mar 2023 has 128.
@Suite("Source position")
struct SourcePositionTests {
    let grant = Fixture.source(10, amount: pounds(100_000), period: range("2022-04-01", "2023-03-31"))
    let year = range("2022-09-01", "2023-03-31")

    /// Route 1 is paid exactly; route 2 has £2,200 too much, which lapses; route 3 holds nothing from the grant.
    var routes: [RouteCoverage] {
        [coverage([(Fixture.allocation(1, source: 10, route: 1, amount: pounds(12_800), period: year), grant)], perDay: pounds(100), route: 1),
         coverage([(Fixture.allocation(2, source: 10, route: 2, amount: pounds(15_000), period: year), grant)], perDay: pounds(100), route: 2),
         coverage([], perDay: pounds(100), route: 3)]
    }

    @Test("Mid-year: drawn for the autumn, the rest to be drawn, and route 2's surplus forecast to lapse")
    func midYear() {
        let position = SourcePosition(source: grant, routes: routes, asOf: day("2023-01-03"))
        #expect(position.basis == .secured && position.counted)
        #expect(position.amount == pounds(100_000))
        #expect(position.allocated == pounds(27_800))
        #expect(position.unallocated == pounds(72_200))
        #expect(!position.overAllocated)
        #expect(position.routes.map(\.routeID) == [id(1), id(2)])
        #expect(position.routes[0] == SourcePosition.RouteLine(
            routeID: id(1), allocated: pounds(12_800), drawnToDate: pounds(6_900), lapsed: .zero,
            remaining: pounds(5_900), toBeDrawn: pounds(5_900), willLapse: .zero))
        #expect(position.routes[1] == SourcePosition.RouteLine(
            routeID: id(2), allocated: pounds(15_000), drawnToDate: pounds(6_900), lapsed: .zero,
            remaining: pounds(8_100), toBeDrawn: pounds(5_900), willLapse: pounds(2_200)))
        #expect(position.drawnToDate == pounds(13_800))
        #expect(position.lapsed == .zero)
        #expect(position.remaining == pounds(14_000))
        #expect(position.toBeDrawn == pounds(11_800))
        #expect(position.willLapse == pounds(2_200))
    }

    @Test("After the periods end, and long after everything: the surplus has lapsed, nothing remains")
    func afterTheEnd() {
        for asOf in [day("2023-04-01"), day("2030-01-01")] {
            let position = SourcePosition(source: grant, routes: routes, asOf: asOf)
            #expect(position.drawnToDate == pounds(25_600))
            #expect(position.lapsed == pounds(2_200))
            #expect(position.remaining == .zero && position.toBeDrawn == .zero && position.willLapse == .zero)
            #expect(position.routes.map(\.lapsed) == [.zero, pounds(2_200)])
        }
    }

    @Test("Before anything is drawn, everything remains")
    func beforeTheStart() {
        let position = SourcePosition(source: grant, routes: routes, asOf: day("2022-06-01"))
        #expect(position.drawnToDate == .zero)
        #expect(position.remaining == pounds(27_800))
        #expect(position.toBeDrawn == pounds(25_600))
    }

    @Test("A source with no allocations: all of it unallocated")
    func noAllocations() {
        let idle = Fixture.source(14, amount: pounds(5_000))
        let position = SourcePosition(source: idle, routes: routes, asOf: day("2023-01-03"))
        #expect(position.routes.isEmpty)
        #expect(position.allocated == .zero && position.unallocated == pounds(5_000))
        #expect(position.drawnToDate == .zero && position.remaining == .zero && position.willLapse == .zero)
        #expect(SourcePosition(source: idle, routes: [], asOf: day("2023-01-03")) == position)
    }

    @Test("An over-allocated source (cut after allocating) is flagged, not shown negative")
    func overAllocated() {
        var cut = grant
        cut.amount = pounds(20_000)
        let position = SourcePosition(source: cut, routes: routes, asOf: day("2023-01-03"))
        #expect(position.overAllocated)
        #expect(position.allocated == pounds(27_800))
        #expect(position.unallocated == .zero)
    }

    @Test("Withdrawn and prospective money: nothing drawn, nothing lapses, all of it remains")
    func notCounted() {
        for status in [FundingSource.Status.withdrawn, .prospective] {
            let source = Fixture.source(12, amount: pounds(5_000), status: status)
            let route = coverage([(Fixture.allocation(5, source: 12, amount: pounds(1_000), period: year), source),
                                  (Fixture.allocation(6, source: 12, amount: Money(pence: -500), period: year), source)],
                                 perDay: pounds(100))
            let position = SourcePosition(source: source, routes: [route], asOf: day("2023-06-01"))
            #expect(position.basis == nil && !position.counted)
            #expect(position.allocated == pounds(1_000))   // the invalid negative amount counts as zero
            #expect(position.drawnToDate == .zero && position.lapsed == .zero)
            #expect(position.remaining == pounds(1_000))
            #expect(position.toBeDrawn == .zero && position.willLapse == .zero)
        }
    }

    @Test("A pledge is read from the projected walk, confirmed money from the secured one")
    func pledgeUsesProjectedWalk() {
        let pledge = Fixture.source(11, funder: "Birmingham City Council", amount: pounds(50_000),
                                    period: range("2022-09-01", "2023-07-31"), status: .pledged)
        // The pledge ends first, so the projected walk spends it first (30 days, to 17 Oct).
        let route = coverage([
            (Fixture.allocation(1, source: 10, amount: pounds(12_800), period: year), grant),
            (Fixture.allocation(2, source: 11, amount: pounds(3_000), period: range("2022-09-01", "2022-12-31")), pledge),
        ], perDay: pounds(100))
        let pledged = SourcePosition(source: pledge, routes: [route], asOf: day("2022-10-03"))
        #expect(pledged.basis == .projected)
        #expect(pledged.drawnToDate == pounds(1_900))   // the 19 September days
        #expect(pledged.toBeDrawn == pounds(1_100) && pledged.willLapse == .zero)
        let confirmed = SourcePosition(source: grant, routes: [route], asOf: day("2022-10-03"))
        #expect(confirmed.basis == .secured)
        #expect(confirmed.drawnToDate == pounds(1_900))   // in the secured walk it paid September alone
        #expect(confirmed.toBeDrawn == pounds(10_900))
    }

    @Test("Several allocations on one route make one line")
    func oneLinePerRoute() {
        let route = coverage([
            (Fixture.allocation(1, source: 10, amount: pounds(5_000), period: range("2022-09-01", "2022-12-31")), grant),
            (Fixture.allocation(3, source: 10, amount: pounds(5_900), period: range("2023-01-01", "2023-03-31")), grant),
        ], perDay: pounds(100))
        let position = SourcePosition(source: grant, routes: [route], asOf: day("2023-01-03"))
        #expect(position.routes.count == 1)
        #expect(position.routes[0].allocated == pounds(10_900))
        #expect(position.routes[0].drawnToDate == pounds(5_000))
        #expect(position.routes[0].lapsed == .zero)   // autumn's £5,000 was all spent (50 of 69 days)
        #expect(position.routes[0].remaining == pounds(5_900))
    }

    @Test("A route closing before its allocation ends: the money after the closure is forecast to lapse")
    func routeClosing() {
        let route = coverage([(Fixture.allocation(1, source: 10, amount: pounds(12_800), period: year), grant)],
                             perDay: pounds(100), closing: day("2022-12-16"))
        let position = SourcePosition(source: grant, routes: [route], asOf: day("2022-09-01"))
        #expect(position.toBeDrawn == pounds(6_900))
        #expect(position.willLapse == pounds(5_900))
        #expect(position.remaining == pounds(12_800))
    }
}
