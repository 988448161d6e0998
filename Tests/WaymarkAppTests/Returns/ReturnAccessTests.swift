import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Who may read and file which returns: a provider only its own contracts' (another
/// provider's are "not found"), a partner only the routes their organisation funds, the
/// commissioner reviews but never files, and another tenant sees nothing.
final class ReturnAccessTests: AppTestCase {
    var contract = ""

    override func setUp() async throws {
        try await super.setUp()
        app.clock.set(ReturnFixtures.today)
        contract = try await returnsContract()
        try await fileAndApprove(contract, ReturnFixtures.september)
    }

    func status(_ email: String, _ path: String) async throws -> HTTPStatus {
        try await signedIn(email).get(path).status
    }

    func testEachRoleOnAReturn() async throws {
        let page = returnPath(contract, ReturnFixtures.september)
        let expected: [(String, HTTPStatus)] = [
            (DemoPeople.commissioner, .ok), (DemoPeople.finance, .ok), (DemoPeople.viewer, .ok), (DemoPeople.provider, .ok),
            (ReturnFixtures.partner, .ok), (ContractAccessTests.otherProvider, .notFound), (DemoPeople.birminghamPartner, .notFound),
            (DemoPeople.assessor, .forbidden), (DemoPeople.northmoorCommissioner, .notFound),
        ]
        for (email, want) in expected {
            let got = try await status(email, page)
            XCTAssertEqual(got, want, email)
        }
    }

    func testAnotherProviderCanNeitherSeeNorFile() async throws {
        let other = try await signedIn(ContractAccessTests.otherProvider)
        let october = ReturnFixtures.october
        let form = try await other.get(returnPath(contract, october, "/form"))
        XCTAssertEqual(form.status, .notFound)
        let template = try await other.get(returnPath(contract, october, "/template.csv"))
        XCTAssertEqual(template.status, .notFound)
        let post = try await other.post(returnPath(contract, october, "/form"), form: returnForm(["WLV-01": 17, "WLV-02": 17], version: "0"))
        XCTAssertEqual(post.status, .notFound)
        let upload = try await other.postMultipart(returnPath(contract, october, "/upload"), fields: ["version": "0"],
                                                   file: ("file", "r.csv", Data("route_code\nWLV-01\n".utf8)))
        XCTAssertEqual(upload.status, .notFound)
        let stored = try await storedReturn(contract, october)
        XCTAssertNil(stored)
        let list = try await other.get("/t/west-midlands/returns").body.string
        XCTAssertFalse(list.contains(ReturnFixtures.reference), "another provider's returns are not listed")
    }

    func testTheCommissionerReviewsButNeverFilesAndTheProviderNeverReviews() async throws {
        let october = ReturnFixtures.october
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let form = try await commissioner.get(returnPath(contract, october, "/form"))
        XCTAssertEqual(form.status, .forbidden)
        let provider = try await signedIn(DemoPeople.provider)
        let days = try await templateSchoolDays(provider, contract, october)
        let filed = try await provider.post(returnPath(contract, october, "/form"), form: returnForm(days, version: "0"))
        XCTAssertEqual(filed.status, .seeOther)
        let review = try await provider.post(returnPath(contract, october, "/review"), form: ["step": "approve", "version": "2"])
        XCTAssertEqual(review.status, .forbidden)
        let finance = try await signedIn(DemoPeople.finance)
        let financeReview = try await finance.post(returnPath(contract, october, "/review"), form: ["step": "approve", "version": "2"])
        XCTAssertEqual(financeReview.status, .forbidden)
        let stored = try await storedReturn(contract, october)
        XCTAssertEqual(stored?.status, .submitted)
    }

    func testAPartnerSeesTheRoutesTheyFundInTheList() async throws {
        let partner = try await signedIn(ReturnFixtures.partner)
        let list = try await partner.get("/t/west-midlands/returns").body.string
        XCTAssertTrue(list.contains(ReturnFixtures.reference), "Wolverhampton pays for the contract's routes")
        let page = try await partner.get(returnPath(contract, ReturnFixtures.september)).body.string
        XCTAssertTrue(page.contains("WLV-01") && page.contains("WLV-02"))
        XCTAssertFalse(page.contains("Record the decision") || page.contains("Fill in the return"), "a partner only reads")
        let birmingham = try await signedIn(DemoPeople.birminghamPartner)
        let theirs = try await birmingham.get("/t/west-midlands/returns").body.string
        XCTAssertFalse(theirs.contains(ReturnFixtures.reference), "Birmingham funds none of these routes")
    }

    func testAPartnerSeesOnlyTheLinesOfRoutesTheyFund() async throws {
        // Narrow Wolverhampton council's funding to WLV-01 alone: the contract is paid from
        // another funder's source, and none of the council's money is allocated to WLV-02.
        try await platform { db in
            let council = try await Organisation.query(on: db).filter(\.$name == "City of Wolverhampton Council").first()!
            let theirs = try await FundingSourceRecord.query(on: db).filter(\.$funderOrganisationID == council.id!).all()
            let other = try await FundingSourceRecord.query(on: db).filter(\.$funderOrganisationID != council.id!).first()!
            for contract in try await ContractRecord.query(on: db).all() {
                for source in theirs {
                    contract.fundingLinks = contract.fundingLinks.replacingOccurrences(of: source.id!.uuidString, with: other.id!.uuidString)
                }
                try await contract.save(on: db)
            }
            let wlv02 = try await Route.query(on: db).filter(\.$code == "WLV-02").first()!
            try await AllocationRecord.query(on: db).filter(\.$sourceID ~~ theirs.compactMap(\.id)).filter(\.$routeID == wlv02.id!).delete()
        }
        let partner = try await signedIn(ReturnFixtures.partner)
        let page = try await partner.get(returnPath(contract, ReturnFixtures.september)).body.string
        XCTAssertTrue(page.contains(">WLV-01</th>"))
        XCTAssertFalse(page.contains(">WLV-02</th>"), "Blakenhall's figures are not theirs to see")
        XCTAssertTrue(page.contains("1 of the contract&#39;s routes are not shown") || page.contains("1 of the contract's routes are not shown"))
    }
}
