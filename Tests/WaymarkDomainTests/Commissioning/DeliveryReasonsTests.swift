import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: delivery reasons on a route's status")
struct DeliveryReasonsTests {
    func reasons(asOf: String, secured: String?, projected: String?, contracts: [DayRange], schoolDays: [Day]? = nil) -> [String] {
        DeliveryReasons.reasons(asOf: day(asOf), securedFundedUntil: secured.map(day), projectedFundedUntil: projected.map(day),
                                contracts: contracts.enumerated().map { RouteContractPeriod(contractID: id(1_200 + $0), period: $1) },
                                schoolDays: schoolDays).map(\.text)
    }

    @Test("A contract that ends before its funding")
    func contractEndsFirst() {
        #expect(reasons(asOf: "2024-05-01", secured: "2025-03-31", projected: "2025-03-31", contracts: [range("2023-09-01", "2024-07-31")]) == [
            "Contract ends 31 Jul 2024, funding runs to 31 Mar 2025"])
        #expect(reasons(asOf: "2024-09-01", secured: "2025-03-31", projected: "2025-03-31", contracts: [range("2023-09-01", "2024-07-31")]) == [
            "Contract ended 31 Jul 2024, funding runs to 31 Mar 2025"])
    }

    @Test("Funding with no contract at all")
    func noContract() {
        #expect(reasons(asOf: "2024-05-01", secured: nil, projected: "2025-03-31", contracts: []) == [
            "Funded but no contract: funding runs to 31 Mar 2025"])
        #expect(reasons(asOf: "2024-05-01", secured: nil, projected: nil, contracts: []) == [])
    }

    @Test("Funding that ends before the contract, with and without pledges beyond it")
    func fundingEndsFirst() {
        let contract = [range("2024-09-02", "2025-08-31")]
        #expect(reasons(asOf: "2024-10-01", secured: "2025-03-31", projected: "2025-03-31", contracts: contract) == [
            "Contract runs to 31 Aug 2025, funding ends 31 Mar 2025"])
        #expect(reasons(asOf: "2024-10-01", secured: "2025-03-31", projected: "2025-08-29", contracts: contract) == [
            "Contract runs to 31 Aug 2025, confirmed funding ends 31 Mar 2025 (pledges run to 29 Aug 2025)"])
        #expect(reasons(asOf: "2024-10-01", secured: nil, projected: nil, contracts: contract) == [
            "Contract runs to 31 Aug 2025, with no confirmed funding"])
        #expect(reasons(asOf: "2024-10-01", secured: "2025-08-31", projected: "2025-08-31", contracts: contract) == [])
    }

    @Test("School days decide whether a gap matters: the summer holiday is not one")
    func schoolDays() {
        let days = Contracted.schoolDays(range("2024-04-01", "2025-08-31"),
                                         holidays: [range("2024-07-20", "2024-09-01"), range("2025-07-19", "2025-08-31")])
        let contracts = [range("2023-09-01", "2024-07-19"), range("2024-09-02", "2025-08-31")]
        #expect(reasons(asOf: "2024-05-01", secured: "2025-07-18", projected: "2025-07-18", contracts: contracts, schoolDays: days) == [])
        #expect(reasons(asOf: "2024-05-01", secured: "2025-07-18", projected: "2025-07-18", contracts: contracts) == [
            "Funded but no contract from 20 Jul 2024 to 1 Sep 2024",
            "Contract runs to 31 Aug 2025, funding ends 18 Jul 2025",
        ])
        // A contract starting in September leaves the funded summer term uncovered: named by school days.
        #expect(reasons(asOf: "2024-06-01", secured: "2025-07-18", projected: "2025-07-18", contracts: [contracts[1]], schoolDays: days) == [
            "Funded but no contract from 3 Jun 2024 to 19 Jul 2024"])
    }

    @Test("A variation changes the reasons: a termination approved today shows as the contract ending")
    func variationChangesCoverage() throws {
        var contract = Contracted.contract
        let weekdays = Contracted.schoolDays(range("2024-09-01", "2025-08-31"))
        let before = try #require(contract.deliveryPeriod(ofRoute: Demo.routeW2, knownAt: instant("2024-11-01T00:00:00Z")))
        #expect(reasons(asOf: "2024-11-01", secured: "2025-08-29", projected: "2025-08-29", contracts: [before.period], schoolDays: weekdays) == [])

        contract.variations.append(Contracted.variation(1, .terminate, effective: "2024-12-20", approved: "2024-11-05T10:00:00Z"))
        let after = try #require(contract.deliveryPeriod(ofRoute: Demo.routeW2, knownAt: instant("2024-11-06T00:00:00Z")))
        #expect(after.period == range("2024-09-02", "2024-12-20"))
        #expect(reasons(asOf: "2024-11-06", secured: "2025-08-29", projected: "2025-08-29", contracts: [after.period], schoolDays: weekdays) == [
            "Contract ends 20 Dec 2024, funding runs to 29 Aug 2025"])
        // The history still holds the contract as made.
        #expect(contract.versions.first?.terms.end == day("2025-08-31"))
        #expect(contract.deliveryPeriod(ofRoute: Demo.routeW3, knownAt: instant("2024-11-06T00:00:00Z")) == nil)
    }
}
