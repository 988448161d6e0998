import Fluent
import Vapor

/// Moves chains written before the audit log was keyed (scheme 1) to the keyed digest (issue 16):
/// each such chain is first checked as it stands; an intact one has every entry's hash
/// recomputed, keyed and over the entry's id too, in one transaction, and the move is itself
/// recorded in the platform's chain. A broken chain is left as it is, for `waymark audit
/// verify` to report. Runs after the migrations, so it happens once.
enum AuditRekeying {
    static func run(_ app: Application) async throws {
        try await app.platformDB { db in
            let legacy = try await AuditEntry.query(on: db).filter(\.$scheme < AuditEntry.keyedScheme).unique().all(\.$chain)
            guard !legacy.isEmpty else { return }
            var rekeyed: [String] = []
            for chain in legacy.sorted() {
                let check = try await AuditVerifier.verify(on: db, chain: chain)
                if let broken = check.firstBreak {
                    app.logger.error("Audit chain not rekeyed: it is broken", metadata: ["chain": .string(chain), "seq": "\(broken.seq)",
                                                                                       "problem": .string(broken.problem)])
                    continue
                }
                try await db.transaction { tx in
                    let entries = try await AuditEntry.query(on: tx).filter(\.$chain == chain).sort(\.$seq).all()
                    var previous = AuditEntry.genesisHash
                    for entry in entries {
                        entry.scheme = AuditEntry.keyedScheme
                        entry.prevHash = previous
                        entry.hash = entry.expectedHash
                        previous = entry.hash
                        try await entry.save(on: tx)
                    }
                }
                rekeyed.append(chain)
            }
            if !rekeyed.isEmpty {
                try await AuditLog.record(on: db, tenantID: nil, actor: .system, action: "audit.rekeyed", entity: "audit",
                                          entityID: "chains", after: ["chains": rekeyed])
            }
        }
    }
}
