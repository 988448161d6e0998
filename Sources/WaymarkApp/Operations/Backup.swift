import Fluent
import Foundation
import SQLKit
import Vapor

/// Copies of the database, taken while Waymark serves and put back into a fresh one.
/// - SQLite: `VACUUM INTO` writes a consistent copy of the live file (readers and the writer
///   carry on), and a restore copies it into place while the server is stopped.
/// - PostgreSQL: `pg_dump` in its custom format, restored with `pg_restore` into an empty
///   database. Both run as the application's own user: row-level security would hide every
///   tenant's rows from them, so they connect naming the platform scope, as the application's
///   platform work does (`PGOPTIONS=-c waymark.platform=on`).
/// Not in the copy: the audit key (`WAYMARK_AUDIT_KEY` or `audit.key`), which is a secret
/// kept with the others, and without which the restored audit log cannot be verified.
enum Backup {
    struct Problem: Error, CustomStringConvertible { let description: String }

    static func back(up app: Application, to path: String) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Problem(description: "\(path) already exists; a backup never writes over a file")
        }
        switch app.waymark.storage {
        case .sqlite:
            guard let sql = app.db as? any SQLDatabase else { return }
            try await sql.raw("VACUUM INTO \(bind: path)").run()
        case .postgres(let url):
            let connection = try Connection(url)
            try run(tool: "pg_dump", ["--format=custom", "--no-owner", "--enable-row-security", "--file=\(path)"] + connection.arguments,
                    password: connection.password, sslMode: connection.sslMode)
        }
    }

    /// Into an empty database: SQLite refuses a file that exists; PostgreSQL one that has tables.
    static func restore(_ app: Application, from path: String) async throws {
        guard FileManager.default.fileExists(atPath: path) else { throw Problem(description: "There is no backup at \(path)") }
        switch app.waymark.storage {
        case .sqlite(let target):
            // A journal left by a database moved aside would be replayed onto the restored copy.
            for file in [target, target + "-wal", target + "-shm"] where FileManager.default.fileExists(atPath: file) {
                throw Problem(description: "\(file) already exists; restore into a new data directory, or move the old database and its -wal and -shm files aside first")
            }
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: path, toPath: target)
        case .postgres(let url):
            let tables = try await app.platformDB { db in
                try await (db as! any SQLDatabase).raw("SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'").first()?
                    .decode(column: "n", as: Int.self) ?? 0
            }
            guard tables == 0 else {
                throw Problem(description: "The database already has \(tables) tables; restore into a new, empty database")
            }
            let connection = try Connection(url)
            try run(tool: "pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction"] + connection.arguments + [path],
                    password: connection.password, sslMode: connection.sslMode)
        }
    }

    /// DATABASE_URL as the tools' options, the password apart: it goes in PGPASSWORD, never on a
    /// command line anyone on the machine can read.
    struct Connection {
        let arguments: [String]
        let password: String?
        let sslMode: String?

        init(_ url: String) throws {
            guard let parts = URLComponents(string: url), let host = parts.host, let name = parts.path.split(separator: "/").first else {
                throw Problem(description: "DATABASE_URL is not postgres://user:password@host:port/database")
            }
            var arguments = ["--host=\(host)", "--port=\(parts.port ?? 5432)", "--dbname=\(name)"]
            if let user = parts.user { arguments.append("--username=\(user)") }
            self.arguments = arguments + ["--no-password"]
            password = parts.password
            sslMode = parts.queryItems?.first { $0.name == "sslmode" }?.value
        }
    }

    /// Runs one of PostgreSQL's own tools, from WAYMARK_PG_BIN when set (its version must be
    /// the server's or newer), else from the PATH.
    private static func run(tool: String, _ arguments: [String], password: String?, sslMode: String? = nil) throws {
        let environment = ProcessInfo.processInfo.environment
        let process = Process()
        if let directory = environment["WAYMARK_PG_BIN"], !directory.isEmpty {
            process.executableURL = URL(fileURLWithPath: directory + "/" + tool)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [tool] + arguments
        }
        var childEnvironment = environment
        if let password { childEnvironment["PGPASSWORD"] = password }
        if let mode = sslMode { childEnvironment["PGSSLMODE"] = mode }
        childEnvironment["PGOPTIONS"] = ((environment["PGOPTIONS"] ?? "") + " -c waymark.platform=on").trimmingCharacters(in: .whitespaces)
        process.environment = childEnvironment
        let errors = Pipe()
        process.standardError = errors
        do { try process.run() } catch {
            throw Problem(description: "\(tool) could not be started (\(error)); install PostgreSQL's client tools or set WAYMARK_PG_BIN")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Problem(description: "\(tool) failed (exit \(process.terminationStatus)): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}

/// `waymark backup --to PATH [--digest]` and `waymark restore --from PATH`.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "to", help: "Where to write the backup (a new file)")
        var to: String?
        @Flag(name: "digest", help: "Print each table's row count and content digest instead of backing up")
        var digest: Bool
    }
    var help: String { "Copy the database while Waymark serves: SQLite with VACUUM INTO, PostgreSQL with pg_dump" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        if signature.digest {
            let tables = try await app.platformDB { db in try await DatabaseDigest.tables(on: db) }
            context.console.print(DatabaseDigest.text(tables))
            return
        }
        guard let path = signature.to, !path.isEmpty else { throw CommandError.custom("Say where the backup goes: waymark backup --to PATH") }
        let started = ContinuousClock.now
        try await Backup.back(up: app, to: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        context.console.print("Backed up to \(path): \(size.formatted()) bytes in \(Self.seconds(since: started)).")
    }

    static func seconds(since start: ContinuousClock.Instant) -> String {
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        return String(format: "%.2f s", seconds)
    }
}

struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "from", help: "The backup to restore")
        var from: String?
    }
    var help: String { "Restore a backup into a new, empty database, then check its migrations and audit log" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let path = signature.from, !path.isEmpty else { throw CommandError.custom("Say which backup: waymark restore --from PATH") }
        let app = context.application
        let started = ContinuousClock.now
        try await Backup.restore(app, from: path)
        let missing = try await HealthCheck.missingMigrations(app)
        guard missing.isEmpty else {
            throw CommandError.custom("Restored, but \(missing.count) migrations are not applied (\(missing.joined(separator: ", "))): run waymark migrate")
        }
        context.console.print("Restored \(path) in \(BackupCommand.seconds(since: started)). Check it with: waymark audit verify")
    }
}
