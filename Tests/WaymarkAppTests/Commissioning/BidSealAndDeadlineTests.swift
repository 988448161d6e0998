import XCTVapor
@testable import WaymarkApp

/// The seal (nobody but the bidder reads a bid before the deadline) and the deadline itself,
/// a second either side, in London time across both clock changes.
final class BidSealAndDeadlineTests: AppTestCase {
    func testSpringDeadlineHoldsToTheSecondInSummerTime() async throws {
        setClock("2025-03-01T10:00:00Z")
        // 30 March 2025 is the day the clocks go forward: 12:00 BST is 11:00 UTC.
        let spec = try await publishedSpecification(closingDay: "2025-03-30")
        let lanternway = try await signedIn(CommissioningPeople.lanternway)
        setClock("2025-03-30T10:59:59Z")
        let inTime = try await submitBid(lanternway, specID: spec, price: "89,400")
        XCTAssertEqual(inTime.status, .seeOther, inTime.body.string)

        setClock("2025-03-30T11:00:00Z")
        let kestrel = try await signedIn(CommissioningPeople.kestrel)
        let late = try await submitBid(kestrel, specID: spec, price: "86,950")
        XCTAssertEqual(late.status, .unprocessableEntity)
        XCTAssertTrue(late.body.string.contains("Bids closed at 12:00 on 30 Mar 2025: nothing can be submitted, changed or withdrawn after the deadline"))
        let lateChange = try await submitBid(lanternway, specID: spec, price: "80,000", openedVersion: 1)
        XCTAssertEqual(lateChange.status, .unprocessableEntity)
        let lateDraft = try await submitBid(lanternway, specID: spec, price: "80,000", openedVersion: 1, action: "save")
        XCTAssertEqual(lateDraft.status, .unprocessableEntity)
        let lateWithdrawal = try await lanternway.post(SiteMap.Tenant.ownBidWithdraw.path(Self.slug, spec), form: ["opened_version": "1"])
        XCTAssertEqual(lateWithdrawal.status, .unprocessableEntity)
        let count = try await bidVersionCount(spec)
        XCTAssertEqual(count, 1, "only the bid made in time is stored, unchanged")
        let page = try await lanternway.get(SiteMap.Tenant.ownBid.path(Self.slug, spec))
        XCTAssertTrue(page.body.string.contains("Bids closed at 12:00 on 30 Mar 2025 (UK time)"))
        XCTAssertTrue(page.body.string.contains("What you submitted"))
    }

    func testAutumnDeadlineHoldsToTheSecondInWinterTime() async throws {
        setClock("2025-09-01T10:00:00Z")
        // 26 October 2025 is the day the clocks go back: 12:00 GMT is 12:00 UTC.
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let form = try await specificationForm(closingDay: "2025-10-26", overrides: [
            ("service_start", "2025-11-03"), ("go_live", "2025-11-03")])
        let created = try await commissioner.post(SiteMap.Tenant.specificationNew.path(Self.slug), pairs: form)
        let spec = String(try XCTUnwrap(created.headers.first(name: .location)).split(separator: "/").last!)
        try await commissioner.post(SiteMap.Tenant.specificationStatus.path(Self.slug, spec), form: ["to": "published", "version": "1"])

        let lanternway = try await signedIn(CommissioningPeople.lanternway)
        setClock("2025-10-26T11:59:59Z")
        let inTime = try await submitBid(lanternway, specID: spec, price: "89,400")
        XCTAssertEqual(inTime.status, .seeOther, inTime.body.string)
        setClock("2025-10-26T12:00:00Z")
        let late = try await submitBid(try await signedIn(CommissioningPeople.kestrel), specID: spec, price: "86,950")
        XCTAssertEqual(late.status, .unprocessableEntity)
        XCTAssertTrue(late.body.string.contains("Bids closed at 12:00 on 26 Oct 2025"))
    }

    func testNobodyButTheBidderReadsABidBeforeTheDeadline() async throws {
        setClock("2025-05-01T09:00:00Z")
        let spec = try await publishedSpecification(closingDay: "2025-06-30")
        let lanternway = try await signedIn(CommissioningPeople.lanternway)
        try await submitBid(lanternway, specID: spec, price: "89,400")
        let ids = try await bidIDs(spec)
        let bid = try XCTUnwrap(ids["Lanternway Youth Trust"])
        let bidPath = SiteMap.Tenant.bid.path(Self.slug, spec, bid)

        let commissioner = try await signedIn(DemoPeople.commissioner)
        let list = try await commissioner.get(SiteMap.Tenant.bids.path(Self.slug, spec))
        XCTAssertEqual(list.status, .ok)
        XCTAssertTrue(list.body.string.contains("Bids are sealed until the deadline"))
        XCTAssertFalse(list.body.string.contains("Lanternway"), "not even who has bid")
        let sealed = try await commissioner.get(bidPath)
        XCTAssertEqual(sealed.status, .forbidden)
        XCTAssertTrue(sealed.body.string.contains("Bids are sealed until the deadline, 12:00 on 30 Jun 2025"))
        XCTAssertFalse(sealed.body.string.contains("89,400"))

        let otherProvider = try await signedIn(CommissioningPeople.kestrel)
        let competitor = try await otherProvider.get(bidPath)
        XCTAssertEqual(competitor.status, .forbidden)
        let ownPage = try await otherProvider.get(SiteMap.Tenant.ownBid.path(Self.slug, spec))
        XCTAssertFalse(ownPage.body.string.contains("89,400"), "a provider's own page shows its own bid only")
        let assessor = try await signedIn(CommissioningPeople.priya)
        let assessorRead = try await assessor.get(bidPath)
        XCTAssertEqual(assessorRead.status, .forbidden)
        let operatorRead = try await signedIn(DemoPeople.operatorEmail).get(bidPath)
        XCTAssertEqual(operatorRead.status, .notFound, "operators are not tenant members")
        let otherTenant = try await signedIn(DemoPeople.northmoorCommissioner).get(bidPath)
        XCTAssertEqual(otherTenant.status, .notFound)

        let own = try await lanternway.get(SiteMap.Tenant.ownBid.path(Self.slug, spec))
        XCTAssertTrue(own.body.string.contains("89400.00"), "the bidder reads its own bid")

        setClock("2025-06-30T11:00:00Z")  // 12:00 BST: the deadline
        let opened = try await commissioner.get(bidPath)
        XCTAssertEqual(opened.status, .ok)
        XCTAssertTrue(opened.body.string.contains("£89,400.00"))
        let stillCompetitor = try await otherProvider.get(bidPath)
        XCTAssertEqual(stillCompetitor.status, .forbidden, "another provider never reads it")
    }
}
