import Vapor

/// Registers operator-console pages behind one check: signed in, and an operator.
/// Everyone else gets the plain 403 page; the console reads and writes across
/// tenants, so its handlers get the platform-scoped database and nothing else.
struct OperatorRoutes {
    let builder: any RoutesBuilder

    typealias Handler = @Sendable (Request, Operator) async throws -> Response

    /// The signed-in operator, with the audit actor their changes are recorded under.
    struct Operator: Sendable {
        let person: Person
        var actor: AuditActor { AuditActor(id: person.id, label: "\(person.name) <\(person.email)> (operator)") }
    }

    func get(_ path: PathTemplate, _ handler: @escaping Handler) {
        builder.on(.GET, path.components) { req in try await Self.run(req, handler) }
    }

    func post(_ path: PathTemplate, _ handler: @escaping Handler) {
        builder.on(.POST, path.components) { req in try await Self.run(req, handler) }
    }

    private static func run(_ req: Request, _ handler: Handler) async throws -> Response {
        guard let person = req.person else { throw WaymarkError.signInRequired }
        guard person.isOperator else { throw WaymarkError.forbidden }
        return try await handler(req, Operator(person: person))
    }
}

/// The console's menu and page wrapper, so every console page has the same frame.
enum AdminPage {
    struct Nav: Encodable { let label: String; let href: String; let current: Bool }

    struct Wrapped<Page: Encodable>: Encodable {
        let nav: [Nav]
        let page: Page
        func encode(to encoder: any Encoder) throws {
            try page.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(nav, forKey: .nav)
        }
        enum Key: String, CodingKey { case nav }
    }

    static func render(_ req: Request, _ template: String, title: String, _ page: some Encodable,
                       errors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        let items = [("Tenants", SiteMap.Admin.home.path()), ("People", SiteMap.Admin.people.path()),
                     ("Audit", SiteMap.Admin.audit.path()), ("Background work", SiteMap.Admin.jobs.path()),
                     ("Feedback", SiteMap.Admin.feedback.path())]
        let path = req.url.path
        let nav = items.map { label, href in
            Nav(label: label, href: href, current: href == SiteMap.Admin.home.path()
                ? (path == href || path.hasPrefix(SiteMap.Admin.tenants.path())) : path.hasPrefix(href))
        }
        return try await PageRenderer.render(req, "admin/\(template)", title: title, Wrapped(nav: nav, page: page),
                                             errors: errors, status: status)
    }
}
