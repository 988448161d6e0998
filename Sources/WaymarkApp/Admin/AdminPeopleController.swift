import Fluent
import Vapor
import WaymarkDomain

/// Everyone on the platform: find a person, see their memberships in every tenant,
/// and issue a new one-time password when they are locked out.
struct AdminPeopleController: Sendable {
    static let pageSize = 100

    func register(_ routes: OperatorRoutes) {
        routes.get(SiteMap.Admin.people, list)
        routes.get(SiteMap.Admin.person, show)
        routes.post(SiteMap.Admin.personResetPassword, resetPassword)
    }

    struct ListPage: Encodable {
        struct Line: Encodable { let name: String; let email: String; let href: String; let isOperator: Bool; let tenants: Int }
        let query: String
        let lines: [Line]
        let summary: String
    }

    func list(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let query = (req.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let (people, memberships) = try await req.platformDB { db in
            (try await Person.query(on: db).sort(\.$name).all(), try await Membership.query(on: db).all())
        }
        let needle = query.lowercased()
        let matching = needle.isEmpty ? people
            : people.filter { $0.name.lowercased().contains(needle) || $0.email.contains(needle) }
        let lines = matching.prefix(Self.pageSize).map { person in
            ListPage.Line(name: person.name, email: person.email, href: SiteMap.Admin.person.path(person.id!.uuidString),
                          isOperator: person.isOperator,
                          tenants: Set(memberships.filter { $0.personID == person.id }.map(\.tenantID)).count)
        }
        let shown = matching.count > Self.pageSize ? "the first \(Self.pageSize) of \(matching.count)" : "\(matching.count)"
        let summary = needle.isEmpty ? "\(shown) people" : "\(shown) people matching “\(query)”"
        return try await AdminPage.render(req, "people", title: "People", ListPage(query: query, lines: Array(lines), summary: summary))
    }

    struct PersonPage: Encodable {
        struct Line: Encodable { let tenant: String; let tenantHref: String; let organisation: String; let role: String }
        let name: String
        let email: String
        let isOperator: Bool
        let memberships: [Line]
        let resetAction: String
        let oneTimePassword: String?
    }

    func show(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        try await render(req, person: try await person(req))
    }

    /// A new one-time password, shown once: it signs in once within `OneTimePassword.lifetime`,
    /// then the person must choose their own. It signs the person out everywhere and revokes
    /// their API tokens.
    func resetPassword(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let person = try await person(req)
        let password = PlatformAdmin.generatePassword()
        let hash = try await req.password.async.hash(password)
        try await req.platformDB { db in
            try await db.transaction { tx in
                person.passwordHash = hash
                person.passwordChangedAt = AppClock.shared.now()
                person.mustChangePassword = true
                person.oneTimePasswordExpiresAt = SecurityClock.now().addingTimeInterval(OneTimePassword.lifetime)
                person.version += 1
                try await person.save(on: tx)
                try await WebSession.query(on: tx).filter(\.$personID == person.id!).delete()
                try await OneTimePassword.revokeTokens(of: person, on: tx)
                try await AuditLog.record(on: tx, tenantID: nil, actor: op.actor, action: "person.password_reset",
                                          entity: "person", entityID: person.id!.uuidString)
            }
        }
        return try await render(req, person: person, oneTimePassword: password)
    }

    private func render(_ req: Request, person: Person, oneTimePassword: String? = nil) async throws -> Response {
        let personID = person.id!
        let (memberships, tenants, organisations) = try await req.platformDB { db in
            let memberships = try await Membership.query(on: db).filter(\.$personID == personID).all()
            return (memberships,
                    try await Tenant.query(on: db).filter(\.$id ~~ Set(memberships.map(\.tenantID))).all(),
                    try await Organisation.query(on: db).filter(\.$id ~~ Set(memberships.map(\.organisationID))).all())
        }
        let lines = memberships.compactMap { membership -> PersonPage.Line? in
            guard let tenant = tenants.first(where: { $0.id == membership.tenantID }) else { return nil }
            return .init(tenant: tenant.name, tenantHref: SiteMap.Admin.tenant.path(tenant.slug),
                         organisation: organisations.first { $0.id == membership.organisationID }?.name ?? "",
                         role: Role(rawValue: membership.role)?.label ?? membership.role)
        }.sorted { ($0.tenant, $0.organisation) < ($1.tenant, $1.organisation) }
        return try await AdminPage.render(req, "person", title: person.name, PersonPage(
            name: person.name, email: person.email, isOperator: person.isOperator, memberships: lines,
            resetAction: SiteMap.Admin.personResetPassword.path(personID.uuidString), oneTimePassword: oneTimePassword))
    }

    private func person(_ req: Request) async throws -> Person {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let person = try await req.platformDB({ db in try await Person.find(id, on: db) }) else { throw WaymarkError.notFound }
        return person
    }
}
