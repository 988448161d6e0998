import Fluent
import Vapor
import WaymarkDomain

/// Moving a source from one status to another: the one place a status changes, so every
/// change is checked by the domain's rule, recorded with who and when, and audited.
enum FundingStatusChanging {
    struct Form: Content {
        var status: String?
        /// The day the new status took effect; blank means today.
        var on: String?
        var version: String?
    }

    /// The status a source had on `day` by its history, for rules about something agreed that
    /// day (an allocation agreed before a withdrawal was allowed then); `otherwise` when the
    /// history starts later.
    static func status(on day: Day, history: [StatusHistory.Step], otherwise: FundingSource.Status) -> FundingSource.Status {
        history.last { $0.day <= day }?.status ?? otherwise
    }

    /// A source's history as `StatusHistory` reads it: each status with the day it took effect,
    /// in order.
    static func history(_ changes: [FundingStatusChange]) -> [StatusHistory.Step] {
        changes.sorted { ($0.effectiveDay, $0.changedAt) < ($1.effectiveDay, $1.changedAt) }
            .compactMap { change in FundingSource.Status(rawValue: change.toStatus).map { StatusHistory.Step($0, on: change.effectiveDay) } }
    }

    struct Refused: Error { let message: String }

    /// Moves `record` to `next` inside `context`'s transaction, recorded at `date`, having taken
    /// effect on `effective` (nil: the day it is recorded).
    static func move(_ record: FundingSourceRecord, to next: FundingSource.Status, in context: TenantContext,
                     at date: Date = AppClock.shared.now(), effective: Day? = nil) async throws {
        let from = record.sourceStatus
        if let message = refusal(record.programme, from: from, to: next) { throw Refused(message: message) }
        try await VersionGuard.claim(table: FundingSourceRecord.schema, id: record.id!, expected: record.version, on: context.db)
        record.status = next.rawValue
        record.version += 1
        try await record.save(on: context.db)
        let change = FundingStatusChange(tenantID: context.tenantID, sourceID: record.id!, from: from, to: next,
                                         by: context.actor.label, at: date, effective: effective)
        try await change.create(on: context.db)
        try await context.audit("funding_source.status_changed", "funding_source", record.id!.uuidString,
                                before: ["status": from.rawValue], after: ["status": next.rawValue, "effective_day": change.effectiveDay.iso])
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
        guard let version = Int(form.version ?? ""), version == record.version else {
            return try await FundingSourceDetail.render(req, context, record, errors: [.init(field: "status", message: VersionGuard.conflictMessage)],
                                                        status: .conflict)
        }
        // Every problem at once, in the form's order: the status, then the day.
        var errors: [FieldError] = []
        let next = FundingSource.Status(rawValue: form.status ?? "")
        if next == nil { errors.append(.init(field: "status", message: "Choose the new status")) }
        // A pledge awaiting a decision moves only through the decision, so the pledge and
        // its money cannot disagree (a confirmed source behind a pledge still "awaiting").
        if try await context.query(Pledge.self).filter(\.$sourceID == record.id!)
            .filter(\.$state == Pledge.State.awaitingDecision.rawValue).first() != nil {
            errors.append(.init(field: "status", message: "\(record.programme) is a partner's pledge awaiting a decision: confirm or decline it on the pledge's page"))
        } else if let next, let refused = refusal(record.programme, from: record.sourceStatus, to: next) {
            errors.append(.init(field: "status", message: refused))
        }
        var effective: Day?
        switch EffectiveDay.parse(form.on ?? "", today: Day(req.now, in: London.timeZone)) {
        case .failure(let problem): errors.append(.init(field: "on", message: problem.message))
        case .success(let day): effective = day
        }
        let known = history(try await context.query(FundingStatusChange.self).filter(\.$sourceID == record.id!).all())
        if let effective, let last = known.last, effective < last.day {
            errors.append(.init(field: "on", message:
                "\(effective.display) is before it became \(last.status.displayName.lowercased()) on \(last.day.display): give a day on or after that"))
        }
        guard errors.isEmpty, let next, let effective else {
            return try await FundingSourceDetail.render(req, context, record, errors: errors)
        }
        do {
            try await context.transaction { tx in try await move(record, to: next, in: tx, at: req.now, effective: effective) }
        } catch let refused as Refused {
            return try await FundingSourceDetail.render(req, context, record, errors: [.init(field: "status", message: refused.message)])
        } catch WaymarkError.conflict(let message) {
            return try await FundingSourceDetail.render(req, context, record, errors: [.init(field: "status", message: message)], status: .conflict)
        }
        return req.redirect(to: SiteMap.Tenant.fundingSource.path(context.tenant.slug, record.id!.uuidString),
                            flash: "\(record.programme) is \(next.displayName.lowercased()) from \(effective.display).")
    }
}
