import Fluent
import Vapor
import WaymarkDomain

/// Moving a source from one status to another: the one place a status changes, so every
/// change is checked by the domain's rule, recorded with who and when, and audited.
enum FundingStatusChanging {
    struct Form: Content {
        var status: String?
        var version: String?
    }

    struct Refused: Error { let message: String }

    /// Moves `record` to `next` inside `context`'s transaction.
    static func move(_ record: FundingSourceRecord, to next: FundingSource.Status, in context: TenantContext,
                     at date: Date = Date()) async throws {
        let from = record.sourceStatus
        if let message = refusal(record.programme, from: from, to: next) { throw Refused(message: message) }
        try await VersionGuard.claim(table: FundingSourceRecord.schema, id: record.id!, expected: record.version, on: context.db)
        record.status = next.rawValue
        record.version += 1
        try await record.save(on: context.db)
        try await FundingStatusChange(tenantID: context.tenantID, sourceID: record.id!, from: from, to: next,
                                      by: context.actor.label, at: date).create(on: context.db)
        try await context.audit("funding_source.status_changed", "funding_source", record.id!.uuidString,
                                before: ["status": from.rawValue], after: ["status": next.rawValue])
    }

    /// Why the domain's rule refuses moving a source from one status to another, or nil when it allows it.
    static func refusal(_ programme: String, from: FundingSource.Status, to next: FundingSource.Status) -> String? {
        guard !from.canMove(to: next) else { return nil }
        return from == .withdrawn
            ? "\(programme) has been withdrawn; record returning money as a new source"
            : "\(programme) is \(from.displayName.lowercased()); it cannot become \(next.displayName.lowercased())"
    }

    /// The status form on a source's page.
    @Sendable static func change(req: Request, context: TenantContext) async throws -> Response {
        let record = try await FundingQueries.source(context, id: req.parameters.get("id"))
        let form = try req.content.decode(Form.self)
        guard let next = FundingSource.Status(rawValue: form.status ?? "") else {
            return try await FundingSourceDetail.render(req, context, record, errors: [.init(field: "status", message: "Choose the new status")])
        }
        guard let version = Int(form.version ?? ""), version == record.version else {
            return try await FundingSourceDetail.render(req, context, record, errors: [.init(field: "status", message: VersionGuard.conflictMessage)],
                                                        status: .conflict)
        }
        // A pledge awaiting a decision moves only through the decision, so the pledge and
        // its money cannot disagree (a confirmed source behind a pledge still "awaiting").
        if try await context.query(Pledge.self).filter(\.$sourceID == record.id!)
            .filter(\.$state == Pledge.State.awaitingDecision.rawValue).first() != nil {
            return try await FundingSourceDetail.render(req, context, record, errors: [.init(field: "status", message:
                "\(record.programme) is a partner's pledge awaiting a decision: confirm or decline it on the pledge's page")])
        }
        do {
            try await context.transaction { tx in try await move(record, to: next, in: tx) }
        } catch let refused as Refused {
            return try await FundingSourceDetail.render(req, context, record, errors: [.init(field: "status", message: refused.message)])
        } catch WaymarkError.conflict(let message) {
            return try await FundingSourceDetail.render(req, context, record, errors: [.init(field: "status", message: message)], status: .conflict)
        }
        return req.redirect(to: SiteMap.Tenant.fundingSource.path(context.tenant.slug, record.id!.uuidString),
                            flash: "\(record.programme) is now \(next.displayName.lowercased()).")
    }
}
