import Foundation
import Vapor
import WaymarkDomain

/// The commissioner's part: approve, query with a comment per line, or send a return back;
/// and move a return's due date with a reason.
enum ReturnReviewing {
    struct ReviewForm: Content {
        var step: String?
        var note: String?
        var comments: [String: String]?
        var version: Int?
    }

    struct ExtensionForm: Content {
        var due_day: String?
        var reason: String?
        var version: Int?
    }

    @Sendable static func review(req: Request, context: TenantContext) async throws -> Response {
        let file = try await ReturnFile.load(req, context)
        let form = try req.content.decode(ReviewForm.self)
        let typed = ReturnPage.Typed(step: form.step ?? "", note: form.note ?? "", comments: form.comments ?? [:])
        let step = form.step.flatMap(ReturnReview.Step.init(rawValue:))
        // The comments and the note reach the provider: free text, checked for personal data.
        let routes = file.expectation.routes
        var errors = PersonalDataGate.errors(req, routes.map { route in
            .init(field: "comment-\(route.code)", label: "The comment on \(route.code)", text: typed.comments[route.code])
        } + [.init(field: "note", label: "The reason or note", text: typed.note)])
        // Every problem at once: the decision's own rule beside the personal data.
        if let step, let problem = ReturnReview.problem(step, from: file.status ?? .draft, comments: Array(typed.comments.values), reason: typed.note) {
            errors.insert(FieldError(field: reviewField(step, routes), message: problem), at: 0)
        }
        if step == nil { errors.insert(FieldError(field: "step", message: "Choose approve, query or return"), at: 0) }
        guard let step, errors.isEmpty else {
            return try await ReturnsController.render(req, context, file, errors: errors, typed: typed, status: .unprocessableEntity)
        }
        var comments: [UUID: String] = [:]
        for route in routes { if let text = typed.comments[route.code] { comments[route.routeID] = text } }
        do {
            try await ReturnActions.review(file, step: step, note: typed.note, comments: comments, openedAt: form.version ?? 0,
                                           context, at: req.now)
        } catch let refused as ReturnActions.Refused {
            let field = reviewField(step, routes)
            return try await ReturnsController.render(req, context, file, errors: refused.problems.map { FieldError(field: field, message: $0.message) },
                                                      typed: typed, status: .unprocessableEntity)
        }
        let done: String
        switch step {
        case .approve: done = "Approved. The months it covers now count towards payment."
        case .query: done = "Queried. The provider sees your comments and can resubmit."
        case .sendBack: done = "Returned to the provider with your reason."
        }
        return req.redirect(to: SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, file.contract.id!.uuidString, file.month.description), flash: done)
    }

    /// The field a decision's problem is about: the reason for sending back, the first line's
    /// comment for a query, the decision itself otherwise.
    private static func reviewField(_ step: ReturnReview.Step, _ routes: [ReturnExpectation.Route]) -> String {
        step == .sendBack ? "note" : step == .query ? "comment-\(routes.first?.code ?? "")" : "step"
    }

    @Sendable static func extend(req: Request, context: TenantContext) async throws -> Response {
        let file = try await ReturnFile.load(req, context)
        let form = try req.content.decode(ExtensionForm.self)
        let typed = ReturnPage.Typed(reason: form.reason ?? "", dueDay: form.due_day ?? "")
        let day = form.due_day.flatMap(Day.init(entered:))
        // Every problem at once, in the form's order: the day, then the reason.
        var errors = ReturnActions.extensionProblems(file, to: day, reason: typed.reason).map { FieldError(field: $0.field, message: $0.message) }
        if day == nil { errors.insert(FieldError(field: "due_day", message: "Enter the new due date, like 2023-11-21"), at: 0) }
        errors += PersonalDataGate.errors(req, [.init(field: "reason", label: "The reason", text: typed.reason)])
        guard let day, errors.isEmpty else {
            return try await ReturnsController.render(req, context, file, errors: errors, typed: typed, status: .unprocessableEntity)
        }
        do {
            try await ReturnActions.extend(file, to: day, reason: typed.reason, openedAt: form.version ?? 0, context, at: req.now)
        } catch let refused as ReturnActions.Refused {
            let errors = refused.problems.map { FieldError(field: $0.message.hasPrefix("Say why") ? "reason" : "due_day", message: $0.message) }
            return try await ReturnsController.render(req, context, file, errors: errors, typed: typed, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, file.contract.id!.uuidString, file.month.description),
                            flash: "The return is now due on \(day.display).")
    }
}
