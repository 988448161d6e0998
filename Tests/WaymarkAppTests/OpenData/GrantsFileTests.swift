import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Issue 18: the 360Giving file of the demo tenant and of a tenant built through the product;
/// ops/test then validates both with the official schema (`keepForValidation`).
final class GrantsFileTests: AppTestCase {
    func grants(_ slug: String, on day: String? = nil) async throws -> (status: HTTPStatus, json: [String: Any], body: String) {
        let response = try await Browser(app: app).get("/p/\(slug)/open-data/360giving.json" + (day.map { "?as_of=\($0)" } ?? ""))
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body.string.utf8))) as? [String: Any] ?? [:]
        return (response.status, json, response.body.string)
    }

    func testTheDemoPublishesItsGrantAgreements() async throws {
        let (status, json, body) = try await grants("west-midlands")
        XCTAssertEqual(status, .ok)
        let list = try XCTUnwrap(json["grants"] as? [[String: Any]])
        let ids = list.compactMap { $0["id"] as? String }
        XCTAssertTrue(ids.contains("360G-demo-wmvrp-ST-BHM-2021-01"))
        XCTAssertEqual(Set(ids).count, ids.count, "ids are unique")
        XCTAssertEqual(json["version"] as? String, "1.4")
        for grant in list {
            let funders = try XCTUnwrap(grant["fundingOrganization"] as? [[String: Any]])
            XCTAssertEqual(funders.map { $0["id"] as? String }, ["GB-GOR-DEMO-WMVRP"], "one funder: the partnership")
            let recipient = try XCTUnwrap((grant["recipientOrganization"] as? [[String: Any]])?.first)
            XCTAssertTrue((recipient["id"] as? String)?.hasPrefix("GB-") ?? false, "\(recipient)")
        }
        try keepForValidation(body, as: "west-midlands-360giving.json")
    }

    func testABuiltTenantPublishesItsGrantsAsItChooses() async throws {
        stopClock(at: ContractFixtures.instant(2025, 1, 15, hour: 10))
        let commissioner = try await builtOpenDataTenant()
        var file = try await grants("west-yorkshire")
        XCTAssertEqual(file.status, .ok, file.body)
        var list = try XCTUnwrap(file.json["grants"] as? [[String: Any]])
        XCTAssertEqual(list.map { $0["id"] as? String }, ["360G-demo-wyvru-WY-G-2024-01"], "only the grant agreement is a grant")
        let grant = list[0]
        XCTAssertEqual(grant["amountAwarded"] as? Double, 60_000)
        XCTAssertEqual(grant["awardDate"] as? String, "2024-08-20", "awarded when signed")
        XCTAssertEqual((grant["recipientOrganization"] as? [[String: Any]])?.first?["id"] as? String, "GB-CHC-1187654")
        let places = try XCTUnwrap(grant["beneficiaryLocation"] as? [[String: Any]])
        XCTAssertEqual(places.map { $0["geoCode"] as? String }, ["E08000035"])
        XCTAssertEqual(places.map { $0["geoCodeType"] as? String }, ["MD"])
        XCTAssertEqual((grant["plannedDates"] as? [[String: Any]])?.first?["startDate"] as? String, "2024-09-02")

        // The direct award published as a grant joins the file; withholding the grant takes it out.
        let (direct, grantID) = try await platform { db -> (ContractRecord, String) in
            let direct = try await ContractRecord.query(on: db).filter(\.$reference == "WY-D-2024-02").first()!
            let grant = try await ContractRecord.query(on: db).filter(\.$reference == "WY-G-2024-01").first()!
            return (direct, grant.id!.uuidString)
        }
        let directPath = SiteMap.Tenant.contractPublication.path("west-yorkshire", direct.id!.uuidString)
        _ = try await commissioner.get(directPath)
        let marked = try await commissioner.post(directPath, form: ["publication": "public", "as_grant": "yes", "version": String(direct.version)])
        XCTAssertEqual(marked.status, .seeOther, marked.body.string)
        file = try await grants("west-yorkshire")
        list = try XCTUnwrap(file.json["grants"] as? [[String: Any]])
        XCTAssertEqual(Set(list.compactMap { $0["id"] as? String }), ["360G-demo-wyvru-WY-G-2024-01", "360G-demo-wyvru-WY-D-2024-02"])
        let company = list.first { ($0["id"] as? String) == "360G-demo-wyvru-WY-D-2024-02" }
        XCTAssertEqual((company?["recipientOrganization"] as? [[String: Any]])?.first?["id"] as? String, "GB-COH-11223344")
        try keepForValidation(file.body, as: "west-yorkshire-360giving.json")

        let grantVersion = try await platform { db in try await ContractRecord.find(UUID(uuidString: grantID), on: db)!.version }
        let grantPath = SiteMap.Tenant.contractPublication.path("west-yorkshire", grantID)
        _ = try await commissioner.get(grantPath)
        _ = try await commissioner.post(grantPath, form: ["publication": "withheld", "withheld_note": "Withheld until the grant is announced",
                                                          "version": String(grantVersion)])
        file = try await grants("west-yorkshire")
        list = try XCTUnwrap(file.json["grants"] as? [[String: Any]])
        XCTAssertEqual(list.compactMap { $0["id"] as? String }, ["360G-demo-wyvru-WY-D-2024-02"])

        // Before anything was signed there is no grant, so no file (a package needs one).
        let before = try await grants("west-yorkshire", on: "2024-08-01")
        XCTAssertEqual(before.status, .notFound)
        let page = try await Browser(app: app).get("/p/west-yorkshire/open-data?as_of=2024-08-01").body.string
        XCTAssertTrue(page.contains("No grants have been published yet"))
    }

    func testATenantWithoutItsIdentifiersPublishesNoFileAndSaysWhy() async throws {
        let file = try await grants("northmoor")
        XCTAssertEqual(file.status, .notFound)
        let page = try await Browser(app: app).get("/p/northmoor/open-data").body.string
        XCTAssertTrue(page.contains("have not given the partnership&#39;s org-id") || page.contains("have not given the partnership's org-id"))
    }
}
