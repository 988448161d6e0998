import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// Which saved scenarios a person sees: those who may edit forecasts see all of them;
/// anyone else (partners, viewers) only those shared with partners, read-only.
enum ForecastQueries {
    static func visible(_ context: TenantContext) async throws -> [ForecastScenarioRecord] {
        var query = context.query(ForecastScenarioRecord.self)
        if !context.mayRead(.scenario(sharedWithPartners: false)) { query = query.filter(\.$shared == true) }
        return try await query.sort(\.$updatedAt, .descending).all()
    }

    /// A scenario the person may see, or 404 (never 403, so ids reveal nothing).
    static func find(_ context: TenantContext, id raw: String?) async throws -> ForecastScenarioRecord {
        guard let raw, let id = UUID(uuidString: raw), let record = try await context.find(ForecastScenarioRecord.self, id),
              context.mayRead(.scenario(sharedWithPartners: record.shared)) else { throw WaymarkError.notFound }
        return record
    }

    /// The state people read: a record that says queued or running with no job behind it
    /// lost its run, and says so instead of "running" for ever.
    static func displayedState(_ record: ForecastScenarioRecord, runs: ForecastRunner.Runs) -> (label: String, tag: String, interrupted: Bool) {
        switch record.state {
        case .notRun: return ("Not run yet", "wm-tag--grey", false)
        case .queued, .running:
            guard runs.isRunning(record) else { return ("Interrupted", "wm-tag--at-risk", true) }
            return (record.state == .queued ? "Waiting to run" : "Running", "wm-tag--watch", false)
        case .finished: return ("Finished", "wm-tag--secure", false)
        case .failed: return ("Failed", "wm-tag--unfunded", false)
        }
    }
}

/// Saving a change to a scenario: claimed against the version the form was opened at, so
/// one person's change is never silently lost under another's, and audited.
enum ForecastWriting {
    static func update(_ context: TenantContext, _ record: ForecastScenarioRecord, expected: Int, audit action: String,
                       _ change: @escaping @Sendable (ForecastScenarioRecord) throws -> Void,
                       also: (@Sendable (TenantContext) async throws -> Void)? = nil) async throws {
        let before = AuditSnapshot(record)
        try await context.transaction { tx in
            try await VersionGuard.claim(table: ForecastScenarioRecord.schema, id: record.id!, expected: expected, on: tx.db)
            try change(record)
            record.version = expected + 1
            record.updatedAt = AppClock.shared.now()
            try await record.save(on: tx.db)
            try await tx.audit(action, "forecast_scenario", record.id!.uuidString, before: before, after: AuditSnapshot(record))
            try await also?(tx)
        }
    }

    /// Marks the scenario queued (claimed against `expected`, audited) and adds its run's job
    /// in the same transaction: the one way a run starts, from the page or the API.
    static func startRun(_ req: Request, _ context: TenantContext, _ record: ForecastScenarioRecord, expected: Int) async throws {
        try await update(context, record, expected: expected, audit: "forecast.run", { $0.markQueued(by: context.actor) },
                         also: { tx in try await ForecastRunner.enqueue(req, tenantID: context.tenantID, scenarioID: record.id!, on: tx.db) })
    }

    /// What the audit log keeps of a scenario: its definition, not its (large) results.
    struct AuditSnapshot: Encodable, Sendable {
        let name: String, description: String, asOf: String, horizonMonths: Int, shared: Bool, definition: String

        init(_ record: ForecastScenarioRecord) {
            name = record.name
            description = record.description
            asOf = record.asOfDay
            horizonMonths = record.horizonMonths
            shared = record.shared
            definition = record.definition
        }
    }
}
