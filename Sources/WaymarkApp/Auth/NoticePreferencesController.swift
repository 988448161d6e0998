import Fluent
import Vapor
import WaymarkDomain

/// The person's own choice of which notices also come by email, and whether as one weekly
/// digest (`NoticePreferences`). The inbox always has everything.
struct NoticePreferencesController: RouteCollection {
    struct Page: Encodable {
        struct Kind: Encodable { let value: String; let label: String; let emailed: Bool }
        let kinds: [Kind]
        let weeklyDigest: Bool
        let action: String
        let accountHref: String
    }

    struct Form: Content {
        /// The kinds ticked for email.
        var email: [String]?
        /// "weekly" for the digest, "each" for one email a notice.
        var delivery: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteMap.noticePreferences.components, use: show)
        routes.post(SiteMap.noticePreferences.components, use: save)
    }

    func show(req: Request) async throws -> Response {
        guard let person = req.person else { throw WaymarkError.signInRequired }
        return try await render(req, person.noticePreferences)
    }

    func save(req: Request) async throws -> Response {
        guard let person = req.person, let personID = person.id else { throw WaymarkError.signInRequired }
        let form = try req.content.decode(Form.self)
        let ticked = Set((form.email ?? []).compactMap(NoticeKind.init(rawValue:)))
        let unknown = (form.email ?? []).filter { NoticeKind(rawValue: $0) == nil }
        var errors: [FieldError] = []
        if !unknown.isEmpty { errors.append(.init(field: "email", message: "Choose kinds of notice from the list")) }
        if let delivery = form.delivery, !["each", "weekly"].contains(delivery) {
            errors.append(.init(field: "delivery", message: "Choose one email for each notice, or one email a week"))
        }
        let chosen = NoticePreferences(emailOff: Set(NoticeKind.allCases).subtracting(ticked), weeklyDigest: form.delivery == "weekly")
        guard errors.isEmpty else { return try await render(req, chosen, errors: errors, status: .unprocessableEntity) }
        try await req.platformDB { db in
            guard let stored = try await Person.find(personID, on: db) else { throw WaymarkError.signInRequired }
            stored.noticePreferences = chosen
            try await stored.save(on: db)
        }
        let summary = chosen.emailOff.count == NoticeKind.allCases.count ? "No emails: everything stays in your alerts."
            : chosen.weeklyDigest ? "Saved. You will get one email a week listing your new alerts." : "Saved."
        return req.redirect(to: SiteMap.noticePreferences.path(), flash: summary)
    }

    private func render(_ req: Request, _ preferences: NoticePreferences, errors: [FieldError] = [],
                        status: HTTPStatus = .ok) async throws -> Response {
        let page = Page(kinds: NoticeKind.allCases.map { .init(value: $0.rawValue, label: $0.label, emailed: !preferences.emailOff.contains($0)) },
                        weeklyDigest: preferences.weeklyDigest, action: SiteMap.noticePreferences.path(), accountHref: SiteMap.account.path())
        return try await PageRenderer.render(req, "auth/notifications", title: "Email notifications", page, errors: errors, status: status)
    }
}
