import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// Saved scenarios' runs, as jobs (`JobQueue`): asked for in the transaction that marks the
/// scenario queued, run by whichever instance claims the job, taken up again by another when
/// that instance dies, and shown on every instance from the job's row.
enum ForecastRunner {
    /// A run is worth three tries: a database that went away mid-run is worth another go; a
    /// scenario the data no longer fits is not, and fails at once.
    static let maxAttempts = 3

    /// Adds the scenario's run on `db`, the transaction that marked its record queued, and
    /// wakes this instance's worker once the request has committed.
    static func enqueue(_ req: Request, tenantID: UUID, scenarioID: UUID, on db: any Database) async throws {
        try await JobQueue.add(.forecast, tenantID: tenantID, subject: scenarioID.uuidString, maxAttempts: maxAttempts, on: db)
        WaymarkMetrics.forecast("queued")
        let app = req.application
        req.afterCommit { app.jobWorker.wake(app) }
    }

    /// Where a scenario's run stands, as pages and the API show it.
    struct Progress: Sendable, Equatable {
        var phase: String
        var completed: Int
        var total: Int
        var percent: Int { total > 0 ? completed * 100 / total : 0 }
    }

    /// The unsettled runs of some scenarios, read once for a page: one query, not one per row.
    struct Runs: Sendable {
        private let progressByScenario: [UUID: Progress]

        static func load(_ scenarioIDs: [UUID], tenantID: UUID, worker: JobWorker, on db: any Database) async throws -> Runs {
            guard !scenarioIDs.isEmpty else { return Runs(progressByScenario: [:]) }
            let jobs = try await Job.query(on: db).filter(\.$kind == Job.Kind.forecast.rawValue).filter(\.$tenantID == tenantID)
                .filter(\.$state ~~ [Job.State.waiting.rawValue, Job.State.running.rawValue])
                .filter(\.$subject ~~ scenarioIDs.map(\.uuidString)).all()
            // This tenant's only: another tenant's work is not its business.
            let othersRunning = try await Job.query(on: db).filter(\.$kind == Job.Kind.forecast.rawValue)
                .filter(\.$tenantID == tenantID).filter(\.$state == Job.State.running.rawValue).count()
            var progress: [UUID: Progress] = [:]
            for job in jobs {
                guard let subject = job.subject, let id = UUID(uuidString: subject) else { continue }
                let here = worker.progress.reading(job.id!)
                var reading = Progress(phase: here?.phase ?? job.phase ?? "", completed: here?.completed ?? job.completed,
                                       total: here?.total ?? job.total)
                if job.jobState == .waiting || reading.total == 0 {
                    // Queued: no phase has reported yet, so there is nothing to count.
                    reading = Progress(phase: job.jobState == .running ? "Starting"
                                       : job.attempts > 0 ? "Waiting to be tried again"
                                       : othersRunning > 0 ? "Waiting for another forecast to finish" : "Starting",
                                       completed: 0, total: 0)
                }
                progress[id] = progress[id] ?? reading
            }
            return Runs(progressByScenario: progress)
        }

        /// Where the scenario's run has got to; nil when it has no run waiting or under way.
        func progress(of scenarioID: UUID) -> Progress? { progressByScenario[scenarioID] }

        /// Whether the scenario's run is waiting or under way. A record that says so with no
        /// job behind it lost its run (its job failed for good or was removed).
        func isRunning(_ record: ForecastScenarioRecord) -> Bool {
            [.queued, .running].contains(record.state) && progressByScenario[record.id!] != nil
        }
    }

    /// The runs of the scenarios a page shows.
    static func runs(_ records: [ForecastScenarioRecord], _ req: Request, _ context: TenantContext) async throws -> Runs {
        try await Runs.load(records.compactMap(\.id), tenantID: context.tenantID, worker: req.application.jobWorker, on: context.db)
    }

