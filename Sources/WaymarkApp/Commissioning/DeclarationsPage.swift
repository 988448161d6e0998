import Fluent
import Vapor
import WaymarkDomain

/// An assessor's declarations: for every bidder, a conflict of interest or none. Bidders are
/// named only after the deadline, so declarations open then.
enum DeclarationsPage {
    struct Line: Encodable {
        let bidderID: String; let name: String; let conflicted: Bool; let declared: Bool; let reason: String; let error: String?
        let reasonError: String?
    }
    struct Page: Encodable {
        let specTitle: String; let specHref: String; let bidsHref: String; let action: String; let lines: [Line]; let sealed: String?
    }
    struct Form: Content {
        var conflict: [String: String]?
        var reason: [String: String]?
    }

    static func onPanel(_ req: Request, _ context: TenantContext) async throws -> EvaluationState {
        let state = try await EvaluationState.load(req, context)
        guard state.isOnPanel else { throw WaymarkError.notFound }
        return state
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        try await render(req, context, try await onPanel(req, context), form: nil, errors: [])
    }

    static func render(_ req: Request, _ context: TenantContext, _ state: EvaluationState, form: Form?, errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug, id = state.spec.id.uuidString
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let lines = state.bidders.sorted { (state.names[$0] ?? "") < (state.names[$1] ?? "") }.map { bidder -> Line in
            let key = bidder.uuidString
            let declared = state.panel.declaration(by: context.personID, about: bidder)
            let conflicted = form?.conflict?[key].map { $0 == "yes" } ?? declared?.conflicted ?? false
            return Line(bidderID: key, name: state.names[bidder] ?? "", conflicted: conflicted,
                        declared: form?.conflict?[key] != nil || declared != nil,
                        reason: form?.reason?[key] ?? declared?.reason ?? "", error: errorFor["conflict-\(key)"],
                        reasonError: errorFor["reason-\(key)"])
        }
        let page = Page(specTitle: state.spec.title, specHref: SiteMap.Tenant.specification.path(slug, id),
                        bidsHref: SiteMap.Tenant.bids.path(slug, id), action: SiteMap.Tenant.declarations.path(slug, id), lines: lines,
                        sealed: state.spec.bidWindow.isOpen(at: state.now)
                            ? "Bids close at \(state.spec.closing.display) (UK time). You declare for each bidder then: until the deadline nobody knows who has bid." : nil)
        return try await PageRenderer.render(req, "commissioning/declarations", title: "Conflicts of interest", page, errors: errors, status: status)
    }

    @Sendable static func declare(req: Request, context: TenantContext) async throws -> Response {
        let state = try await onPanel(req, context)
        let form = try req.content.decode(Form.self)
        let now = req.now
        var errors: [FieldError] = []
        var declarations: [ConflictDeclaration] = []
        if state.spec.bidWindow.isOpen(at: now) {
            errors.append(.init(field: "declarations", message: "Bids are still sealed: declare once they close at \(state.spec.closing.display)"))
        }
        for bidder in state.bidders.sorted(by: { (state.names[$0] ?? "") < (state.names[$1] ?? "") }) {
            let key = bidder.uuidString, name = state.names[bidder] ?? "this bidder"
            guard let answer = form.conflict?[key], ["yes", "no"].contains(answer) else {
                errors.append(.init(field: "conflict-\(key)", message: "Say whether you have a conflict of interest with \(name)"))
                continue
            }
            let declaration = ConflictDeclaration(assessorID: context.personID, bidderID: bidder, conflicted: answer == "yes",
                                                  reason: (form.reason?[key] ?? "").trimmed, declaredAt: now)
            errors += state.panel.problems(with: declaration, bidders: state.bidders).map {
                .init(field: "conflict-\(key)", message: "\(name): \($0.message)")
            }
            declarations.append(declaration)
        }
        errors += PersonalDataGate.errors(req, declarations.map { declaration in
            .init(field: "reason-\(declaration.bidderID.uuidString)", label: "What you wrote about \(state.names[declaration.bidderID] ?? "this bidder")",
                  text: declaration.reason)
        })
        guard errors.isEmpty else { return try await render(req, context, state, form: form, errors: errors, status: .unprocessableEntity) }
        let specID = state.spec.id
        try await context.transaction { tx in
            for declaration in declarations {
                // Unchanged answers are not stamped again: the record shows when each view was formed.
                let previous = state.panel.declaration(by: declaration.assessorID, about: declaration.bidderID)
                if previous?.conflicted == declaration.conflicted && previous?.reason == declaration.reason { continue }
                try await ConflictDeclarationRecord(tenantID: tx.tenantID, specificationID: specID, declaration: declaration).create(on: tx.db)
            }
            try await tx.audit("conflicts.declared", "specification", specID.uuidString,
                               after: declarations.map { ["bidder": $0.bidderID.uuidString, "conflicted": $0.conflicted ? "yes" : "no"] })
        }
        return req.redirect(to: SiteMap.Tenant.bids.path(context.tenant.slug, specID.uuidString),
                            flash: "Declarations saved. You can read and score the bids you have no conflict with.")
    }
}
