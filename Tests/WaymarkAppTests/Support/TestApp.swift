import Fluent
import Foundation
import SQLKit
import XCTVapor
@testable import WaymarkApp

/// Builds an application for one test: a fresh SQLite file, or, when ops/test sets
/// WAYMARK_TEST_DATABASE_URL, a PostgreSQL database whose schema is emptied first.
enum TestApp {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["WAYMARK_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var isPostgres: Bool { postgresURL != nil }

    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `today`: stops the application clock there before seeding, so the demo is carried on
    /// to that day (nil: the real clock, as a running server has).
    static func make(seedDemo: Bool = true, today: Date? = nil) async throws -> Application {
        let app = try await Application.make(.testing)
        var config = AppConfig.fromEnvironment(rootDirectory: repositoryRoot)
        config.bcryptCost = 4
        config.secureCookies = false
        // Each app its own data directory: its audit key and checkpoint belong to its database.
        config.dataDirectory = NSTemporaryDirectory() + "waymark-tests/" + UUID().uuidString
        if let url = postgresURL {
            config.storage = .postgres(url: url)
        } else {
            config.storage = .sqlite(path: "\(config.dataDirectory)/\(UUID().uuidString).sqlite")
        }
        do {
            try await Waymark.configure(app, config: config)
            if isPostgres, let sql = app.db as? any SQLDatabase {
                try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
                try await sql.raw("CREATE SCHEMA public").run()
            }
            try await Waymark.migrate(app)
            if let today { app.clock.set(today) }
            if seedDemo { try await DemoSeeder.seed(app) }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    static func shutdown(_ app: Application) async throws {
        // A forecast still running would find the database gone under it.
        await app.jobWorker.waitUntilIdle()
        let directory = app.waymark.dataDirectory
        try await app.asyncShutdown()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// A base class that gives each test a seeded app and shuts it down afterwards.
class AppTestCase: XCTestCase {
    var app: Application!

    var seedsDemo: Bool { true }

    override func setUp() async throws {
        try await super.setUp()
        app = try await TestApp.make(seedDemo: seedsDemo)
    }

    override func tearDown() async throws {
        if let app { try await TestApp.shutdown(app) }
        app = nil
        try await super.tearDown()
    }

    func browser() -> Browser { Browser(app: app) }

    func signedIn(_ email: String, password: String = Browser.demoPassword) async throws -> Browser {
        let browser = Browser(app: app)
        try await browser.signIn(email, password: password)
        return browser
    }
}

extension AppTestCase {
    /// Reads the database as the platform does, so tests see every tenant's rows on
    /// PostgreSQL too, where row-level security hides them from unscoped queries.
    func platform<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        try await app.platformDB(body)
    }
}
