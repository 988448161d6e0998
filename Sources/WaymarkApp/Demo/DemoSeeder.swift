import Fluent
import Vapor
import WaymarkDomain

/// Loads the demo tenants (DemoData) into the database, each in one transaction.
/// Every demo person shares one demo-only password, printed on start-up.
enum DemoSeeder {
    static let operatorEmail = "operator@waymark.example"

    /// Seeds both demo tenants unless the demo tenant already exists.
    @discardableResult
    static func seedIfEmpty(_ app: Application) async throws -> Bool {
        let exists = try await Tenant.query(on: app.db).filter(\.$slug == DemoData.westMidlands.slug).first() != nil
        if exists { return false }
        try await seed(app)
        return true
    }

    /// The story is carried on to the application clock's today (`WestMidlandsCarriedOn`).
    static func seed(_ app: Application) async throws {
        let now = app.clock.now()
        let today = Day(now, in: London.timeZone)
        let hash = try await app.password.async.hash(app.waymark.demoPassword)
        try await app.platformDB { db in
            try await db.transaction { tx in
                let actor = AuditActor.shell("waymark demo seed")
                var people: [String: Person] = [:]
                if try await Person.query(on: tx).filter(\.$email == operatorEmail).first() == nil {
                    _ = try await PlatformAdmin.createPerson(name: "Platform Operator", email: operatorEmail,
                                                             passwordHash: hash, isOperator: true, actor: actor, on: tx)
                }
                for tenant in [DemoData.westMidlands(today: today), DemoData.secondTenant] {
                    try await DemoTenantLoader(data: tenant, passwordHash: hash, actor: actor, recordedAt: now, db: tx).load(people: &people)
                }
                if let westMidlands = try await Tenant.query(on: tx).filter(\.$slug == DemoData.westMidlands.slug).first() {
                    try await DemoForecasts.save(tenant: westMidlands, on: tx)
                    try await DemoCommissioningLoader(tenant: westMidlands, db: tx).load()
                    try await DemoDeliveryLoader(tenant: westMidlands, db: tx, today: today).load()
                }
            }
        }
    }

    /// What to print on start-up: where to go and who to sign in as.
    static func signInBanner(_ app: Application) async throws -> String? {
        guard try await Tenant.query(on: app.db).filter(\.$slug == DemoData.westMidlands.slug).first() != nil else { return nil }
        var seen = Set<String>()
        let examples = DemoData.westMidlands.people.filter { seen.insert($0.role).inserted }
        var lines = [
            "",
            "Waymark is running at http://127.0.0.1:8080 with the demo tenants"
                + (app.waymark.isPostgres ? " (PostgreSQL)." : " (embedded SQLite in \(app.waymark.dataDirectory)).") ,
            "Sign in at http://127.0.0.1:8080/sign-in as any demo person. DEMO ONLY password: \(app.waymark.demoPassword)",
        ]
        for person in examples {
            lines.append("  \(person.role.padding(toLength: 13, withPad: " ", startingAt: 0)) \(person.email)  (\(person.organisation))")
        }
        lines.append("  operator      \(operatorEmail)  (platform operator)")
        lines.append("  second tenant \(DemoData.secondTenant.people.first?.email ?? "")  (\(DemoData.secondTenant.name))")
        lines.append("Every demo person is listed in README.md. Never use the demo password outside a demo.")
        lines.append("")
        return lines.joined(separator: "\n")
    }
}

struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "seed")
        var action: String
    }
    var help: String { "Seed the demo tenants (waymark demo seed)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "seed" else { throw CommandError.custom("Unknown action '\(signature.action)'. Use: waymark demo seed") }
        try await Waymark.migrate(context.application)
        if try await DemoSeeder.seedIfEmpty(context.application) {
            context.console.print("Seeded the demo tenants.")
        } else {
            context.console.print("The demo tenant already exists: nothing changed.")
        }
        if let banner = try await DemoSeeder.signInBanner(context.application) { context.console.print(banner) }
    }
}
