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
        // Each chain checked from where it was last found intact (`AuditChainChecking`); the
        // whole of every chain by `waymark audit verify`.
        let (outcomes, entries) = try await req.platformDB { db in
            let chains = try await AuditEntry.query(on: db).unique().all(\.$chain)
            var outcomes: [AuditChainChecking.Outcome] = []
            for chain in Set(chains + heads.keys).sorted() {
                outcomes.append(try await AuditChainChecking.checkNew(chain: chain, heads: heads, on: db))
            }
            return (outcomes, try await AuditEntry.query(on: db).filter(\.$chain == AuditEntry.chainName(for: nil))
                .sort(\.$seq, .descending).limit(Self.shownEntries).all())
        }
        let text: String
        let broken = outcomes.compactMap(\.verification.firstBreak).first
        if let broken {
            text = "The audit log does not verify: in chain \(broken.chain), entry \(broken.seq): \(broken.problem)."
        } else {
            let total = outcomes.reduce(0) { $0 + $1.lastSeq }, new = outcomes.reduce(0) { $0 + ($1.full ? 0 : $1.walked) }
            text = "All \(total) entries in \(outcomes.count) chains verify (\(new) new since the last check were checked against the last entries found intact)."
        }
        let lines = entries.map {
            Page.Line(seq: $0.seq, at: London.format($0.at), actor: $0.actorLabel,
                      action: $0.action, entity: "\($0.entity) \($0.entityID)", after: $0.afterJSON)
        }
        return try await AdminPage.render(req, "audit", title: "Audit", Page(verified: broken == nil,
                                                                              verification: text, lines: lines))
    }
}
