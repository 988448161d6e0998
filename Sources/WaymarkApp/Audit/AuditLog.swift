import Crypto
import Fluent
import Foundation

/// Who did something, as the audit log names them.
struct AuditActor: Sendable {
    let id: UUID?
    let label: String

    static let system = AuditActor(id: nil, label: "system")
    static func shell(_ what: String) -> AuditActor { AuditActor(id: nil, label: "shell: \(what)") }
}

/// Appends to the hash-chained audit log. Call it inside the same transaction as the
/// change it records, so the change and its entry land together or not at all.
enum AuditLog {
    /// One change to record; `record(many:)` writes a batch of them.
    struct Change {
        let action: String
        let entity: String
        let entityID: String
        var before: (any Encodable)? = nil
        var after: (any Encodable)? = nil
    }

    static func record(
        on db: any Database, tenantID: UUID?, actor: AuditActor, action: String,
        entity: String, entityID: String, before: (any Encodable)? = nil, after: (any Encodable)? = nil,
        now: Date = AppClock.shared.now()
    ) async throws {
        try await record(many: [Change(action: action, entity: entity, entityID: entityID, before: before, after: after)],
                         on: db, tenantID: tenantID, actor: actor, now: now)
    }

    /// Appends `changes` in order, reading the chain's end once and inserting in batches: a
    /// bulk import of a thousand records writes its thousand entries without a thousand
    /// round trips.
    static func record(many changes: [Change], on db: any Database, tenantID: UUID?, actor: AuditActor, now: Date = AppClock.shared.now()) async throws {
        guard !changes.isEmpty else { return }
        let chain = AuditEntry.chainName(for: tenantID)
        let last = try await AuditEntry.query(on: db)
            .filter(\.$chain == chain)
            .sort(\.$seq, .descending)
            .first()
        var seq = last?.seq ?? 0
        var previousHash = last?.hash ?? AuditEntry.genesisHash
        var entries: [AuditEntry] = []
        for change in changes {
            let entry = AuditEntry()
            entry.tenantID = tenantID
            entry.chain = chain
            seq += 1
            entry.seq = seq
            entry.actorID = actor.id
            entry.actorLabel = actor.label
            entry.action = change.action
            entry.entity = change.entity
            entry.entityID = change.entityID
            entry.beforeJSON = try change.before.map(canonicalJSON)
            entry.afterJSON = try change.after.map(canonicalJSON)
            entry.atMilliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded())
            entry.prevHash = previousHash
            entry.hash = digest(entry.canonicalText)
            previousHash = entry.hash
            entries.append(entry)
        }
        // (chain, seq) is unique: a concurrent writer that read the same last entry
        // fails here and its transaction rolls back rather than forking the chain.
        for chunk in entries.chunked(500) { try await chunk.create(on: db) }
    }

    static func canonicalJSON(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func digest(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// The result of walking every chain.
struct AuditVerification: Sendable {
    struct Break: Sendable {
        let chain: String
        let seq: Int64
        let entryID: UUID?
        let problem: String
    }

    let entriesChecked: Int
    let chainsChecked: Int
    let firstBreak: Break?
}

enum AuditVerifier {
    /// Walks each chain in order and names the first entry whose hash, link or
    /// sequence number does not hold. `chain` limits the walk to one chain: a
    /// tenant's page must neither count nor report another tenant's entries.
    static func verify(on db: any Database, chain: String? = nil) async throws -> AuditVerification {
        var query = AuditEntry.query(on: db)
        if let chain { query = query.filter(\.$chain == chain) }
        let entries = try await query.sort(\.$chain).sort(\.$seq).all()
        var checked = 0
        var chains = 0
        var previous: AuditEntry?
        for entry in entries {
            let startsChain = previous?.chain != entry.chain
            if startsChain { chains += 1 }
            let expectedSeq = startsChain ? 1 : previous!.seq + 1
            let expectedPrev = startsChain ? AuditEntry.genesisHash : previous!.hash
            func broken(_ problem: String) -> AuditVerification {
                AuditVerification(entriesChecked: checked, chainsChecked: chains, firstBreak: .init(
                    chain: entry.chain, seq: entry.seq, entryID: entry.id, problem: problem))
            }
            if entry.seq != expectedSeq {
                return broken("expected entry \(expectedSeq) but found \(entry.seq): an entry is missing")
            }
            if entry.prevHash != expectedPrev {
                return broken("its link to the previous entry does not match")
            }
            if AuditLog.digest(entry.canonicalText) != entry.hash {
                return broken("its contents do not match its hash: it was changed after it was written")
            }
            checked += 1
            previous = entry
        }
        return AuditVerification(entriesChecked: checked, chainsChecked: chains, firstBreak: nil)
    }
}