    /// Runs a claimed forecast job: load in one scope and save in another, since the sampling
    /// between them can take a minute and must not hold a connection (or transaction) open.
    /// The results are saved in the transaction that finishes the job, so an instance that
    /// lost its job to another saves nothing.
    static func perform(_ claim: JobQueue.Claim, app: Application, worker: JobWorker) async {
        guard let tenantID = claim.tenantID, let scenarioID = claim.subject.flatMap(UUID.init(uuidString:)) else {
            await JobWorker.settleFailure(claim, JobQueue.Unusable(), retry: false, app: app)
            return
        }
        let scope = DatabaseScope.tenant(tenantID)
        // How long the run took: a stopwatch, not the application's calendar clock.
        let started = ContinuousClock.now
        do {
            guard let tenant = try await app.platformDB({ db in try await Tenant.find(tenantID, on: db) }) else {
                throw JobQueue.Unusable()
            }
            let loaded = try await scope.run(on: app.db) { db -> (Scenario, SimulationBase, String)? in
                let context = TenantContext.system(tenant: tenant, db: db, job: "forecasts@waymark")
                // Queued, or running when the job is taken up after its instance died.
                guard let record = try await context.find(ForecastScenarioRecord.self, scenarioID),
                      [.queued, .running].contains(record.state) else { return nil }
                record.runState = ForecastScenarioRecord.RunState.running.rawValue
                try await record.save(on: db)
                let scenario = try record.scenario
                let base = try await SimulationBaseLoader.load(context, asOf: record.asOf, horizonMonths: record.horizonMonths)
                let problems = scenario.problems(against: base)
                guard problems.isEmpty else { throw ScenarioJSON.Invalid(message: problems.joined(separator: "; ")) }
                return (scenario, base, record.runKey)
            }
            guard let (scenario, base, key) = loaded else {
                // Deleted, or settled some other way while it waited: nothing to do.
                _ = try await app.platformDB { db in try await JobQueue.finish(claim, on: db) }
                return
            }
            WaymarkMetrics.forecast("running")
            let results = await ForecastComputation.offloaded {
                ForecastComputation.compute(scenario, base: base) { phase, done, total in
                    report(claim, phase: phase, done: done, total: total, worker: worker, app: app)
                }
            }
            // Handed back while it ran (the server is stopping): another instance runs it again.
            guard worker.stillHolds(claim.id) else { return }
            var stored = results
            stored.seconds = (ContinuousClock.now - started) / .seconds(1)
            let json = String(decoding: try JSONEncoder().encode(stored), as: UTF8.self)
            let kept = try await scope.run(on: app.db) { db in
                try await db.transaction { tx in
                    guard try await JobQueue.finish(claim, on: tx) else { return false }
                    try await settle(tenant, scenarioID, db: tx, siteURL: app.waymark.publicURL) { record in
                        record.runState = ForecastScenarioRecord.RunState.finished.rawValue
                        record.results = json
                        record.runDefinition = key
                        record.runError = nil
                    }
                    return true
                }
            }
            guard kept else {
                app.logger.warning("Forecast results dropped: another instance took the run over",
                                   metadata: ["scenario": .string(scenarioID.uuidString)])
                return
            }
            WaymarkMetrics.forecast("finished")
            WaymarkMetrics.forecastTook((ContinuousClock.now - started) / .seconds(1))
        } catch {
            guard worker.stillHolds(claim.id) else { return }
            // A scenario the data does not fit fails at once; anything else is tried again.
            let invalid = error as? ScenarioJSON.Invalid
            let settled = await JobWorker.settleFailure(claim, error, retry: invalid == nil && !(error is JobQueue.Unusable), app: app)
            // Retrying, or another instance has it now: either way the scenario still waits.
            guard settled == .failed else { return }
            try? await markFailed(tenantID: tenantID, scenarioID: scenarioID,
                                  message: invalid?.message ?? "The forecast could not be run: \(error)", app: app)
        }
    }

    /// The scenario's run failed for good: it says so, and whoever asked for it hears.
    static func markFailed(tenantID: UUID, scenarioID: UUID, message: String, app: Application) async throws {
        WaymarkMetrics.forecast("failed")
        try await DatabaseScope.tenant(tenantID).run(on: app.db) { db in
            guard let tenant = try await Tenant.find(tenantID, on: db) else { return }
            try await settle(tenant, scenarioID, db: db, siteURL: app.waymark.publicURL) { record in
                record.runState = ForecastScenarioRecord.RunState.failed.rawValue
                record.runError = message
            }
        }
    }

    /// An operator tried a failed run's job again: its scenario waits to run again too.
    static func requeueRecord(ofJob id: UUID, app: Application) async throws {
        guard let job = try await app.platformDB({ db in try await Job.find(id, on: db) }), job.jobKind == .forecast,
              let tenantID = job.tenantID, let scenarioID = job.subject.flatMap(UUID.init(uuidString:)) else { return }
        try await DatabaseScope.tenant(tenantID).run(on: app.db) { db in
            guard let record = try await ForecastScenarioRecord.query(on: db).filter(\.$id == scenarioID)
                .filter(\.$tenantID == tenantID).first(), record.state == .failed else { return }
            record.runState = ForecastScenarioRecord.RunState.queued.rawValue
            record.runError = nil
            try await record.save(on: db)
        }
    }

    private static func report(_ claim: JobQueue.Claim, phase: String, done: Int, total: Int, worker: JobWorker, app: Application) {
        guard worker.progress.record(claim.id, .init(phase: phase, completed: done, total: total)),
              worker.stillHolds(claim.id) else { return }
        Task { _ = try? await app.platformDB { db in try await JobQueue.report(claim, phase: phase, completed: done, total: total, on: db) } }
    }

    private static func settle(_ tenant: Tenant, _ scenarioID: UUID, db: any Database, siteURL: String,
                               _ change: @Sendable (ForecastScenarioRecord) -> Void) async throws {
        var context = TenantContext.system(tenant: tenant, db: db, job: "forecasts@waymark")
        context.siteURL = siteURL
        // The scenario may have been deleted while it ran: then there is nothing to keep.
        guard let record = try await context.find(ForecastScenarioRecord.self, scenarioID) else { return }
        change(record)
        record.runFinishedAt = AppClock.shared.now()
        try await record.save(on: db)
        if let person = record.runByPersonID {
            try await Notifier.send([WorkflowNotices.forecastFinished(record, ranBy: person, slug: tenant.slug)], in: context)
        }
    }
}
