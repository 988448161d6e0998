import Fluent
import Foundation

/// One append-only audit record. `hash` covers every other column and the previous
/// entry's hash, so changing, removing or reordering an entry breaks the chain. Entries of
/// scheme 2 are keyed (`AuditKey`) and cover the id too, so nobody without the key can
/// recompute a chain; scheme 1 is the unkeyed digest of entries written before.
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "tenant_id") var tenantID: UUID?
    @Field(key: "chain") var chain: String
    @Field(key: "seq") var seq: Int64
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_label") var actorLabel: String
    @Field(key: "action") var action: String
    @Field(key: "entity") var entity: String
    @Field(key: "entity_id") var entityID: String
    @OptionalField(key: "before_json") var beforeJSON: String?
    @OptionalField(key: "after_json") var afterJSON: String?
    @Field(key: "at_ms") var atMilliseconds: Int64
    @Field(key: "prev_hash") var prevHash: String
    @Field(key: "hash") var hash: String
    @Field(key: "scheme") var scheme: Int

    init() {}

    var at: Date { Date(timeIntervalSince1970: Double(atMilliseconds) / 1000) }

    static let genesisHash = String(repeating: "0", count: 64)

    static func chainName(for tenantID: UUID?) -> String {
        tenantID.map { "tenant:\($0.uuidString.lowercased())" } ?? "platform"
    }

    static let keyedScheme = 2

    /// The exact bytes hashed: fields joined by the ASCII unit separator, which never
    /// appears in JSON text or identifiers, so no two entries share a preimage.
    var canonicalText: String {
        let keyed: [String] = scheme >= Self.keyedScheme ? [String(scheme), id?.uuidString.lowercased() ?? ""] : []
        let columns: [String] = [
            chain, String(seq), tenantID?.uuidString.lowercased() ?? "",
            actorID?.uuidString.lowercased() ?? "", actorLabel, action, entity, entityID,
            beforeJSON ?? "", afterJSON ?? "", String(atMilliseconds), prevHash,
        ]
        return (keyed + columns).joined(separator: "\u{1F}")
    }

    /// What `hash` should be, by the entry's scheme.
    var expectedHash: String {
        scheme >= Self.keyedScheme ? AuditLog.keyedDigest(canonicalText) : AuditLog.digest(canonicalText)
    }
}
