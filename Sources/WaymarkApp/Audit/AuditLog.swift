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
            entry.id = UUID()
            entry.scheme = AuditEntry.keyedScheme
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
            entry.hash = entry.expectedHash
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

    static func keyedDigest(_ text: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: AuditKey.shared.current).map { String(format: "%02x", $0) }.joined()
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
    /// sequence number does not hold, then holds each chain against its checkpointed head
    /// (`AuditCheckpoint`): a chain shorter than its head was cut, a chain missing was deleted,
    /// a head entry with another hash was rewritten. `chain` limits the walk to one chain: a
    /// tenant's page must neither count nor report another tenant's entries.
    static func verify(on db: any Database, chain: String? = nil,
                       heads: [String: AuditCheckpoint.Head] = [:]) async throws -> AuditVerification {
        var query = AuditEntry.query(on: db)
        if let chain { query = query.filter(\.$chain == chain) }
        let entries = try await query.sort(\.$chain).sort(\.$seq).all()
        var checked = 0
        var chains = 0
        var previous: AuditEntry?
        var lastSeq: [String: Int64] = [:]
        var headHashes: [String: String] = [:]
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
            if entry.expectedHash != entry.hash {
                return broken("its contents do not match its hash: it was changed after it was written")
            }
            if heads[entry.chain]?.seq == entry.seq { headHashes[entry.chain] = entry.hash }
            lastSeq[entry.chain] = entry.seq
            checked += 1
            previous = entry
        }
        for head in heads.values.sorted(by: { $0.chain < $1.chain }) where chain == nil || head.chain == chain {
            let recorded = "the checkpoint of \(London.format(head.at)) recorded entry \(head.seq)"
            func broken(_ problem: String) -> AuditVerification {
                AuditVerification(entriesChecked: checked, chainsChecked: chains,
                                  firstBreak: .init(chain: head.chain, seq: head.seq, entryID: nil, problem: problem))
            }
            guard let last = lastSeq[head.chain] else { return broken("the whole chain is gone, but \(recorded)") }
            guard last >= head.seq else { return broken("the chain was cut: it ends at entry \(last), but \(recorded)") }
            if headHashes[head.chain] != head.hash {
                return broken("entry \(head.seq) is not the one \(recorded): the chain was rewritten")
            }
        }
        return AuditVerification(entriesChecked: checked, chainsChecked: chains, firstBreak: nil)
    }
}
