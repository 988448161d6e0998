import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Who may open which contract page: written out here role by role, independently of
/// `AccessPolicy`. A provider sees their own organisation's contracts; another provider's
/// contract, like another tenant's, does not exist for them.
final class ContractAccessTests: AppTestCase {
    /// Kestrel Youth Outreach only: a provider, but not of the fixture's contract.
    static let otherProvider = "dwayne.campbell@kestrelyouth.example"

    struct Pages {
        let list = "/t/west-midlands/contracts", listCSV = "/t/west-midlands/contracts.csv"
        let payments = "/t/west-midlands/payments", paymentsCSV = "/t/west-midlands/payments.csv"
        let contract: String
        var contractCSV: String { contract + "/payments.csv" }
        var variation: String { contract + "/variations/new?kind=extend" }
        let fromAward: String
    }

    func pages() async throws -> Pages {
        stopClock(at: ContractFixtures.today)
        let award = try await storeContractAward()
        let contract = try await makeContract(award, reference: "TEST-ACCESS")
        return Pages(contract: contract, fromAward: award.contractFormPath)
    }

    func statuses(_ email: String, _ pages: Pages) async throws -> [String: UInt] {
        let browser = try await signedIn(email)
        var result: [String: UInt] = [:]
        for (name, path) in [("list", pages.list), ("listCSV", pages.listCSV), ("payments", pages.payments),
                             ("paymentsCSV", pages.paymentsCSV), ("contract", pages.contract), ("contractCSV", pages.contractCSV),
                             ("variation", pages.variation), ("fromAward", pages.fromAward)] {
            result[name] = try await browser.get(path).status.code
        }
        return result
    }

    func testEachRoleOnEachPage() async throws {
        let pages = try await pages()
        let readAll: [String: UInt] = ["list": 200, "listCSV": 200, "payments": 200, "paymentsCSV": 200, "contract": 200,
                                       "contractCSV": 200, "variation": 403, "fromAward": 403]
        let commissioner = try await statuses(DemoPeople.commissioner, pages)
        XCTAssertEqual(commissioner, readAll.merging(["variation": 200, "fromAward": 409]) { _, new in new },
                       "the commissioner may do everything (the award already has its contract)")
        let finance = try await statuses(DemoPeople.finance, pages)
        XCTAssertEqual(finance, readAll)
        let viewer = try await statuses(DemoPeople.viewer, pages)
        XCTAssertEqual(viewer, readAll)
        let provider = try await statuses(DemoPeople.provider, pages)
        XCTAssertEqual(provider, readAll, "the provider of the contract reads it")
        let other = try await statuses(Self.otherProvider, pages)
        XCTAssertEqual(other, readAll.merging(["contract": 404, "contractCSV": 404, "variation": 403]) { _, new in new })
        let forbidden = Dictionary(uniqueKeysWithValues: readAll.keys.map { ($0, UInt(403)) })
        let partner = try await statuses(DemoPeople.birminghamPartner, pages)
        XCTAssertEqual(partner, forbidden)
        let assessor = try await statuses(DemoPeople.assessor, pages)
        XCTAssertEqual(assessor, forbidden)
        let northmoor = try await statuses(DemoPeople.northmoorCommissioner, pages)
        XCTAssertEqual(northmoor, Dictionary(uniqueKeysWithValues: readAll.keys.map { ($0, UInt(404)) }))
    }

    func testProvidersListOnlyTheirOwnContractsAndPayments() async throws {
        let pages = try await pages()
        let own = try await signedIn(DemoPeople.provider)
        let ownList = try await own.get(pages.list).body.string
        XCTAssertTrue(ownList.contains("TEST-ACCESS"))
        let ownPayments = try await own.get(pages.paymentsCSV).body.string
        XCTAssertTrue(ownPayments.contains("TEST-ACCESS"))
        let other = try await signedIn(Self.otherProvider)
        let otherList = try await other.get(pages.list).body.string
        XCTAssertFalse(otherList.contains("TEST-ACCESS"))
        XCTAssertFalse(otherList.contains("Lanternway Youth Trust"), "none of the other provider's contracts, the demo's included")
        let otherPayments = try await other.get(pages.paymentsCSV).body.string
        XCTAssertFalse(otherPayments.contains("TEST-ACCESS"))
        XCTAssertFalse(otherPayments.contains("Lanternway Youth Trust"))
        let post = try await other.post(pages.contract + "/variations/new", form: ["kind": "terminate"])
        XCTAssertEqual(post.status, .forbidden)
    }

    func testReadersSeeNoActionsTheyCannotTake() async throws {
        let pages = try await pages()
        let viewer = try await signedIn(DemoPeople.viewer)
        let page = try await viewer.get(pages.contract).body.string
        XCTAssertFalse(page.contains("Vary the contract"))
        XCTAssertFalse(page.contains("Terminate it"))
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let own = try await commissioner.get(pages.contract).body.string
        XCTAssertTrue(own.contains("Terminate it"))
        XCTAssertTrue(own.contains("Extend it"))
    }

    func testNavigationOffersContractsAndPaymentsToWhoMayUseThem() async throws {
        let finance = try await signedIn(DemoPeople.finance)
        let financeHome = try await finance.get("/t/west-midlands").body.string
        XCTAssertTrue(financeHome.contains(">Contracts<"))
        XCTAssertTrue(financeHome.contains(">Payments<"))
        let provider = try await signedIn(DemoPeople.provider)
        let providerHome = try await provider.get("/t/west-midlands").body.string
        XCTAssertTrue(providerHome.contains(">Contracts<"))
        XCTAssertFalse(providerHome.contains(">Payments<"), "payments are finance's to record")
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let partnerHome = try await partner.get("/t/west-midlands").body.string
        XCTAssertFalse(partnerHome.contains(">Contracts<"))
    }
}
