import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Issue 18: the OCDS release and record packages of the demo and of a tenant built through the
/// product; ops/test validates them with the official schemas (`keepForValidation`).
final class OCDSFilesTests: AppTestCase {
    func file(_ slug: String, _ kind: String, on day: String? = nil) async throws -> (status: HTTPStatus, json: [String: Any], body: String) {
        let response = try await Browser(app: app).get("/p/\(slug)/open-data/ocds/\(kind).json" + (day.map { "?as_of=\($0)" } ?? ""))
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body.string.utf8))) as? [String: Any] ?? [:]
        return (response.status, json, response.body.string)
    }

    func testTheDemoPublishesEachProcessStepByStep() async throws {
        let releases = try await file("west-midlands", "releases")
        XCTAssertEqual(releases.status, .ok)
        let list = try XCTUnwrap(releases.json["releases"] as? [[String: Any]])
        let ids = list.compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(ids).count, ids.count, "release ids are unique")
        XCTAssertTrue(list.allSatisfy { ($0["ocid"] as? String)?.hasPrefix("ocds-demo01-") ?? false })
        let tags = Set(list.flatMap { $0["tag"] as? [String] ?? [] })
        XCTAssertTrue(tags.isSuperset(of: ["award", "contract", "implementation"]), "\(tags)")
        XCTAssertTrue(ids.contains("ocds-demo01-contract-ST-BHM-2021-01-contract"), "a contract let outside Waymark is a process of its own")
        try keepForValidation(releases.body, as: "west-midlands-ocds-releases.json")
        let records = try await file("west-midlands", "records")
        XCTAssertEqual(records.status, .ok)
        let compiled = try XCTUnwrap(records.json["records"] as? [[String: Any]])
        XCTAssertEqual(compiled.count, Set(list.compactMap { $0["ocid"] as? String }).count, "one record per process")
        try keepForValidation(records.body, as: "west-midlands-ocds-records.json")
        XCTAssertFalse(releases.body.contains("@"), "no email address anywhere")
    }

    func testABuiltTenantsProcessesFollowItsChoices() async throws {
        stopClock(at: ContractFixtures.instant(2025, 1, 15, hour: 10))
        let commissioner = try await builtOpenDataTenant()
        let releases = try await file("west-yorkshire", "releases")
        XCTAssertEqual(releases.status, .ok, releases.body)
        let ocids = Set((releases.json["releases"] as? [[String: Any]] ?? []).compactMap { $0["ocid"] as? String })
        XCTAssertEqual(ocids, ["ocds-demo02-contract-WY-G-2024-01", "ocds-demo02-contract-WY-D-2024-02"])
        let grant = (releases.json["releases"] as? [[String: Any]] ?? []).first { ($0["id"] as? String) == "ocds-demo02-contract-WY-G-2024-01-contract" }
        let contract = try XCTUnwrap((grant?["contracts"] as? [[String: Any]])?.first)
        XCTAssertEqual((contract["value"] as? [String: Any])?["amount"] as? Double, 60_000)
        XCTAssertEqual(contract["dateSigned"] as? String, "2024-08-20T00:00:00Z")
        let tender = try XCTUnwrap(grant?["tender"] as? [String: Any])
        XCTAssertEqual(tender["procurementMethod"] as? String, "direct")
        XCTAssertEqual((tender["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String }, ["LDS-01", "LDS-02"])
        try keepForValidation(releases.body, as: "west-yorkshire-ocds-releases.json")
        let records = try await file("west-yorkshire", "records")
        try keepForValidation(records.body, as: "west-yorkshire-ocds-records.json")

        // Withheld, the contract's process leaves both files.
        let record = try await platform { db in try await ContractRecord.query(on: db).filter(\.$reference == "WY-D-2024-02").first()! }
        let path = SiteMap.Tenant.contractPublication.path("west-yorkshire", record.id!.uuidString)
        _ = try await commissioner.get(path)
        _ = try await commissioner.post(path, form: ["publication": "withheld", "withheld_note": "Withheld during a dispute", "version": String(record.version)])
        let after = try await file("west-yorkshire", "releases")
        XCTAssertFalse(after.body.contains("WY-D-2024-02") || after.body.contains("Calder Safe Routes"))
        let before = try await file("west-yorkshire", "releases", on: "2024-08-21")
        let early = Set((before.json["releases"] as? [[String: Any]] ?? []).compactMap { $0["ocid"] as? String })
        XCTAssertEqual(early, ["ocds-demo02-contract-WY-G-2024-01"], "as of a day, only what was signed by then")
    }

    func testNoPrefixNoFile() async throws {
        let response = try await file("northmoor", "releases")
        XCTAssertEqual(response.status, .notFound)
    }

    func testTheAPIServesTheSameFilesWithoutAToken() async throws {
        let anyone = Browser(app: app)
        let site = try await anyone.get("/p/west-midlands/open-data/360giving.json").body.string
        let api = try await anyone.get("/api/v1/t/west-midlands/open-data/360giving.json")
        XCTAssertEqual(api.status, .ok)
        XCTAssertEqual(api.body.string, site)
        let releases = try await anyone.get("/api/v1/t/west-midlands/open-data/ocds/releases.json?as_of=2023-06-01")
        XCTAssertEqual(releases.status, .ok)
        XCTAssertTrue(releases.body.string.contains("\"ocds-demo01-contract-ST-BHM-2022-01-contract\""))
        let missing = try await anyone.get("/api/v1/t/northmoor/open-data/ocds/records.json")
        XCTAssertEqual(missing.status, .notFound)
        XCTAssertEqual(missing.headers.contentType?.subType, "json", "an API error answers in JSON")
        let repeated = try await anyone.get("/api/v1/t/west-midlands/open-data/360giving.json?as_of=2023-01-01&as_of=2024-01-01")
        XCTAssertEqual(repeated.status, .badRequest)
        let document = try await anyone.get("/api/v1/openapi.json").body.string
        for path in ["/api/v1/t/{tenant}/open-data/360giving.json", "/api/v1/t/{tenant}/open-data/ocds/releases.json",
                     "/api/v1/t/{tenant}/open-data/ocds/records.json"] {
            XCTAssertTrue(document.contains("\"\(path)\""), path)
        }
    }
}
