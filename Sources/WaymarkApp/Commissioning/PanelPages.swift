import Fluent
import Vapor
import WaymarkDomain

/// The evaluation panel: the commissioner assigns assessors; each assessor declares, for every
/// bidder, whether they have a conflict of interest — before they can read or score any bid.
enum PanelPages {
    struct Candidate: Encodable { let id: String; let name: String; let email: String; let checked: Bool; let standing: String }
    struct PanelPage: Encodable {
        let specTitle: String; let specHref: String; let action: String; let candidates: [Candidate]; let canChange: Bool
    }

    /// People with the assessor role in the tenant, under the names this tenant knows them by.
    static func assessors(_ context: TenantContext) async throws -> [TenantPeople.Known] {
        let memberships = try await context.query(Membership.self).filter(\.$role == Role.assessor.rawValue).all()
        return try await TenantPeople.known(memberships.map(\.personID), context).values.sorted { ($0.name, $0.email) < ($1.name, $1.email) }
    }

    @Sendable static func showPanel(req: Request, context: TenantContext) async throws -> Response {
        try await renderPanel(req, context, try await EvaluationState.load(req, context), errors: [])
    }

    /// `chosen`: the ticks as sent, kept when the form comes back with a problem.
    static func renderPanel(_ req: Request, _ context: TenantContext, _ state: EvaluationState, errors: [FieldError],
                            status: HTTPStatus = .ok, chosen: Set<UUID>? = nil) async throws -> Response {
        let slug = context.tenant.slug, id = state.spec.id.uuidString
        let sealed = state.spec.bidWindow.isOpen(at: state.now)
        let candidates = try await assessors(context).map { person in
            let assigned = state.panel.isAssigned(person.id)
            let standing: String
            if !assigned {
                standing = "Not on the panel"
            } else if sealed {
                standing = "On the panel: declares conflicts once bids close"
            } else {
                let outstanding = state.panel.undeclaredBidders(for: person.id, among: state.bidders).count
                let conflicts = state.bidders.filter { state.panel.isConflicted(person.id, with: $0) }.compactMap { state.names[$0] }
                standing = outstanding > 0 ? "\(outstanding) of \(state.bidders.count) bidders still to declare for"
                    : conflicts.isEmpty ? "Declared: no conflicts" : "Declared a conflict with \(conflicts.sorted().joined(separator: ", "))"
            }
            return Candidate(id: person.id.uuidString, name: person.name, email: person.email,
                             checked: chosen.map { $0.contains(person.id) } ?? assigned, standing: standing)
        }
        let page = PanelPage(specTitle: state.spec.title, specHref: SiteMap.Tenant.specification.path(slug, id),
                             action: SiteMap.Tenant.panel.path(slug, id), candidates: candidates,
                             canChange: ![.awarded, .cancelled].contains(state.status))
        return try await PageRenderer.render(req, "commissioning/panel", title: "Evaluation panel", page, errors: errors, status: status)
    }

    struct PanelForm: Content { var assessors: [String]? }

    @Sendable static func assign(req: Request, context: TenantContext) async throws -> Response {
        let state = try await EvaluationState.load(req, context)
        guard ![.awarded, .cancelled].contains(state.status) else {
            return try await renderPanel(req, context, state, errors: [.init(field: "assessors", message: "The panel of an \(state.status.displayName.lowercased()) specification cannot change")], status: .unprocessableEntity)
        }
        let eligible = Set(try await assessors(context).map { $0.id })
        let chosen = Set((try req.content.decode(PanelForm.self).assessors ?? []).compactMap(UUID.init(uuidString:))).intersection(eligible)
        let scored = Set(try await BidQueries.assessorScores(context, specificationID: state.spec.id).map(\.assessorID))
        let removing = state.panel.assessorIDs.subtracting(chosen)
        if !removing.intersection(scored).isEmpty {
            return try await renderPanel(req, context, state, errors: [.init(field: "assessors", message:
                "An assessor who has scored bids stays on the panel: their scores are part of the record")], status: .unprocessableEntity,
                chosen: chosen.union(removing.intersection(scored)))
        }
        let now = req.now, specID = state.spec.id
        try await context.transaction { tx in
            for person in chosen.subtracting(state.panel.assessorIDs) {
                try await PanelAssessorRecord(tenantID: tx.tenantID, specificationID: specID, personID: person, assignedBy: tx.actor.label, at: now).create(on: tx.db)
            }
            if !removing.isEmpty {
                try await tx.query(PanelAssessorRecord.self).filter(\.$specificationID == specID).filter(\.$personID ~~ removing).delete()
            }
            try await tx.audit("panel.changed", "specification", specID.uuidString,
                               before: state.panel.assessorIDs.map(\.uuidString).sorted(), after: chosen.map(\.uuidString).sorted())
            // Assessors added once evaluation has begun hear that bids wait for them.
            if state.status == .inEvaluation {
                try await Notifier.send(WorkflowNotices.bidsReadyToScore(state.spec, panel: chosen.subtracting(state.panel.assessorIDs),
                                                                         slug: tx.tenant.slug), in: tx)
            }
        }
        return req.redirect(to: SiteMap.Tenant.panel.path(context.tenant.slug, specID.uuidString), flash: "Panel saved.")
    }
}
