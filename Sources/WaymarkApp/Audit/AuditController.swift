import Fluent
import Vapor

/// The tenant's audit log for commissioners: newest first, 50 a page, with the
/// chain's verification shown at the top.
struct AuditController: Sendable {
    struct Page: Encodable {
        struct Line: Encodable { let seq: Int64; let at: String; let actor: String; let action: String; let entity: String; let before: String?; let after: String? }
        let lines: [Line]
        let verified: Bool
        let verification: String
        let previousHref: String?
        let nextHref: String?
        let csvHref: String
    }

    static let pageSize = 50
    /// Far beyond any real log, and small enough that the offset cannot overflow.
    static let lastPage = 1_000_000

    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.audit, .viewAudit, list)
        routes.get(SiteMap.Tenant.auditCSV, .viewAudit, csv)
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        let page = min(max(1, req.query[Int.self, at: "page"] ?? 1), Self.lastPage)
        let chain = AuditEntry.chainName(for: context.tenantID)
        let reading = try await AuditReading.of(context)
        let entries = try await reading.entries(AuditEntry.query(on: context.db).filter(\.$chain == chain))
            .sort(\.$seq, .descending).range((page - 1) * Self.pageSize ..< page * Self.pageSize + 1).all()
        let verification = try await AuditVerifier.verify(on: context.db, chain: chain, heads: AuditCheckpoint.latest(req.application))
        let base = SiteMap.Tenant.audit.path(context.tenant.slug)
        let body = Page(
            lines: entries.prefix(Self.pageSize).map(Self.line),
            verified: verification.firstBreak == nil,
            verification: verification.firstBreak.map { "Entry \($0.seq) fails verification: \($0.problem)." }
                ?? "All \(verification.entriesChecked) entries verify: every hash and link is intact.",
            previousHref: page > 1 ? "\(base)?page=\(page - 1)" : nil,
            nextHref: entries.count > Self.pageSize ? "\(base)?page=\(page + 1)" : nil,
            csvHref: SiteMap.Tenant.auditCSV.path(context.tenant.slug))
        return try await PageRenderer.render(req, "tenant/audit", title: "Audit log", body)
    }

    func csv(req: Request, context: TenantContext) async throws -> Response {
        let chain = AuditEntry.chainName(for: context.tenantID)
        let reading = try await AuditReading.of(context)
        let entries = try await reading.entries(AuditEntry.query(on: context.db).filter(\.$chain == chain)).sort(\.$seq).all()
        let data = TabularWriter.csv(
            headers: ["seq", "at_utc", "actor", "action", "entity", "entity_id", "before", "after", "hash"],
            rows: entries.map { [String($0.seq), ISO8601DateFormatter().string(from: $0.at), AuditReading.actor(of: $0), $0.action,
                                 $0.entity, $0.entityID, $0.beforeJSON ?? "", $0.afterJSON ?? "", $0.hash] })
        return CSVResponse.make(data, filename: "\(context.tenant.slug)-audit.csv")
    }

    static func line(_ entry: AuditEntry) -> Page.Line {
        Page.Line(seq: entry.seq, at: London.format(entry.at), actor: AuditReading.actor(of: entry), action: entry.action,
                  entity: "\(entry.entity) \(entry.entityID)", before: entry.beforeJSON, after: entry.afterJSON)
    }
}
