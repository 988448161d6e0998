import Fluent
import Foundation

/// One append-only audit record. `hash` covers every other column and the previous
/// entry's hash, so changing, removing or reordering an entry breaks the chain.
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

    init() {}

    var at: Date { Date(timeIntervalSince1970: Double(atMilliseconds) / 1000) }

    static let genesisHash = String(repeating: "0", count: 64)

    static func chainName(for tenantID: UUID?) -> String {
        tenantID.map { "tenant:\($0.uuidString.lowercased())" } ?? "platform"
    }

    /// The exact bytes hashed: fields joined by the ASCII unit separator, which never
    /// appears in JSON text or identifiers, so no two entries share a preimage.
    var canonicalText: String {
        [
            chain, String(seq), tenantID?.uuidString.lowercased() ?? "",
            actorID?.uuidString.lowercased() ?? "", actorLabel, action, entity, entityID,
            beforeJSON ?? "", afterJSON ?? "", String(atMilliseconds), prevHash,
        ].joined(separator: "\u{1F}")
    }
}
