import Fluent
import Vapor
import WaymarkDomain

/// What happens to a pledge: the partner withdraws it, or the commissioner confirms it
/// (its source becomes confirmed, secured money) or declines it with a reason (its source
/// is withdrawn). Each is allowed only while the pledge awaits a decision.
enum PledgeDecisions {
    struct DeclineForm: Content { var reason: String? }
    /// The day of the decision (DESIGN.md "Time: as of"); blank means today.
    struct DecisionDay: Content { var decided_on: String? }

    struct Page: Encodable {
        let pledge: PledgeRow
        let sourceHref: String
        let canWithdraw: Bool
        let canDecide: Bool
        let withdrawAction: String
        let confirmAction: String
        let declineAction: String
        let reason: String
        /// The decision day as typed, kept when the decision comes back with a problem.
        var decidedOn = ""
        let backHref: String
    }

    @Sendable static func withdraw(req: Request, context: TenantContext) async throws -> Response {
        // Only a partner of the pledging organisation withdraws it — not a partner of another
        // organisation who also holds a tenant-wide role and so can read every pledge.
        let pledge = try await PledgeQueries.find(context, id: req.parameters.get("id"))
        guard PledgeForm.pledgingOrganisations(context).contains(where: { $0.id == pledge.organisationID }) else { throw WaymarkError.forbidden }
        return try await decide(req, context, pledge, to: .withdrawn, reason: "", on: context.today,
                                flash: "Pledge withdrawn. It no longer counts in projected coverage.")
    }

    @Sendable static func confirm(req: Request, context: TenantContext) async throws -> Response {
        let pledge = try await PledgeQueries.find(context, id: req.parameters.get("id"))
        let (day, errors) = try await decisionDay(req, context, pledge, field: "confirmed_on")
        guard let day else { return try await render(req, context, pledge, errors: errors, status: .unprocessableEntity) }
        return try await decide(req, context, pledge, to: .confirmed, reason: "", on: day,
                                flash: "Pledge confirmed from \(day.display). Its money is secured from that day.")
    }

    @Sendable static func decline(req: Request, context: TenantContext) async throws -> Response {
        let pledge = try await PledgeQueries.find(context, id: req.parameters.get("id"))
        let reason = (try req.content.decode(DeclineForm.self).reason ?? "").trimmed
        let (day, dayErrors) = try await decisionDay(req, context, pledge, field: "declined_on")
        // The reason comes first on the form, so first in the error summary too.
        var errors = dayErrors
        if reason.isEmpty || reason.count > 2_000 {
            errors.insert(.init(field: "reason", message: reason.isEmpty ? "Enter the reason for declining; the partner will read it"
                                                                         : "The reason must be 2,000 characters or fewer"), at: 0)
        }
        errors.insert(contentsOf: PersonalDataGate.errors(req, [.init(field: "reason", label: "The reason", text: reason)]), at: 0)
        guard let decided = day, errors.isEmpty else {
            return try await render(req, context, pledge, errors: errors, reason: reason, status: .unprocessableEntity)
        }
        return try await decide(req, context, pledge, to: .declined, reason: reason, on: decided,
                                flash: "Pledge declined. The partner can read your reason.")
    }

    /// The decision's day: today when blank, never in the future, never before the pledge was made.
    private static func decisionDay(_ req: Request, _ context: TenantContext, _ pledge: Pledge,
                                    field: String) async throws -> (Day?, [FieldError]) {
        let raw = try req.content.decode(DecisionDay.self).decided_on ?? ""
        switch EffectiveDay.parse(raw, today: context.today) {
        case .failure(let problem): return (nil, [.init(field: field, message: problem.message)])
        case .success(let day):
            let changes = try await context.query(FundingStatusChange.self).filter(\.$sourceID == pledge.sourceID).all()
            if let pledged = FundingStatusChanging.history(changes).last, day < pledged.day {
                return (nil, [.init(field: field, message: "\(day.display) is before the pledge was made on \(pledged.day.display)")])
            }
            return (day, [])
        }
    }

