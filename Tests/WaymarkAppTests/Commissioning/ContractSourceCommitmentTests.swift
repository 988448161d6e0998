import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// A funding source's page says what contracts have committed of it, what has been paid and
/// what is left, and warns (without refusing) when contracts commit more than it holds.
final class ContractSourceCommitmentTests: AppTestCase {
    override func setUp() async throws {
        try await super.setUp()
        stopClock(at: ContractFixtures.today)
    }

    /// A confirmed £50,000 source, small enough for one contract to over-commit.
    func smallSource(funder name: String = "City of Wolverhampton Council", programme: String = "Test top-up fund") async throws -> String {
        try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == ContractFixtures.tenant).first()!
            let funder = try await Organisation.query(on: db).filter(\.$tenantID == tenant.id!)
                .filter(\.$name == name).first()!
            let source = FundingSourceRecord(tenantID: tenant.id!, funderOrganisationID: funder.id!, programme: programme,
                                             kind: .council, amount: Money(pounds: 50_000),
                                             period: DayRange(start: Day(2023, 9, 1), end: Day(2024, 7, 31))!, status: .confirmed)
            try await source.create(on: db)
            try await FundingStatusChange(tenantID: tenant.id!, sourceID: source.id!, from: nil, to: .confirmed, by: "Fixture",
                                          at: ContractFixtures.instant(2023, 8, 1)).create(on: db)
            return source.id!.uuidString
        }
    }

    func testTheSourcePageShowsCommittedPaidAndRemaining() async throws {
        let source = try await smallSource()
        let award = try await storeContractAward()
        let contract = try await makeContract(award, reference: "TEST-FUND", changes: ["link_source[1]": source, "link_amount[1]": "30,000"])
        let first = try await paymentLines(contractPath: contract)[0]
        stopClock(at: ContractFixtures.afterFirstPayment)   // a payment is recorded on or after the day it was made
        let marked = try await markPaid(contract, line: first, on: "2023-10-05", approving: true)
        XCTAssertEqual(marked, [])
        let finance = try await signedIn(DemoPeople.finance)
        let page = try await finance.get("/t/west-midlands/funding/\(source)?as_of=2023-10-10").body.string
        XCTAssertTrue(page.contains("Committed to contracts"))
        XCTAssertTrue(page.contains("<dd class=\"wm-summary-list__value\">£30,000.00</dd>"), "committed")
        XCTAssertTrue(page.contains("<dd class=\"wm-summary-list__value\">£20,000.00</dd>"), "not yet committed")
        // The first quarter's payment, split between the links in proportion: £30,000 of £91,260.
        let share = first.amountPence * 3_000_000 / ContractFixtures.price.pence
        let paid = Money(pence: share).display
        XCTAssertTrue(page.contains("<dd class=\"wm-summary-list__value\">\(paid)</dd>") ||
                      page.contains("<dd class=\"wm-summary-list__value\">\(Money(pence: share + 1).display)</dd>"), "paid \(paid)")
        XCTAssertTrue(page.contains(">TEST-FUND</a>"))
        XCTAssertFalse(page.contains("more than it holds"))
        let before = try await finance.get("/t/west-midlands/funding/\(source)?as_of=2023-10-01").body.string
        XCTAssertTrue(before.contains("Paid to providers</dt><dd class=\"wm-summary-list__value\">£0.00"), "nothing was paid by then")
    }

    func testOverCommitmentIsAWarningNotAnError() async throws {
        let source = try await smallSource()
        let award = try await storeContractAward()
        let contract = try await makeContract(award, reference: "TEST-OVER", changes: ["link_source[1]": source, "link_amount[1]": "60,000"])
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let page = try await commissioner.get(contract).body.string
        let warning = "Contracts commit £60,000.00 of City of Wolverhampton Council Test top-up fund&#39;s £50,000.00: £10,000.00 more than it holds"
        XCTAssertTrue(page.contains("wm-warning-text"))
        XCTAssertTrue(page.contains(warning) || page.contains(warning.replacingOccurrences(of: "&#39;", with: "'")), page)
        let sourcePage = try await commissioner.get("/t/west-midlands/funding/\(source)").body.string
        XCTAssertTrue(sourcePage.contains("£10,000.00 more than it holds"))
        XCTAssertTrue(sourcePage.contains("none: over-committed by £10,000.00"), "what is left is never shown as a negative amount")
        XCTAssertFalse(sourcePage.contains("-£10,000.00"))
        let provider = try await signedIn(DemoPeople.provider)
        let providerView = try await provider.get(contract).body.string
        XCTAssertFalse(providerView.contains("more than it holds"), "a source's budget is for those who see funding")
    }

    /// Gives a demo person one more membership: `role` in the organisation named.
    func addMembership(_ email: String, organisation name: String, role: Role) async throws {
        try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == ContractFixtures.tenant).first()!
            let person = try await Person.query(on: db).filter(\.$email == email).first()!
            let organisation = try await Organisation.query(on: db).filter(\.$tenantID == tenant.id!).filter(\.$name == name).first()!
            try await Membership(tenantID: tenant.id!, personID: person.id!, organisationID: organisation.id!, role: role).create(on: db)
        }
    }

    func testAProviderWhoIsAlsoAPartnerSeesOnlyTheBudgetsOfSourcesTheyMayOpen() async throws {
        let wolverhampton = try await smallSource()
        let birmingham = try await smallSource(funder: "Birmingham City Council", programme: "Test partner fund")
        let award = try await storeContractAward()
        let contract = try await makeContract(award, reference: "TEST-SCOPE", changes: [
            "link_source[1]": wolverhampton, "link_amount[1]": "60,000", "link_source[2]": birmingham, "link_amount[2]": "10,000"])
        try await addMembership(DemoPeople.provider, organisation: "Birmingham City Council", role: .partner)
        let provider = try await signedIn(DemoPeople.provider)
        let response = try await provider.get(contract)
        XCTAssertEqual(response.status, .ok)
        let page = response.body.string
        XCTAssertTrue(page.contains("Birmingham City Council Test partner fund: £10,000.00 committed to contracts"), "their own council's source")
        XCTAssertFalse(page.contains("Test top-up fund: £60,000.00 committed"), "Wolverhampton's budget is not theirs to see")
        XCTAssertFalse(page.contains("more than it holds"), "nor its over-commitment")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let full = try await commissioner.get(contract).body.string
        XCTAssertTrue(full.contains("Test top-up fund: £60,000.00 committed to contracts"), "those who see every source see both")
    }

    func testAPartnerSeesTheirSourcesTotalsButNotItsContracts() async throws {
        let source = try await smallSource(funder: "Birmingham City Council", programme: "Test partner fund")
        let award = try await storeContractAward()
        _ = try await makeContract(award, reference: "TEST-PARTNER", changes: ["link_source[1]": source, "link_amount[1]": "30,000"])
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let response = try await partner.get("/t/west-midlands/funding/\(source)?as_of=2023-10-10")
        XCTAssertEqual(response.status, .ok)
        let page = response.body.string
        XCTAssertTrue(page.contains("Committed to contracts"))
        XCTAssertTrue(page.contains("<dd class=\"wm-summary-list__value\">£30,000.00</dd>"), "the committed total")
        XCTAssertFalse(page.contains("TEST-PARTNER"), "partners do not see contracts")
        XCTAssertFalse(page.contains(ContractFixtures.lanternway), "nor who provides them")
        XCTAssertFalse(page.contains("No contract is paid for from this source yet"), "which would be untrue")
        let finance = try await signedIn(DemoPeople.finance)
        let financePage = try await finance.get("/t/west-midlands/funding/\(source)?as_of=2023-10-10").body.string
        XCTAssertTrue(financePage.contains(">TEST-PARTNER</a>"), "those who see contracts see the list")
    }
}
