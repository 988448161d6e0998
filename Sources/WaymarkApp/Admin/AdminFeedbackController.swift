import Fluent
import Vapor

/// What people sent from "Tell us what you think", newest first, for the operators.
struct AdminFeedbackController: Sendable {
    struct Page: Encodable {
        struct Line: Encodable { let at: String; let from: String; let page: String; let message: String }
        let lines: [Line]
        let total: Int
    }

    func register(_ routes: OperatorRoutes) {
        routes.get(SiteMap.Admin.feedback, list)
    }

    @Sendable func list(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let (messages, total, people) = try await req.platformDB { db in
            let messages = try await FeedbackMessage.query(on: db).sort(\.$createdAt, .descending).limit(500).all()
            let ids = Array(Set(messages.compactMap(\.personID)))
            let people = ids.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await Person.query(on: db).filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
            return (messages, try await FeedbackMessage.query(on: db).count(), people)
        }
        let lines = messages.map { message in
            Page.Line(at: London.format(message.createdAt),
                      from: message.personID.flatMap { people[$0] }.map { "\($0.name) <\($0.email)>" } ?? "Not signed in",
                      page: message.page.isEmpty ? "—" : message.page, message: message.message)
        }
        return try await AdminPage.render(req, "feedback", title: "Feedback", Page(lines: lines, total: total))
    }
}
