import Fluent
import Foundation
import SQLKit

/// Where a chain was last found intact (M021): its entry's number and hash, when, and when
/// the whole chain was last walked.
final class AuditChainCheck: Model, @unchecked Sendable {
    static let schema = "audit_chain_checks"

    @ID(key: .id) var id: UUID?
    @Field(key: "chain") var chain: String
    @Field(key: "seq") var seq: Int64
    @Field(key: "hash") var hash: String
    @Field(key: "checked_at") var checkedAt: Date
    @OptionalField(key: "full_at") var fullAt: Date?
    /// The break last found, shown by every view until a whole check finds the chain intact.
    @OptionalField(key: "broken_seq") var brokenSeq: Int64?
    @OptionalField(key: "broken_problem") var brokenProblem: String?

    init() {}
}

/// The audit log checked as it grows: a page view walks only the entries written since the
/// chain was last found intact, starting from that entry (which must still be there, with the
/// same hash); the whole chain is walked when someone asks, when nothing was checked before,
/// and by `waymark audit verify`. Either way a chain shorter than its checkpointed head, or
/// whose head entry changed, is reported (`AuditCheckpoint`).
enum AuditChainChecking {
    struct Outcome: Sendable {
        let verification: AuditVerification
        /// The entries this check walked (all of them for a full check).
        let walked: Int
        let lastSeq: Int64
        let full: Bool
        let fullAt: Date?
    }

    static func checkNew(chain: String, heads: [String: AuditCheckpoint.Head], on db: any Database) async throws -> Outcome {
        guard let known = try await AuditChainCheck.query(on: db).filter(\.$chain == chain).first() else {
            return try await checkAll(chain: chain, heads: heads, on: db)
        }
        if let seq = known.brokenSeq {
            return Outcome(verification: AuditVerification(entriesChecked: 0, chainsChecked: 1, firstBreak: .init(
                chain: chain, seq: seq, entryID: nil, problem: known.brokenProblem ?? "it failed the last check")),
                walked: 0, lastSeq: known.seq, full: false, fullAt: known.fullAt)
        }
        let outcome = try await walkNew(chain: chain, known: known, heads: heads, on: db)
        if let broken = outcome.verification.firstBreak { try await recordBreak(broken, on: db) }
        return outcome
    }

    private static func walkNew(chain: String, known: AuditChainCheck, heads: [String: AuditCheckpoint.Head],
                                on db: any Database) async throws -> Outcome {
        let entries = try await AuditEntry.query(on: db).filter(\.$chain == chain).filter(\.$seq >= known.seq).sort(\.$seq).all()
        func broken(_ seq: Int64, _ id: UUID?, _ problem: String, walked: Int) -> Outcome {
            Outcome(verification: AuditVerification(entriesChecked: walked, chainsChecked: 1,
                                                    firstBreak: .init(chain: chain, seq: seq, entryID: id, problem: problem)),
                    walked: walked, lastSeq: known.seq, full: false, fullAt: known.fullAt)
        }
        let since = London.format(known.checkedAt)
        guard let anchor = entries.first, anchor.seq == known.seq else {
            return broken(known.seq, nil, "the chain was cut: entry \(known.seq), found intact on \(since), is gone", walked: 0)
        }
        guard anchor.hash == known.hash, anchor.expectedHash == anchor.hash else {
            return broken(anchor.seq, anchor.id, "it is not the entry found intact on \(since): the chain was rewritten", walked: 0)
        }
        var previous = anchor, walked = 0
        for entry in entries.dropFirst() {
            if entry.seq != previous.seq + 1 {
                return broken(entry.seq, entry.id, "expected entry \(previous.seq + 1) but found \(entry.seq): an entry is missing", walked: walked)
            }
            if entry.prevHash != previous.hash { return broken(entry.seq, entry.id, "its link to the previous entry does not match", walked: walked) }
            if entry.expectedHash != entry.hash {
                return broken(entry.seq, entry.id, "its contents do not match its hash: it was changed after it was written", walked: walked)
            }
            walked += 1
            previous = entry
        }
        if let head = heads[chain] {
            let recorded = "the checkpoint of \(London.format(head.at)) recorded entry \(head.seq)"
            if previous.seq < head.seq {
                return broken(head.seq, nil, "the chain was cut: it ends at entry \(previous.seq), but \(recorded)", walked: walked)
            }
            if head.seq >= anchor.seq, entries.first(where: { $0.seq == head.seq })?.hash != head.hash {
                return broken(head.seq, nil, "entry \(head.seq) is not the one \(recorded): the chain was rewritten", walked: walked)
            }
        }
        try await remember(chain: chain, last: previous, full: false, on: db)
        return Outcome(verification: AuditVerification(entriesChecked: Int(previous.seq), chainsChecked: 1, firstBreak: nil),
                       walked: walked, lastSeq: previous.seq, full: false, fullAt: known.fullAt)
    }

