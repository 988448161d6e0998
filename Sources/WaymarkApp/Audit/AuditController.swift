import Fluent
import Vapor

/// The tenant's audit log for commissioners: newest first, 50 a page, filtered by kind of
/// record, person and days, each change shown field by field. The chain is checked as it
/// grows (`AuditChainChecking`): a view walks only the entries written since the last check;
/// "Check the whole log now" walks all of it.
struct AuditController: Sendable {
    struct Page: Encodable {
        struct Line: Encodable {
            let seq: Int64; let at: String; let actor: String; let action: String; let entity: String
            let changes: [AuditChange.Field]
            /// Written with a before and an after that are the same (a run asked for, a page read).
            let unchanged: Bool
        }
        struct Choice: Encodable { let value: String; let label: String; let selected: Bool }
        let lines: [Line]
        let verified: Bool
        let verification: String
        let lastFull: String
        let verifyAction: String
        let previousHref: String?
        let nextHref: String?
        let csvHref: String
        let entities: [Choice]
        let people: [Choice]
        let from: String
        let to: String
        let filtered: Bool
        let clearHref: String
        let action: String
    }

    static let pageSize = 50
    /// Far beyond any real log, and small enough that the offset cannot overflow.
    static let lastPage = 1_000_000

    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.audit, .viewAudit, list)
        routes.post(SiteMap.Tenant.auditVerify, .viewAudit, verifyAll)
        routes.get(SiteMap.Tenant.auditCSV, .viewAudit, csv)
    }

    /// Walks the whole chain, then back to the log (filters kept) saying what it found.
    func verifyAll(req: Request, context: TenantContext) async throws -> Response {
        let (filter, _) = AuditFilter.read(req)
        let chain = AuditEntry.chainName(for: context.tenantID)
        let outcome = try await AuditChainChecking.checkAll(chain: chain, heads: AuditCheckpoint.latest(req.application), on: context.db)
        return req.redirect(to: SiteMap.Tenant.audit.path(context.tenant.slug, query: filter.query), flash: Self.describe(outcome),
                            kind: outcome.verification.firstBreak == nil ? "success" : "info")
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        let page = min(max(1, req.query[Int.self, at: "page"] ?? 1), Self.lastPage)
        let (filter, errors) = AuditFilter.read(req)
        let chain = AuditEntry.chainName(for: context.tenantID)
        let reading = try await AuditReading.of(context)
        let visible = { reading.entries(AuditEntry.query(on: context.db).filter(\.$chain == chain)) }
        let entries = try await filter.apply(visible()).sort(\.$seq, .descending)
            .range((page - 1) * Self.pageSize ..< page * Self.pageSize + 1).all()
        let heads = AuditCheckpoint.latest(req.application)
        let outcome = try await AuditChainChecking.checkNew(chain: chain, heads: heads, on: context.db)
        let (entities, people) = try await choices(visible, filter)
        let slug = context.tenant.slug
        func link(_ page: Int) -> String {
            SiteMap.Tenant.audit.path(slug, query: filter.query + (page > 1 ? [(name: "page", value: String(page))] : []))
        }
        let body = Page(
            lines: entries.prefix(Self.pageSize).map(Self.line),
            verified: outcome.verification.firstBreak == nil,
            verification: Self.describe(outcome),
            lastFull: outcome.fullAt.map { "The whole log was last checked in full on \(London.format($0))." }
                ?? "The whole log has not been checked in full yet.",
            verifyAction: SiteMap.Tenant.auditVerify.path(slug, query: filter.query),
            previousHref: page > 1 ? link(page - 1) : nil,
            nextHref: entries.count > Self.pageSize ? link(page + 1) : nil,
            csvHref: SiteMap.Tenant.auditCSV.path(slug, query: filter.query),
            entities: [.init(value: "", label: "Any kind", selected: filter.entity.isEmpty)]
                + entities.map { .init(value: $0, label: $0.replacingOccurrences(of: "_", with: " "), selected: $0 == filter.entity) },
            people: [.init(value: "", label: "Anyone", selected: filter.who.isEmpty)]
                + people.map { .init(value: $0, label: $0, selected: $0 == filter.who) },
            from: filter.from, to: filter.to, filtered: !filter.isEmpty,
            clearHref: SiteMap.Tenant.audit.path(slug), action: SiteMap.Tenant.audit.path(slug))
        return try await PageRenderer.render(req, "tenant/audit", title: "Audit log", body, errors: errors,
                                             status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func describe(_ outcome: AuditChainChecking.Outcome) -> String {
        if let broken = outcome.verification.firstBreak { return "Entry \(broken.seq) fails verification: \(broken.problem)." }
        if outcome.full { return "All \(outcome.lastSeq) entries verify: every hash and link is intact, checked in full just now." }
        let new = outcome.walked == 0 ? "none was written since the last check"
            : "the \(outcome.walked) written since the last check were checked against the last entry found intact"
        return "All \(outcome.lastSeq) entries verify: \(new)."
    }

    /// The kinds of record and the people the log names, for the filters (never a question's asker).
    private func choices(_ visible: () -> QueryBuilder<AuditEntry>, _ filter: AuditFilter) async throws -> ([String], [String]) {
        let entities = try await visible().unique().all(\.$entity)
        let people = try await visible().filter(\.$action != "clarification.asked").unique().all(\.$actorLabel)
        return (Array(Set(entities)).sorted(), Array(Set(people)).sorted())
    }

    /// The whole log, filters applied, read and sent a batch at a time: a log only grows, and
    /// years of it are never held in memory at once.
    func csv(req: Request, context: TenantContext) async throws -> Response {
        let (filter, _) = AuditFilter.read(req)
        let chain = AuditEntry.chainName(for: context.tenantID), tenantID = context.tenantID
        let reading = try await AuditReading.of(context)
        // The log as it stood when the download began: entries written while it is sent wait for the next one.
        let last = try await AuditEntry.query(on: context.db).filter(\.$chain == chain).max(\.$seq) ?? 0
        let db = req.db
        return CSVResponse.stream(headers: ["seq", "at_utc", "actor", "action", "entity", "entity_id", "before", "after", "hash"],
                                  filename: "\(context.tenant.slug)-audit.csv") { emit in
            var after: Int64 = 0
            while after < last {
                let from = after
                // Each batch in a tenant scope of its own: the request's has ended once the body is being sent.
                let batch = try await DatabaseScope.tenant(tenantID).run(on: db) { db in
                    try await filter.apply(reading.entries(AuditEntry.query(on: db).filter(\.$chain == chain)))
                        .filter(\.$seq > from).filter(\.$seq <= last).sort(\.$seq).limit(CSVResponse.rowsPerChunk).all()
                }
                let stamp = ISO8601DateFormatter()
                try await emit(batch.map { [String($0.seq), stamp.string(from: $0.at), AuditReading.actor(of: $0), $0.action,
                                            $0.entity, $0.entityID, $0.beforeJSON ?? "", $0.afterJSON ?? "", $0.hash] })
                guard batch.count == CSVResponse.rowsPerChunk, let seq = batch.last?.seq else { return }
                after = seq
            }
        }
    }

    static func line(_ entry: AuditEntry) -> Page.Line {
        let changes = AuditChange.fields(before: entry.beforeJSON, after: entry.afterJSON)
        return Page.Line(seq: entry.seq, at: London.format(entry.at), actor: AuditReading.actor(of: entry), action: entry.action,
                         entity: "\(entry.entity) \(entry.entityID)", changes: changes,
                         unchanged: changes.isEmpty && entry.beforeJSON != nil && entry.afterJSON != nil)
    }
}
