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

/// Issue 16, finding 8: the chain cannot be cut or rewritten unnoticed.
final class AuditChainTests: AppTestCase {
    var sql: (any SQLDatabase)!

    func verify() async throws -> AuditVerification {
        let heads = AuditCheckpoint.latest(app)
        return try await app.platformDB { db in try await AuditVerifier.verify(on: db, heads: heads) }
    }

    func run(_ edit: @escaping @Sendable (any SQLDatabase) async throws -> Void) async throws {
        try await app.platformDB { db in try await edit(db as! any SQLDatabase) }
    }

    func testCuttingTheEndOfAChainIsFoundByItsCheckpoint() async throws {
        let written = try await AuditCheckpoint.record(app)
        XCTAssertEqual(written.count, 3, "one head per chain")
        let clean = try await verify()
        XCTAssertNil(clean.firstBreak)
        let last = try await app.platformDB { db in
            try await AuditEntry.query(on: db).filter(\.$chain == "platform").sort(\.$seq, .descending).first()!.seq
        }
        try await run { sql in
            try await sql.delete(from: "audit_entries").where("chain", .equal, "platform").where("seq", .greaterThan, last - 2).run()
        }
        let cut = try await verify()
        XCTAssertEqual(cut.firstBreak?.chain, "platform")
        XCTAssertTrue(cut.firstBreak?.problem.contains("the chain was cut") ?? false, cut.firstBreak?.problem ?? "")
    }

    func testDeletingATenantsWholeChainIsFound() async throws {
        try await AuditCheckpoint.record(app)
        let chain = try await app.platformDB { db in
            AuditEntry.chainName(for: try await Tenant.query(on: db).filter(\.$slug == "northmoor").first()!.id)
        }
        try await run { sql in try await sql.delete(from: "audit_entries").where("chain", .equal, chain).run() }
        let result = try await verify()
        XCTAssertEqual(result.firstBreak?.chain, chain)
        XCTAssertTrue(result.firstBreak?.problem.contains("the whole chain is gone") ?? false)
    }

    /// Someone who can write the database but has no key edits an entry and recomputes every
    /// later hash the old, unkeyed way: the chain no longer verifies.
    func testRecomputingAChainWithoutTheKeyIsFound() async throws {
        let entries = try await app.platformDB { db in
            try await AuditEntry.query(on: db).filter(\.$chain == "platform").sort(\.$seq).all()
        }
        XCTAssertTrue(entries.allSatisfy { $0.scheme == AuditEntry.keyedScheme })
        var previous = AuditEntry.genesisHash
        for entry in entries {
            if entry.seq == 2 { entry.actorLabel = "someone else" }
            entry.prevHash = previous
            entry.hash = AuditLog.digest(entry.canonicalText)
            previous = entry.hash
        }
        try await app.platformDB { db in for entry in entries { try await entry.save(on: db) } }
        let result = try await verify()
        XCTAssertEqual(result.firstBreak?.seq, 1, "the first recomputed entry fails the keyed check")
        XCTAssertTrue(result.firstBreak?.problem.contains("changed after it was written") ?? false)
    }

    func testTheIdIsPartOfTheHash() async throws {
        let target = try await app.platformDB { db in
            try await AuditEntry.query(on: db).filter(\.$chain == "platform").sort(\.$seq).offset(2).first()!
        }
        try await run { sql in
            try await sql.update("audit_entries").set("id", to: UUID()).where("id", .equal, target.id!).run()
        }
        let result = try await verify()
        XCTAssertEqual(result.firstBreak?.seq, 3)
    }

    /// Chains written before the key are checked, then moved to the keyed digest at start.
    func testLegacyChainsAreRekeyedOnceChecked() async throws {
        let entries = try await app.platformDB { db in
            try await AuditEntry.query(on: db).filter(\.$chain == "platform").sort(\.$seq).all()
        }
        var previous = AuditEntry.genesisHash
        for entry in entries {
            entry.scheme = 1
            entry.prevHash = previous
            entry.hash = AuditLog.digest(entry.canonicalText)
            previous = entry.hash
        }
        try await app.platformDB { db in for entry in entries { try await entry.save(on: db) } }
        let legacy = try await verify()
        XCTAssertNil(legacy.firstBreak, "an intact unkeyed chain still verifies")
        try await AuditRekeying.run(app)
        let rekeyed = try await app.platformDB { db in
            try await AuditEntry.query(on: db).filter(\.$chain == "platform").sort(\.$seq).all()
        }
        XCTAssertTrue(rekeyed.allSatisfy { $0.scheme == AuditEntry.keyedScheme })
        XCTAssertEqual(rekeyed.last?.action, "audit.rekeyed")
        let after = try await verify()
        XCTAssertNil(after.firstBreak)
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
