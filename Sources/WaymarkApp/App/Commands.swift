import ConsoleKit
import Fluent
import Vapor

extension Waymark {
    static func registerCommands(_ app: Application) {
        app.asyncCommands.use(MigrateNowCommand(), as: "migrate")
        app.asyncCommands.use(AuditCommand(), as: "audit")
        app.asyncCommands.use(AdminCommand(), as: "admin")
        app.asyncCommands.use(DemoCommand(), as: "demo")
        app.asyncCommands.use(AlertsCommand(), as: "alerts")
        app.asyncCommands.use(BenchCommand(), as: "bench")
        app.asyncCommands.use(SimulateCommand(), as: "simulate")
        app.asyncCommands.use(BackupCommand(), as: "backup")
        app.asyncCommands.use(RestoreCommand(), as: "restore")
    }
}

/// `waymark migrate`: applies every pending migration without asking.
struct MigrateNowCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Apply pending database migrations" }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await Waymark.migrate(context.application)
        context.console.print("Migrations are up to date.")
    }
}

/// `waymark audit verify`: walks every audit chain, holds each against its checkpointed head
/// (`AuditCheckpoint`), and names the first break; a clean check checkpoints the heads.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }
    var help: String { "Check the audit log's hash chains (waymark audit verify)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else {
            throw CommandError.custom("Unknown action '\(signature.action)'. Use: waymark audit verify")
        }
        let app = context.application
        let heads = AuditCheckpoint.latest(app)
        let result = try await app.platformDB { db in try await AuditVerifier.verify(on: db, heads: heads) }
        if let broken = result.firstBreak {
            context.console.error("The audit log is broken at entry \(broken.seq) of chain \(broken.chain) (id \(broken.entryID?.uuidString ?? "?")): \(broken.problem).")
            context.console.print("\(result.entriesChecked) entries before it verified.")
            throw CommandError.custom("audit chain broken")
        }
        try await AuditCheckpoint.record(app)
        try await app.platformDB { db in try await AuditChainChecking.rememberAllIntact(on: db) }
        context.console.print("The audit log verifies: \(result.entriesChecked) entries in \(result.chainsChecked) chain\(result.chainsChecked == 1 ? "" : "s"), every hash and link intact, none shorter than its checkpoint (\(heads.count) checkpointed).")
    }
}

enum CommandError: Error, CustomStringConvertible {
    case custom(String)
    var description: String {
        switch self { case .custom(let message): message }
    }
}
