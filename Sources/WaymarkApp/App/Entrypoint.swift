import Fluent
import Logging
import Vapor

/// What the `waymark` executable runs.
public enum WaymarkMain {
    public static func run() async {
        do {
            var env = try Environment.detect()
            try LoggingSystem.bootstrap(from: &env)
            let app = try await Application.make(env)
            do {
                let config = AppConfig.fromEnvironment()
                try await Waymark.configure(app, config: config)
                if isServe(env.arguments), config.seedDemoOnFirstStart || !config.isPostgres {
                    try await prepareForServe(app)
                }
                if isServe(env.arguments) {
                    app.jobWorker.startPolling(app)
                    AuditCheckpoint.start(app)
                }
                try await app.execute()
            } catch {
                app.logger.critical("\(error)")
                try? await app.asyncShutdown()
                exit(1)
            }
            try await app.asyncShutdown()
        } catch {
            print("waymark: \(error)")
            exit(1)
        }
    }

    static func isServe(_ arguments: [String]) -> Bool {
        arguments.count < 2 || arguments[1] == "serve" || arguments[1].hasPrefix("-")
    }

    /// The embedded default needs no set-up: migrate, seed the demo tenant the first
    /// time, and say how to sign in. PostgreSQL does this only when asked to seed
    /// (WAYMARK_SEED_DEMO=1); otherwise its migrations are `waymark migrate`'s job.
    static func prepareForServe(_ app: Application) async throws {
        try await Waymark.migrate(app)
        let config = app.waymark
        if config.seedDemoOnFirstStart {
            let seeded = try await DemoSeeder.seedIfEmpty(app)
            if seeded { app.logger.notice("Seeded the demo tenants.") }
        }
        if let banner = try await DemoSeeder.signInBanner(app) { print(banner) }
    }
}
