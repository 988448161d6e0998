import Fluent
import SQLKit
import XCTVapor
@testable import WaymarkApp

final class AuditTests: AppTestCase {
    func testTheChainVerifiesAfterSeedingAndEdits() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        for children in ["1001", "1002"] {
            // The form edits everything; the fields not changed here go back as the page filled them in.
            let fields = try await editFields("BHM-03").setting("name", "Jewellery Quarter").setting("children_per_day", children)
            let response = try await browser.post("/t/west-midlands/routes/BHM-03/edit", pairs: fields)
            XCTAssertEqual(response.status, .seeOther)
        }
        let result = try await app.platformDB { db in try await AuditVerifier.verify(on: db) }
        XCTAssertNil(result.firstBreak)
        XCTAssertGreaterThan(result.entriesChecked, 30)
        XCTAssertEqual(result.chainsChecked, 3, "the platform chain and one per tenant")
    }

    func testATamperedEntryIsNamed() async throws {
        let target = try await app.platformDB { db in
            try await AuditEntry.query(on: db).filter(\.$chain == "platform").sort(\.$seq).offset(4).first()!
        }
        try await app.platformDB { db in
            try await (db as! any SQLDatabase).update("audit_entries")
                .set("actor_label", to: "someone else")
                .where("id", .equal, target.id!).run()
        }
        let result = try await app.platformDB { db in try await AuditVerifier.verify(on: db) }
        XCTAssertEqual(result.firstBreak?.entryID, target.id)
        XCTAssertEqual(result.firstBreak?.seq, 5)
        XCTAssertTrue(result.firstBreak?.problem.contains("changed after it was written") ?? false)
    }

    func testADeletedEntryIsNamed() async throws {
        try await app.platformDB { db in
            try await (db as! any SQLDatabase).delete(from: "audit_entries")
                .where("chain", .equal, "platform").where("seq", .equal, 3).run()
        }
        let result = try await app.platformDB { db in try await AuditVerifier.verify(on: db) }
        XCTAssertEqual(result.firstBreak?.seq, 4)
        XCTAssertTrue(result.firstBreak?.problem.contains("missing") ?? false)
    }
}

final class AuditPageTests: AppTestCase {
    func testTheAuditPageVerifiesOnlyItsOwnTenantsChain() async throws {
        // Break Northmoor's chain: West Midlands' page must neither see nor count it.
        try await app.platformDB { db in
            try await (db as! any SQLDatabase).update("audit_entries")
                .set("actor_label", to: "tampered")
                .where("chain", .like, "tenant:%")
                .where("entity_id", .equal, "northmoor").run()
        }
        let northmoorEntries = try await platform { db in
            try await AuditEntry.query(on: db).filter(\.$entityID == "northmoor").filter(\.$action == "demo.seeded").first()!.chain
        }
        let westMidlandsCount = try await platform { db in
            try await AuditEntry.query(on: db).filter(\.$chain != northmoorEntries).filter(\.$chain != "platform").count()
        }
        let browser = try await signedIn(DemoPeople.commissioner)
        let page = try await browser.get("/t/west-midlands/audit")
        XCTAssertTrue(page.body.string.contains("All \(westMidlandsCount) entries verify"), "counts its own chain only")
        XCTAssertFalse(page.body.string.contains("fails verification"))
        let northmoor = try await signedIn(DemoPeople.northmoorCommissioner)
        let broken = try await northmoor.get("/t/northmoor/audit")
        XCTAssertTrue(broken.body.string.contains("fails verification"), "the tenant whose chain broke is told")
    }

    func testAbsurdPageNumbersAreHandled() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        for page in ["9223372036854775807", "-5", "abc", "0"] {
            let response = try await browser.get("/t/west-midlands/audit?page=\(page)")
            XCTAssertEqual(response.status, .ok, "page=\(page)")
        }
    }
}
