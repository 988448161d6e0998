import Fluent
import Vapor
import WaymarkDomain

/// What happens to a pledge: the partner withdraws it, or the commissioner confirms it
/// (its source becomes confirmed, secured money) or declines it with a reason (its source
/// is withdrawn). Each is allowed only while the pledge awaits a decision.
enum PledgeDecisions {
    struct DeclineForm: Content { var reason: String? }

    struct Page: Encodable {
        let pledge: PledgeRow
        let sourceHref: String
        let canWithdraw: Bool
        let canDecide: Bool
        let withdrawAction: String
        let confirmAction: String
        let declineAction: String
        let reason: String
        let backHref: String
    }

    @Sendable static func withdraw(req: Request, context: TenantContext) async throws -> Response {
        // Only a partner of the pledging organisation withdraws it — not a partner of another
        // organisation who also holds a tenant-wide role and so can read every pledge.
        let pledge = try await PledgeQueries.find(context, id: req.parameters.get("id"))
        guard PledgeForm.pledgingOrganisations(context).contains(where: { $0.id == pledge.organisationID }) else { throw WaymarkError.forbidden }
        return try await decide(req, context, to: .withdrawn, reason: "", flash: "Pledge withdrawn. It no longer counts in projected coverage.")
    }

    @Sendable static func confirm(req: Request, context: TenantContext) async throws -> Response {
        try await decide(req, context, to: .confirmed, reason: "", flash: "Pledge confirmed. Its money is now secured.")
    }

    @Sendable static func decline(req: Request, context: TenantContext) async throws -> Response {
        let reason = (try req.content.decode(DeclineForm.self).reason ?? "").trimmed
        guard !reason.isEmpty, reason.count <= 2_000 else {
            let pledge = try await PledgeQueries.find(context, id: req.parameters.get("id"))
            let message = reason.isEmpty ? "Enter the reason for declining; the partner will read it"
                                         : "The reason must be 2,000 characters or fewer"
            return try await render(req, context, pledge, errors: [.init(field: "reason", message: message)], reason: reason,
                                    status: .unprocessableEntity)
        }
        return try await decide(req, context, to: .declined, reason: reason, flash: "Pledge declined. The partner can read your reason.")
    }

    private static func decide(_ req: Request, _ context: TenantContext, to state: Pledge.State, reason: String,
                               flash: String) async throws -> Response {
        let pledge = try await PledgeQueries.find(context, id: req.parameters.get("id"))
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
                pledge.decidedAt = Date()
                pledge.version += 1
                try await pledge.save(on: tx.db)
                if source.sourceStatus != sourceStatus {
                    try await FundingStatusChanging.move(source, to: sourceStatus, in: tx)
                }
                try await tx.audit("pledge.\(state.rawValue)", "pledge", pledge.id!.uuidString,
                                   before: ["state": Pledge.State.awaitingDecision.rawValue],
                                   after: ["state": state.rawValue, "reason": reason])
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

    static func render(_ req: Request, _ context: TenantContext, _ pledge: Pledge, errors: [FieldError], reason: String = "",
                       status: HTTPStatus = .ok) async throws -> Response {
        guard let row = try await PledgeQueries.rows([pledge], context).first else { throw WaymarkError.notFound }
        let slug = context.tenant.slug, id = pledge.id!.uuidString
        let awaiting = pledge.pledgeState == .awaitingDecision
        let ownsPledge = PledgeForm.pledgingOrganisations(context).contains { $0.id == pledge.organisationID }
        let page = Page(
            pledge: row, sourceHref: SiteMap.Tenant.fundingSource.path(slug, pledge.sourceID.uuidString),
            canWithdraw: awaiting && context.can(.makePledges) && ownsPledge,
            canDecide: awaiting && context.can(.decidePledges),
            withdrawAction: SiteMap.Tenant.pledgeWithdraw.path(slug, id), confirmAction: SiteMap.Tenant.pledgeConfirm.path(slug, id),
            declineAction: SiteMap.Tenant.pledgeDecline.path(slug, id), reason: reason, backHref: SiteMap.Tenant.pledges.path(slug))
        return try await PageRenderer.render(req, "funding/pledge", title: "Pledge: \(row.programme)", page, errors: errors, status: status)
    }
}
