import Fluent
import Vapor
import WaymarkDomain

/// Creating tenants, people and memberships: shared by the operator console, the
/// shell commands and the demo seeder, so the rules are checked in one place.
enum PlatformAdmin {
    /// Every problem found, by field, so a form shows them all at once.
    struct Problem: Error, Equatable {
        let errors: [FieldError]

        static func field(_ field: String, _ message: String) -> Problem { Problem(errors: [FieldError(field: field, message: message)]) }

        /// The first, for the shell, which names one flag at a time.
        var fieldError: FieldError { errors[0] }
    }

    /// Every problem with a new tenant's full name and short name, in the form's order.
    static func tenantProblems(slug rawSlug: String, name rawName: String, on db: any Database) async throws -> [FieldError] {
        let slug = rawSlug.trimmingCharacters(in: .whitespaces).lowercased()
        let name = rawName.trimmingCharacters(in: .whitespaces)
        var errors: [FieldError] = []
        if name.isEmpty || name.count > 160 { errors.append(.init(field: "name", message: "Enter the tenant's full name (160 characters at most)")) }
        if !Tenant.isValidSlug(slug) {
            errors.append(.init(field: "slug", message: "Enter a short name of 2 to 40 lower-case letters, digits and single hyphens, like west-midlands"))
        } else if try await Tenant.query(on: db).filter(\.$slug == slug).first() != nil {
            errors.append(.init(field: "slug", message: "A tenant called \(slug) already exists"))
        }
        return errors
    }

    static func createTenant(slug rawSlug: String, name rawName: String, actor: AuditActor, on db: any Database) async throws -> Tenant {
        let problems = try await tenantProblems(slug: rawSlug, name: rawName, on: db)
        guard problems.isEmpty else { throw Problem(errors: problems) }
        let slug = rawSlug.trimmingCharacters(in: .whitespaces).lowercased()
        let name = rawName.trimmingCharacters(in: .whitespaces)
        let tenant = Tenant(slug: slug, name: name)
        try await tenant.create(on: db)
        try await AuditLog.record(on: db, tenantID: nil, actor: actor, action: "tenant.created", entity: "tenant",
                                  entityID: slug, after: ["slug": slug, "name": name])
        return tenant
    }

    /// `auditTenantID`: a person added by a tenant's commissioner is recorded in that
    /// tenant's audit chain (the one its transaction may write under row-level
    /// security); the operator's and the shell's go to the platform chain.
    static func createPerson(name rawName: String, email rawEmail: String, passwordHash: String, isOperator: Bool,
                             actor: AuditActor, auditTenantID: UUID? = nil, on db: any Database) async throws -> Person {
        let name = rawName.trimmingCharacters(in: .whitespaces)
        let email = Person.normalise(email: rawEmail)
        var errors: [FieldError] = []
        if name.isEmpty || name.count > 160 { errors.append(.init(field: "name", message: "Enter the person's full name")) }
        if !Person.looksLikeEmail(email) {
            errors.append(.init(field: "email", message: "Enter an email address in the correct format, like name@example.org"))
        } else if try await Person.query(on: db).filter(\.$email == email).first() != nil {
            errors.append(.init(field: "email", message: "Someone with the email address \(email) already exists"))
        }
        guard errors.isEmpty else { throw Problem(errors: errors) }
        let person = Person(name: name, email: email, passwordHash: passwordHash, isOperator: isOperator)
        try await person.create(on: db)
        try await AuditLog.record(on: db, tenantID: auditTenantID, actor: actor, action: "person.created", entity: "person",
                                  entityID: person.id!.uuidString,
                                  after: ["name": name, "email": email, "operator": isOperator ? "yes" : "no"])
        return person
    }

    static func addMembership(tenantID: UUID, personID: UUID, organisationID: UUID, role: Role,
                              actor: AuditActor, on db: any Database) async throws -> Membership {
        let exists = try await Membership.query(on: db)
            .filter(\.$personID == personID).filter(\.$organisationID == organisationID)
            .filter(\.$role == role.rawValue).first()
        if exists != nil { throw Problem.field("role", "This person already has that role in that organisation") }
        let membership = Membership(tenantID: tenantID, personID: personID, organisationID: organisationID, role: role)
        try await membership.create(on: db)
        try await AuditLog.record(on: db, tenantID: tenantID, actor: actor, action: "membership.added", entity: "membership",
                                  entityID: membership.id!.uuidString,
                                  after: ["person": personID.uuidString, "organisation": organisationID.uuidString, "role": role.rawValue])
        return membership
    }

    /// A readable one-time password for people created from the shell or console.
    static func generatePassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let groups = (0..<4).map { _ in String((0..<5).map { _ in alphabet.randomElement()! }) }
        return groups.joined(separator: "-")
    }
}

/// `waymark admin create-tenant --slug S --name N` and
/// `waymark admin create-operator --email E --name N`.
struct AdminCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "create-tenant or create-operator")
        var action: String
        @Option(name: "slug", help: "The tenant's short name used in URLs")
        var slug: String?
        @Option(name: "name", help: "The tenant's or the person's full name")
        var name: String?
        @Option(name: "email", help: "The operator's email address")
        var email: String?
    }
    var help: String { "Create a tenant or a platform operator from the shell" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await Waymark.migrate(app)
        let actor = AuditActor.shell("waymark admin \(signature.action)")
        do {
            switch signature.action {
            case "create-tenant":
                let tenant = try await app.platformDB { db in
                    try await PlatformAdmin.createTenant(slug: signature.slug ?? "", name: signature.name ?? "", actor: actor, on: db)
                }
                context.console.print("Created tenant \(tenant.slug) (\(tenant.name)). Add its people in the operator console at /admin.")
            case "create-operator":
                let password = PlatformAdmin.generatePassword()
                let hash = try await app.password.async.hash(password)
                let person = try await app.platformDB { db in
                    try await PlatformAdmin.createPerson(name: signature.name ?? "", email: signature.email ?? "",
                                                         passwordHash: hash, isOperator: true, actor: actor, on: db)
                }
                context.console.print("Created operator \(person.email). Their password, shown only now: \(password)")
                context.console.print("They should change it at /account after signing in.")
            default:
                throw CommandError.custom("Unknown action '\(signature.action)'. Use create-tenant or create-operator.")
            }
        } catch let problem as PlatformAdmin.Problem {
            throw CommandError.custom("--\(problem.fieldError.field): \(problem.fieldError.message)")
        }
    }
}
