import Fluent
import Vapor

/// The platform's own audit chain (tenants and operators created, passwords reset)
/// and the verification of every chain, tenant ones included.
struct AdminAuditController: Sendable {
    static let shownEntries = 100

    func register(_ routes: OperatorRoutes) {
        routes.get(SiteMap.Admin.audit, show)
    }

    struct Page: Encodable {
        struct Line: Encodable { let seq: Int64; let at: String; let actor: String; let action: String; let entity: String; let after: String? }
        let verified: Bool
        let verification: String
        let lines: [Line]
    }

    func show(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let heads = AuditCheckpoint.latest(req.application)
        let (verification, entries) = try await req.platformDB { db in
            (try await AuditVerifier.verify(on: db, heads: heads),
             try await AuditEntry.query(on: db).filter(\.$chain == AuditEntry.chainName(for: nil))
                .sort(\.$seq, .descending).limit(Self.shownEntries).all())
        }
        let text: String
        if let broken = verification.firstBreak {
            text = "The audit log does not verify: in chain \(broken.chain), entry \(broken.seq): \(broken.problem)."
        } else {
            text = "All \(verification.entriesChecked) entries in \(verification.chainsChecked) chains verify."
        }
        let lines = entries.map {
            Page.Line(seq: $0.seq, at: London.format($0.at), actor: $0.actorLabel,
                      action: $0.action, entity: "\($0.entity) \($0.entityID)", after: $0.afterJSON)
        }
        return try await AdminPage.render(req, "audit", title: "Audit", Page(verified: verification.firstBreak == nil,
                                                                              verification: text, lines: lines))
    }
}
