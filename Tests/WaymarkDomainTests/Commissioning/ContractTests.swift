import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: contracts from awards, and their rules")
struct ContractTests {
    let award = AwardDecision(specificationID: Demo.specification().id, winningBidID: Worked.youthLinksBid,
                              reasons: "Highest total; strongest on work with schools.", decidedBy: Worked.chair,
                              decidedAt: instant("2024-04-15T16:00:00Z"))

    @Test("An award makes a contract: provider, routes split like the specification, go-live to the end, KPIs copied")
    func fromAward() throws {
        let bid = Worked.storedBid(Worked.youthLinksBid)
        let contract = try #require(Contract.fromAward(award, bid: bid, specification: Demo.specification(status: .inEvaluation),
                                                       fundingLinks: Contracted.contract.fundingLinks, id: Contracted.contractID))
        #expect(contract == Contracted.contract)
        #expect(ContractRules.problems(contract) == [])
        // The wrong bid makes no contract.
        #expect(Contract.fromAward(award, bid: Worked.storedBid(Worked.guardiansBid), specification: Demo.specification()) == nil)
    }

    @Test("Per-route prices become the route values; an uneven split still adds up to the price")
    func routeValues() throws {
        var spec = Demo.specification(status: .inEvaluation, pricing: .perRoute)
        var bid = Worked.storedBid(Worked.youthLinksBid)
        bid.versions[0].content = Bidders.content(price: Money(pence: 9_126_000),
                                                  perRoute: [Demo.routeW1: pounds(41_260), Demo.routeW2: pounds(50_000)])
        let perRoute = try #require(Contract.fromAward(award, bid: bid, specification: spec))
        #expect(perRoute.original.routes.map(\.value) == [pounds(41_260), pounds(50_000)])

        // W2 and W3 are 30:40 of the specification's value: £91,260.01 splits £39,111.43 and £52,148.58.
        spec.pricing = .total
        bid.versions[0].content = Bidders.content(price: Money(pence: 9_126_001), routes: [Demo.routeW2, Demo.routeW3])
        let split = try #require(Contract.fromAward(award, bid: bid, specification: spec))
        #expect(split.original.routes.map(\.value.pence) == [3_911_143, 5_214_858])
        #expect(ContractRules.problems(split) == [])
    }

    @Test("A contract value not matching its route split is refused, with both figures")
    func valueMismatch() {
        var contract = Contracted.contract
        contract.value = pounds(95_000)
        #expect(ContractRules.problems(contract) == [ContractProblem(field: .routes, message:
            "The route values add up to £91,260.00, not the contract value £95,000.00")])
    }

    @Test("Other contract rules: value, routes, dates, KPIs, funding links")
    func otherRules() {
        var contract = Contracted.contract
        contract.value = .zero
        contract.original.routes[1].value = .zero
        contract.original.end = day("2024-09-01")
        contract.kpis.append("")
        contract.fundingLinks.append(FundingLink(sourceID: id(12), amount: .zero))
        #expect(ContractRules.problems(contract, routeNames: Demo.routeNames).map(\.message) == [
            "The contract value must be more than £0.00 (it is £0.00)",
            "Each route's value must be more than £0.00 (route W2 Low Hill is not)",
            "The route values add up to £45,630.00, not the contract value £0.00",
            "The contract must end on or after it starts (2 Sep 2024); the end is 1 Sep 2024",
            "KPI 3 is blank: enter it or remove it",
            "Each funding link must be for more than £0.00 (1 link is not)",
            "The funding links add up to £91,260.00, more than the contract value £0.00",
        ])
        var empty = Contracted.contract
        empty.original.routes = []
        empty.value = pounds(1)
        #expect(ContractRules.problems(empty).map(\.message) == [
            "A contract must serve at least one route", "The funding links add up to £91,260.00, more than the contract value £1.00"])
    }
}