    /// Walks the whole chain (`AuditVerifier.verify`) and, when it is intact, remembers its end.
    static func checkAll(chain: String, heads: [String: AuditCheckpoint.Head], on db: any Database) async throws -> Outcome {
        let verification = try await AuditVerifier.verify(on: db, chain: chain, heads: heads)
        let last = try await AuditEntry.query(on: db).filter(\.$chain == chain).sort(\.$seq, .descending).first()
        let now = SecurityClock.now()
        if let broken = verification.firstBreak { try await recordBreak(broken, on: db) }
        else if let last { try await remember(chain: chain, last: last, full: true, on: db) }
        return Outcome(verification: verification, walked: verification.entriesChecked, lastSeq: last?.seq ?? 0, full: true,
                       fullAt: verification.firstBreak == nil ? now : nil)
    }

    /// Every chain walked in full (`waymark audit verify`, after its own walk): remembered as intact.
    static func rememberAllIntact(on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let lasts = try await sql.raw("""
            SELECT id FROM audit_entries AS entry
            WHERE seq = (SELECT MAX(seq) FROM audit_entries AS later WHERE later.chain = entry.chain)
            """).all().map { try $0.decode(column: "id", as: UUID.self) }
        for entry in try await AuditEntry.query(on: db).filter(\.$id ~~ lasts).all() {
            try await remember(chain: entry.chain, last: entry, full: true, on: db)
        }
    }

    /// One row per chain, written as an upsert: two page views checking at the same moment
    /// must not trip over each other (on PostgreSQL a failed insert would spoil the request's
    /// transaction).
    private static func remember(chain: String, last: AuditEntry, full: Bool, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        let now = SecurityClock.now()
        var columns: [String] = ["seq", "hash", "checked_at", "broken_seq", "broken_problem"]
        if full { columns.append("full_at") }
        try await sql.insert(into: AuditChainCheck.schema)
            .columns("id", "chain", "seq", "hash", "checked_at", "full_at", "broken_seq", "broken_problem")
            .values(SQLBind(UUID()), SQLBind(chain), SQLBind(last.seq), SQLBind(last.hash), SQLBind(now), full ? SQLBind(now) : SQLBind(Date?.none),
                    SQLBind(Int64?.none), SQLBind(String?.none))
            .onConflict(with: ["chain"]) { conflict in
                columns.reduce(conflict) { $0.set(excludedValueOf: $1) }
            }
            .run()
    }

    /// Keeps the break for every later view (a chain not checked before gets a row that starts
    /// nowhere, so only a whole check can clear it).
    private static func recordBreak(_ broken: AuditVerification.Break, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.insert(into: AuditChainCheck.schema)
            .columns("id", "chain", "seq", "hash", "checked_at", "full_at", "broken_seq", "broken_problem")
            .values(SQLBind(UUID()), SQLBind(broken.chain), SQLBind(Int64(0)), SQLBind(AuditEntry.genesisHash), SQLBind(SecurityClock.now()),
                    SQLBind(Date?.none), SQLBind(broken.seq), SQLBind(broken.problem))
            .onConflict(with: ["chain"]) { $0.set(excludedValueOf: "broken_seq").set(excludedValueOf: "broken_problem") }
            .run()
    }
}
