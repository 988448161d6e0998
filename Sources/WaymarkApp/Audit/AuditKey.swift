import Crypto
import Foundation
import NIOConcurrencyHelpers

/// The secret the audit log's digests are keyed with (issue 16): kept outside the database, so
/// someone who can write the database can neither forge an entry nor recompute a chain after
/// changing one. It comes from `WAYMARK_AUDIT_KEY` (64 hex digits; set it in production, see
/// docs/operations.md), or else from `audit.key` in the data directory, made on first start.
/// Like `AppClock`, there is one for the process: the log is written from many places.
final class AuditKey: @unchecked Sendable {
    static let shared = AuditKey()

    private let lock = NIOLock()
    private var key: SymmetricKey?

    var current: SymmetricKey {
        lock.withLock {
            guard let key else { preconditionFailure("AuditKey.install runs in configure") }
            return key
        }
    }

    func set(_ key: SymmetricKey) { lock.withLock { self.key = key } }

    struct Problem: Error, CustomStringConvertible { let description: String }

    /// The key from the environment, or the data directory's key file, made if missing.
    static func load(environment value: String?, dataDirectory: String) throws -> SymmetricKey {
        if let value, !value.isEmpty {
            guard let bytes = hexBytes(value), bytes.count >= 32 else {
                throw Problem(description: "WAYMARK_AUDIT_KEY must be at least 64 hexadecimal digits (32 bytes)")
            }
            return SymmetricKey(data: bytes)
        }
        let path = dataDirectory + "/audit.key"
        if let text = try? String(contentsOfFile: path, encoding: .utf8), let bytes = hexBytes(text), bytes.count >= 32 {
            return SymmetricKey(data: bytes)
        }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        guard FileManager.default.createFile(atPath: path, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw Problem(description: "could not write the audit key to \(path)")
        }
        return SymmetricKey(data: bytes)
    }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        let hex = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard hex.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