    private static func decide(_ req: Request, _ context: TenantContext, _ pledge: Pledge, to state: Pledge.State, reason: String,
                               on day: Day, flash: String) async throws -> Response {
        guard pledge.pledgeState == .awaitingDecision else {
            return try await render(req, context, pledge, errors: [.init(field: "decision", message:
                "This pledge has already been \(pledge.pledgeState.label.lowercased()); nothing was changed")], status: .conflict)
        }
        let sourceStatus: FundingSource.Status = state == .confirmed ? .confirmed : .withdrawn
        do {
            try await context.transaction { tx in
                try await VersionGuard.claim(table: Pledge.schema, id: pledge.id!, expected: pledge.version, on: tx.db)
                guard let source = try await tx.find(FundingSourceRecord.self, pledge.sourceID) else { throw WaymarkError.notFound }
                pledge.state = state.rawValue
                pledge.decisionReason = reason
                pledge.decidedBy = tx.actor.label
                pledge.decidedAt = tx.now
                pledge.version += 1
                try await pledge.save(on: tx.db)
                if source.sourceStatus != sourceStatus {
                    try await FundingStatusChanging.move(source, to: sourceStatus, in: tx, at: tx.now, effective: day)
                }
                try await tx.audit("pledge.\(state.rawValue)", "pledge", pledge.id!.uuidString,
                                   before: ["state": Pledge.State.awaitingDecision.rawValue],
                                   after: ["state": state.rawValue, "reason": reason])
                let organisation = try await tx.find(Organisation.self, pledge.organisationID)?.name ?? "A partner"
                try await Notifier.send([WorkflowNotices.pledgeDecided(pledge, organisation: organisation, programme: source.programme,
                                                                       slug: tx.tenant.slug)], in: tx)
            }
        } catch WaymarkError.conflict(let message) {
            let fresh = try await PledgeQueries.find(context, id: req.parameters.get("id"))
            return try await render(req, context, fresh, errors: [.init(field: "decision", message: message)], status: .conflict)
        } catch let refused as FundingStatusChanging.Refused {
            let fresh = try await PledgeQueries.find(context, id: req.parameters.get("id"))
            return try await render(req, context, fresh, errors: [.init(field: "decision", message: refused.message)], status: .conflict)
        }
        return req.redirect(to: SiteMap.Tenant.pledge.path(context.tenant.slug, pledge.id!.uuidString), flash: flash)
    }

    /// The pledge as it stood in `reading` (today when nil); decisions are offered only on today's view.
    static func render(_ req: Request, _ context: TenantContext, _ pledge: Pledge, errors: [FieldError], reason: String = "",
                       status: HTTPStatus = .ok, reading: Reading? = nil) async throws -> Response {
        let typedDay = req.method == .POST ? (try? req.content.decode(DecisionDay.self).decided_on) ?? nil : nil
        let reading = reading ?? .asOf(context.today)
        guard let row = try await PledgeQueries.rows([pledge], context, reading: reading).first else { throw WaymarkError.notFound }
        let slug = context.tenant.slug, id = pledge.id!.uuidString
        let awaiting = pledge.pledgeState == .awaitingDecision && reading == .asOf(context.today)
        let ownsPledge = PledgeForm.pledgingOrganisations(context).contains { $0.id == pledge.organisationID }
        let page = Page(
            pledge: row, sourceHref: SiteMap.Tenant.fundingSource.path(slug, pledge.sourceID.uuidString),
            canWithdraw: awaiting && context.can(.makePledges) && ownsPledge,
            canDecide: awaiting && context.can(.decidePledges),
            withdrawAction: SiteMap.Tenant.pledgeWithdraw.path(slug, id), confirmAction: SiteMap.Tenant.pledgeConfirm.path(slug, id),
            declineAction: SiteMap.Tenant.pledgeDecline.path(slug, id), reason: reason, decidedOn: typedDay ?? "",
            backHref: SiteMap.Tenant.pledges.path(slug))
        return try await PageRenderer.render(req, "funding/pledge", title: "Pledge: \(row.programme)", page, errors: errors, status: status)
    }
}
