import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import Vapor
import WaymarkMigrations

public enum Waymark {
    /// Sets up an application: storage, migrations, views, middleware, routes and
    /// commands. Used by the executable and, with a test configuration, by the tests.
    public static func configure(_ app: Application, config: AppConfig) async throws {
        guard config.alertsTime != nil else {
            throw AppConfig.Problem(description: "WAYMARK_ALERTS_TIME must be a time on London's clock like 07:00; '\(config.alertsTimeText)' is not")
        }
        app.waymark = config
        Observability.bootstrap()
        app.installJobWorker()
        app.installClock()
        AuditKey.shared.set(try AuditKey.load(environment: config.auditKey, dataDirectory: config.dataDirectory))
        app.passwords.use(.bcrypt(cost: config.bcryptCost))
        try configureDatabase(app, config: config)
        app.stopJobWorkerBeforeTheDatabase()
        for migration in WaymarkMigrations.all { app.migrations.add(migration) }
        configureViews(app, config: config)

        app.middleware = Middlewares()
        app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(ErrorPageMiddleware())
        app.middleware.use(APIRequestRules())
        app.middleware.use(FileMiddleware(publicDirectory: "\(config.rootDirectory)/web/public/", defaultFile: nil))
        app.middleware.use(WebSessionMiddleware())
        app.middleware.use(FlashMiddleware())
        app.middleware.use(CSRFMiddleware())
        app.middleware.use(PasswordChangeRequiredMiddleware())
        app.routes.defaultMaxBodySize = "11mb"

        try registerRoutes(app)
        registerCommands(app)
    }

    static func configureDatabase(_ app: Application, config: AppConfig) throws {
        switch config.storage {
        case .sqlite(let path):
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            app.databases.use(.sqlite(SQLiteConfiguration(storage: .file(path: path)), sqlLogLevel: .debug), as: .sqlite)
        case .postgres(let url):
            app.databases.use(try .postgres(url: url, sqlLogLevel: .debug), as: .psql)
        }
    }

    static func configureViews(_ app: Application, config: AppConfig) {
        app.views.use(.leaf)
        // Two sources: signed-in and public pages under web/views, the operator
        // console's under admin/ (named "admin/…" from the project root).
        let sources = LeafSources()
        let root = config.rootDirectory.hasSuffix("/") ? config.rootDirectory : config.rootDirectory + "/"
        try? sources.register(source: "web", using: NIOLeafFiles(
            fileio: app.fileio, limits: .default, sandboxDirectory: root, viewDirectory: root + "web/views/"))
        try? sources.register(source: "admin", using: NIOLeafFiles(
            fileio: app.fileio, limits: .default, sandboxDirectory: root, viewDirectory: root))
        app.leaf.sources = sources
        app.leaf.cache.isEnabled = app.environment.isRelease
    }

    /// Applies migrations; on SQLite also switches the file to WAL so readers never
    /// wait for the writer.
    public static func migrate(_ app: Application) async throws {
        if case .sqlite = app.waymark.storage, let sql = app.db as? any SQLDatabase {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
        }
        try await app.autoMigrate()
        try await AuditRekeying.run(app)
    }
}
