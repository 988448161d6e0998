import Foundation
import SQLKit
import Vapor
@testable import WaymarkApp

enum TestSupport {
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["WAYMARK_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func makeApp(seed: Bool = true) async throws -> Application {
        let app = try await Application.make(.testing)
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        var config = AppConfig.fromEnvironment(rootDirectory: url.path)
        config.bcryptCost = 4
        config.storage = postgresURL.map { .postgres(url: $0) }
            ?? .sqlite(path: NSTemporaryDirectory() + "waymark-tests/\(UUID().uuidString).sqlite")
        try await Waymark.configure(app, config: config)
        if postgresURL != nil, let sql = app.db as? any SQLDatabase {
            try await sql.raw("DROP SCHEMA IF EXISTS public CASCADE").run()
            try await sql.raw("CREATE SCHEMA public").run()
        }
        try await Waymark.migrate(app)
        if seed { try await DemoSeeder.seed(app) }
        return app
    }
}
