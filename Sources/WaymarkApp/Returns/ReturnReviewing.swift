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
        let typed = form.comments ?? [:]
        guard let step = form.step.flatMap(ReturnReview.Step.init(rawValue:)) else {
            return try await ReturnsController.render(req, context, file, errors: [FieldError(field: "step", message: "Choose approve, query or return")],
                                                      comments: typed, status: .unprocessableEntity)
        }
        var comments: [UUID: String] = [:]
        for route in file.expectation.routes { if let text = typed[route.code] { comments[route.routeID] = text } }
        do {
            try await ReturnActions.review(file, step: step, note: form.note ?? "", comments: comments, openedAt: form.version ?? 0,
                                           context, at: req.now)
        } catch let refused as ReturnActions.Refused {
            let field = step == .sendBack ? "note" : step == .query ? "comment-\(file.expectation.routes.first?.code ?? "")" : "step"
            return try await ReturnsController.render(req, context, file, errors: refused.problems.map { FieldError(field: field, message: $0.message) },
                                                      comments: typed, status: .unprocessableEntity)
        }
        let done: String
        switch step {
        case .approve: done = "Approved. The months it covers now count towards payment."
        case .query: done = "Queried. The provider sees your comments and can resubmit."
        case .sendBack: done = "Returned to the provider with your reason."
        }
        return req.redirect(to: SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, file.contract.id!.uuidString, file.month.description), flash: done)
    }

    @Sendable static func extend(req: Request, context: TenantContext) async throws -> Response {
        let file = try await ReturnFile.load(req, context)
        let form = try req.content.decode(ExtensionForm.self)
        guard let day = form.due_day.flatMap(Day.init(entered:)) else {
            return try await ReturnsController.render(req, context, file, errors: [FieldError(field: "due_day", message: "Enter the new due date, like 2023-11-21")],
                                                      status: .unprocessableEntity)
        }
        do {
            try await ReturnActions.extend(file, to: day, reason: form.reason ?? "", openedAt: form.version ?? 0, context, at: req.now)
        } catch let refused as ReturnActions.Refused {
            let errors = refused.problems.map { FieldError(field: $0.message.hasPrefix("Say why") ? "reason" : "due_day", message: $0.message) }
            return try await ReturnsController.render(req, context, file, errors: errors, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, file.contract.id!.uuidString, file.month.description),
                            flash: "The return is now due on \(day.display).")
    }
}
