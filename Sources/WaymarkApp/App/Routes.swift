import SQLKit
import Fluent
import Vapor
import WaymarkMigrations

extension Waymark {
    static func registerRoutes(_ app: Application) throws {
        app.get(SiteMap.healthz.components) { req async throws -> Response in
            try await HealthCheck.respond(req)
        }
        app.get(SiteMap.readyz.components) { req async throws -> Response in
            try await HealthCheck.ready(req)
        }
        app.get(SiteMap.metrics.components) { req async throws -> Response in
            try await Observability.metrics(req)
        }
        try app.register(collection: SignInController())
        try app.register(collection: AccountController())
        try app.register(collection: NoticePreferencesController())
        try app.register(collection: FeedbackController())
        try app.register(collection: StaticPagesController())
        try app.register(collection: PublicSpecificationsController())
        try app.register(collection: PublicSiteController())
        try app.register(collection: InvitationController())

        let tenant = TenantRoutes(app)
        TenantHomeController().register(tenant)
        RoutesController().register(tenant)
        TokensController().register(tenant)
        AuditController().register(tenant)
        LocalAuthoritiesController().register(tenant)
        OrganisationsController().register(tenant)
        OrganisationEditingController().register(tenant)
        LocalAuthoritySetUpController().register(tenant)
        PeopleController().register(tenant)
        ImportController().register(tenant)
        FundingSourcesController().register(tenant)
        PledgesController().register(tenant)
        DashboardController().register(tenant)
        RegionMapController().register(tenant)
        InboxController().register(tenant)
        ForecastsController().register(tenant)
        SpecificationsController().register(tenant)
        BidsController().register(tenant)
        EvaluationController().register(tenant)
        ContractsController().register(tenant)
        ReturnsController().register(tenant)
        TenantSettingsController().register(tenant)
        DeliveryDashboardController().register(tenant)

        let console = OperatorRoutes(builder: app)
        AdminTenantsController().register(console)
        AdminTenantController().register(console)
        AdminPeopleController().register(console)
        AdminAuditController().register(console)
        AdminFeedbackController().register(console)
        AdminJobsController().register(console)

        app.get(SiteMap.API.openAPI.components) { _ in try OpenAPIDocument.response() }
        try app.register(collection: PublishedCallsAPIController())
        let api = TenantRoutes(app.grouped(BearerTokenMiddleware()))
        RoutesAPIController().register(api)
        FundingAPIController().register(api)
        ForecastAPIController().register(api)
        ContractsAPIController().register(api)
        ReturnsAPIController().register(api)
        SpecificationAPIController().register(api)
    }
}

enum HealthCheck {
    struct Body: Content { let status: String; let database: String }
    struct Readiness: Content { let status: String; let database: String; let migrations: String }

    /// Ready to serve (for a load balancer): the database answers and every migration this
    /// build knows has been applied; otherwise 503 saying which is not.
    static func ready(_ req: Request) async throws -> Response {
        let database: String, migrations: String
        do {
            let missing = try await missingMigrations(on: req.db)
            database = "ok"
            migrations = missing.isEmpty ? "ok" : "\(missing.count) not applied: \(missing.joined(separator: ", "))"
        } catch {
            req.logger.error("Readiness check failed", metadata: ["error": .string(String(describing: error))])
            return try await Readiness(status: "unavailable", database: "unreachable", migrations: "unknown")
                .encodeResponse(status: .serviceUnavailable, for: req)
        }
        let ready = migrations == "ok"
        return try await Readiness(status: ready ? "ok" : "unavailable", database: database, migrations: migrations)
            .encodeResponse(status: ready ? .ok : .serviceUnavailable, for: req)
    }

    private struct AppliedMigration: Decodable { let name: String }

    /// The migrations this build knows that the database has not applied.
    static func missingMigrations(on db: any Database) async throws -> [String] {
        let applied = Set(try await (db as? any SQLDatabase)?.select().column("name").from("_fluent_migrations")
            .all(decoding: AppliedMigration.self).map(\.name) ?? [])
        return WaymarkMigrations.all.map(\.name).filter { !applied.contains($0) }
    }

    static func missingMigrations(_ app: Application) async throws -> [String] {
        try await missingMigrations(on: app.db)
    }

    /// Healthy when the database answers a query.
    static func respond(_ req: Request) async throws -> Response {
        do {
            _ = try await Tenant.query(on: req.db).count()
            return try await Body(status: "ok", database: "ok").encodeResponse(for: req)
        } catch {
            req.logger.error("Health check failed", metadata: ["error": .string(String(describing: error))])
            return try await Body(status: "unavailable", database: "unreachable").encodeResponse(status: .serviceUnavailable, for: req)
        }
    }
}

struct StaticPagesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteMap.help.components) { req in
            try await PageRenderer.render(req, "help", title: "Help")
        }
        routes.get(SiteMap.apiReference.components) { req in
            try await PageRenderer.render(req, "api-reference", title: "API reference", try APIReferencePage.build())
        }
        routes.get(SiteMap.accessibility.components) { req in
            try await PageRenderer.render(req, "accessibility", title: "Accessibility statement")
        }
    }
}
