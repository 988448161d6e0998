import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Funding source rules")
struct FundingSourceRulesTests {
    let year = range("2022-04-01", "2023-03-31")

    @Test("Status moves forward, may skip steps, may be withdrawn from anywhere, and withdrawn is final")
    func transitions() {
        #expect(FundingSource.Status.prospective.nextStatuses == [.pledged, .confirmed, .received, .withdrawn])
        #expect(FundingSource.Status.pledged.nextStatuses == [.confirmed, .received, .withdrawn])
        #expect(FundingSource.Status.confirmed.nextStatuses == [.received, .withdrawn])
        #expect(FundingSource.Status.received.nextStatuses == [.withdrawn])
        #expect(FundingSource.Status.withdrawn.nextStatuses == [])
        #expect(!FundingSource.Status.confirmed.canMove(to: .pledged))
        #expect(!FundingSource.Status.confirmed.canMove(to: .confirmed))
    }

    @Test("A source with allocations that still fit may be saved")
    func fits() {
        let source = Fixture.source(10, amount: pounds(50_000))
        let kept = [Fixture.allocation(1, source: 10, amount: pounds(50_000), period: year)]
        #expect(source.problems(keeping: kept, routeAuthorities: [id(1): Fixture.birmingham]) == [])
    }

    @Test("Cutting the amount below what is allocated is refused with both figures")
    func amountBelowAllocated() {
        let source = Fixture.source(10, amount: pounds(40_000))
        let kept = [Fixture.allocation(1, source: 10, amount: pounds(30_000), period: year),
                    Fixture.allocation(2, source: 10, route: 2, amount: pounds(20_000), period: year),
                    Fixture.allocation(3, source: 99, amount: pounds(90_000), period: year)]
        #expect(source.problems(keeping: kept, routeAuthorities: [:]) == [SourceProblem(field: .amount, message:
            "£40,000.00 is less than the £50,000.00 already allocated to routes; reduce the allocations first")])
    }

    @Test("Shortening the period past an allocation, or restricting away a paid route, is refused")
    func periodAndRestrictions() {
        var source = Fixture.source(10, period: range("2022-04-01", "2022-12-31"))
        source.restrictions = .init(localAuthorityIDs: [Fixture.coventry])
        let kept = [Fixture.allocation(1, source: 10, amount: pounds(1_000), period: year)]
        let problems = source.problems(keeping: kept, routeAuthorities: [id(1): Fixture.birmingham])
        #expect(problems.map(\.field) == [.period, .restrictions])
        #expect(problems[0].message == "1 allocation would fall outside 1 Apr 2022 to 31 Dec 2022; change them first")
    }

    @Test("An empty programme name and a zero amount are named")
    func blanks() {
        var source = Fixture.source(10, programme: "  ", amount: .zero)
        #expect(source.problems(keeping: [], routeAuthorities: [:]).map(\.field) == [.programme, .amount])
        source.programmeName = "Route continuation"
        source.amount = pounds(-5)
        #expect(source.problems(keeping: [], routeAuthorities: [:]).map(\.field) == [.amount])
    }

    @Test("Amounts above £1bn are refused for sources and allocations, so sums cannot overflow")
    func ceilings() {
        let source = Fixture.source(10, amount: Money(pounds: 2_000_000_000))
        #expect(source.problems(keeping: [], routeAuthorities: [:]) == [SourceProblem(field: .amount, message: "The amount must be at most £1,000,000,000.00")])
        let huge = Fixture.allocation(1, source: 10, amount: Money(pounds: 1_500_000_000), period: range("2022-04-01", "2023-03-31"))
        #expect(Fixture.source(10).problems(with: huge, existing: [], routeLocalAuthorityID: nil).map(\.message)
                == ["The amount must be at most £1,000,000,000.00."])
    }
}
