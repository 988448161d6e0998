import Fluent
import Foundation
import NIOCore
import SQLKit
import Vapor

/// Each audit chain's head (its last entry's number and hash), written outside the database:
/// appended to `audit-checkpoint.jsonl` in the data directory and to the log, where the
/// operator reads them. A chain later found shorter than its checkpoint was cut; one missing
/// was deleted; one whose checkpointed entry has another hash was rewritten
/// (`AuditVerifier.verify(on:chain:heads:)`). `serve` writes heads at start and every five
/// minutes; `waymark audit verify` after each clean check.
enum AuditCheckpoint {
    struct Head: Codable, Sendable, Equatable {
        let chain: String
        let seq: Int64
        let hash: String
        /// When the head was read.
        let at: Date
    }

    static let interval: TimeAmount = .minutes(5)

    static func path(_ app: Application) -> String { app.waymark.dataDirectory + "/audit-checkpoint.jsonl" }

    /// The heads last written, by chain.
    static func latest(_ app: Application) -> [String: Head] {
        guard let text = try? String(contentsOfFile: path(app), encoding: .utf8) else { return [:] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var heads: [String: Head] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            if let head = try? decoder.decode(Head.self, from: Data(line.utf8)), head.seq >= (heads[head.chain]?.seq ?? 0) {
                heads[head.chain] = head
            }
        }
        return heads
    }

    /// Reads every chain's head from the database and writes those that moved.
    @discardableResult
    static func record(_ app: Application) async throws -> [Head] {
        let stored = try await app.platformDB { db in try await heads(on: db) }
        let known = latest(app)
        let moved = stored.filter { head in known[head.chain].map { $0.seq != head.seq || $0.hash != head.hash } ?? true }
        guard !moved.isEmpty else { return [] }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = .sortedKeys
        var text = ""
        for head in moved {
            text += String(decoding: try encoder.encode(head), as: UTF8.self) + "\n"
            app.logger.notice("Audit chain head", metadata: ["chain": .string(head.chain), "seq": "\(head.seq)", "hash": .string(head.hash)])
        }
        try FileManager.default.createDirectory(atPath: app.waymark.dataDirectory, withIntermediateDirectories: true)
        let file = path(app)
        if !FileManager.default.fileExists(atPath: file) {
            FileManager.default.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        return moved
    }

    /// The last entry of each chain, in one query ((chain, seq) is unique and indexed).
    static func heads(on db: any Database) async throws -> [Head] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Row: Decodable { let chain: String; let seq: Int64; let hash: String }
        let rows = try await sql.raw("""
            SELECT chain, seq, hash FROM audit_entries AS entry
            WHERE seq = (SELECT MAX(seq) FROM audit_entries AS later WHERE later.chain = entry.chain)
            ORDER BY chain
            """).all(decoding: Row.self)
        let now = AppClock.shared.now()
        return rows.map { Head(chain: $0.chain, seq: $0.seq, hash: $0.hash, at: now) }
    }

    /// Inside `serve`: at start and every few minutes.
    static func start(_ app: Application) {
        app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .seconds(1), delay: interval) { _ in
            let promise = app.eventLoopGroup.next().makePromise(of: Void.self)
            promise.completeWithTask {
                do { try await record(app) } catch {
                    app.logger.error("Audit checkpoint failed", metadata: ["error": .string(String(describing: error))])
                }
            }
            return promise.futureResult
        }
    }
}
