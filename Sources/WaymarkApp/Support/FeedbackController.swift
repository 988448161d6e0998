import Fluent
import Vapor
import WaymarkDomain

/// What someone thought, sent from the beta banner's "Tell us what you think". Kept for the
/// operators, who read it in the console; signed in or not, the form works the same.
final class FeedbackMessage: Model, @unchecked Sendable {
    static let schema = "feedback"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "person_id") var personID: UUID?
    /// The page the person was on when they chose to tell us (a path on this site).
    @Field(key: "page") var page: String
    @Field(key: "message") var message: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(personID: UUID?, page: String, message: String, at: Date) {
        self.personID = personID
        self.page = page
        self.message = message
        self.createdAt = at
    }
}

struct FeedbackController: RouteCollection {
    static let longest = 5_000

    struct Page: Encodable { let action: String; let from: String; let message: String; let sent: Bool }
    struct Form: Content { var from: String?; var message: String? }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteMap.feedback.components, use: show)
        routes.post(SiteMap.feedback.components, use: send)
    }

    func show(req: Request) async throws -> Response {
        let from = Self.sitePath(req.query[String.self, at: "from"])
        return try await PageRenderer.render(req, "feedback", title: "Tell us what you think",
                                             Page(action: SiteMap.feedback.path(), from: from, message: "", sent: req.query[String.self, at: "sent"] == "1"))
    }

    func send(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let message = (form.message ?? "").trimmed, from = Self.sitePath(form.from)
        var errors: [FieldError] = []
        if message.isEmpty { errors.append(.init(field: "message", message: "Enter what you think: what you were doing, and what went well or badly")) }
        if message.count > Self.longest { errors.append(.init(field: "message", message: "Your message must be \(Self.longest.formatted()) characters or fewer")) }
        errors += PersonalDataGate.errors(req, [.init(field: "message", label: "Your message", text: message)])
        guard errors.isEmpty else {
            return try await PageRenderer.render(req, "feedback", title: "Tell us what you think",
                                                 Page(action: SiteMap.feedback.path(), from: from, message: message, sent: false),
                                                 errors: errors, status: .unprocessableEntity)
        }
        let personID = req.person?.id, now = req.now
        try await req.platformDB { db in try await FeedbackMessage(personID: personID, page: from, message: message, at: now).create(on: db) }
        return req.redirect(to: SiteMap.feedback.path(query: [("sent", "1")]), flash: "Thank you. The team running Waymark reads every message.")
    }

    /// Only a path on this site is kept as "the page": never another site's address.
    static func sitePath(_ text: String?) -> String {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), text.count <= 300 else { return "" }
        return text
    }
}
