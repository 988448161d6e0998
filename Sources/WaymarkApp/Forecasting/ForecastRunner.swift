import Dispatch
import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// Runs saved scenarios in the background, one at a time: each run keeps both cores busy,
/// so two at once would only make both slower. The page shows where a run has got to
/// from `progress(of:)`; a run the server never finished (it was restarted) shows as
/// interrupted, because only this process's runner knows it.
final class ForecastRunner: @unchecked Sendable {
    struct Progress: Sendable, Equatable {
        var phase: String
        var completed: Int
        var total: Int
        var percent: Int { total > 0 ? completed * 100 / total : 0 }
    }

    private struct Job: Sendable {
        let tenant: Tenant
        let scenarioID: UUID
    }

    private let lock = NSLock()
    private var waiting: [Job] = []
    private var progressByID: [UUID: Progress] = [:]
    private var worker: Task<Void, Never>?

    /// Queues the scenario's run once the request that marked its record `queued` has
    /// committed (the run reads the record from another connection). Until then the run is
    /// already known here, so pages and the API show it waiting rather than interrupted.
    func enqueue(_ req: Request, tenant: Tenant, scenarioID: UUID) {
        let app = req.application
        lock.withLock { progressByID[scenarioID] = Self.waitingProgress }
        WaymarkMetrics.forecast("queued")
        req.afterCommit { [self] in
            lock.withLock {
                waiting.append(Job(tenant: tenant, scenarioID: scenarioID))
                guard worker == nil else { return }
                worker = Task.detached { [self] in await drain(app) }
            }
        }
    }

    /// Queued: no phase has reported yet, so there is nothing to count.
    private static let waitingProgress = Progress(phase: "", completed: 0, total: 0)

    /// Where a queued or running scenario has got to; nil when this runner has no such run.
    /// A queued one says whether it waits for others or is about to start.
    func progress(of scenarioID: UUID) -> Progress? {
        lock.withLock {
            guard var progress = progressByID[scenarioID] else { return nil }
            if progress.total == 0 {
                let others = progressByID.filter { $0.key != scenarioID && $0.value.total > 0 }.count
                progress.phase = others > 0 ? "Waiting for another forecast to finish" : "Starting"
            }
            return progress
        }
    }

    /// Whether the scenario's run is queued or under way in this process (a record that says
    /// so without the runner knowing it was cut short by a restart).
    func isRunning(_ record: ForecastScenarioRecord) -> Bool {
        [.queued, .running].contains(record.state) && progress(of: record.id!) != nil
    }

    /// Returns once every queued run has finished (tests, and a clean shutdown).
    func waitUntilIdle() async {
        while let worker = lock.withLock({ self.worker }) { await worker.value }
    }

    private func drain(_ app: Application) async {
        while true {
            let next: Job? = lock.withLock {
                if waiting.isEmpty { worker = nil; return nil }
                return waiting.removeFirst()
            }
            guard let job = next else { return }
            await run(job, app)
            lock.withLock { _ = progressByID.removeValue(forKey: job.scenarioID) }
        }
    }

    private func report(_ id: UUID, _ phase: String, _ completed: Int, _ total: Int) {
        lock.withLock { progressByID[id] = Progress(phase: phase, completed: completed, total: total) }
    }

    private func run(_ job: Job, _ app: Application) async {
        let scope = DatabaseScope.tenant(job.tenant.id!)
        // How long the run took: a stopwatch, not the application's calendar clock.
        let started = ContinuousClock.now
        do {
            // Load in one scope and save in another: the sampling between them can take a
            // minute, and must not hold a database connection (or transaction) open.
            let loaded = try await scope.run(on: app.db) { db -> (Scenario, SimulationBase, String)? in
                let context = TenantContext.system(tenant: job.tenant, db: db, job: "forecasts@waymark")
                guard let record = try await context.find(ForecastScenarioRecord.self, job.scenarioID),
                      record.state == .queued else { return nil }
                record.runState = ForecastScenarioRecord.RunState.running.rawValue
                try await record.save(on: db)
                WaymarkMetrics.forecast("running")
                let scenario = try record.scenario
                let base = try await SimulationBaseLoader.load(context, asOf: record.asOf, horizonMonths: record.horizonMonths)
                let problems = scenario.problems(against: base)
                guard problems.isEmpty else { throw ScenarioJSON.Invalid(message: problems.joined(separator: "; ")) }
                return (scenario, base, record.runKey)
            }
            guard let (scenario, base, key) = loaded else { return }
            let results = await ForecastComputation.offloaded {
                ForecastComputation.compute(scenario, base: base) { phase, done, total in
                    self.report(job.scenarioID, phase, done, total)
                }
            }
            var stored = results
            stored.seconds = (ContinuousClock.now - started) / .seconds(1)
            let json = String(decoding: try JSONEncoder().encode(stored), as: UTF8.self)
            try await scope.run(on: app.db) { db in
                try await Self.finish(job, db: db, siteURL: app.waymark.publicURL) { record in
                    record.runState = ForecastScenarioRecord.RunState.finished.rawValue
                    record.results = json
                    record.runDefinition = key
                    record.runError = nil
                }
            }
            WaymarkMetrics.forecast("finished")
            WaymarkMetrics.forecastTook((ContinuousClock.now - started) / .seconds(1))
        } catch {
            let message = (error as? ScenarioJSON.Invalid)?.message ?? "The forecast could not be run: \(error)"
            WaymarkMetrics.forecast("failed")
            app.logger.error("Forecast run failed", metadata: ["scenario": .string(job.scenarioID.uuidString), "error": .string(String(describing: error))])
            try? await scope.run(on: app.db) { db in
                try await Self.finish(job, db: db, siteURL: app.waymark.publicURL) { record in
                    record.runState = ForecastScenarioRecord.RunState.failed.rawValue
                    record.runError = message
                }
            }
        }
    }

    private static func finish(_ job: Job, db: any Database, siteURL: String,
                               _ change: @Sendable (ForecastScenarioRecord) -> Void) async throws {
        var context = TenantContext.system(tenant: job.tenant, db: db, job: "forecasts@waymark")
        context.siteURL = siteURL
        // The scenario may have been deleted while it ran: then there is nothing to keep.
        guard let record = try await context.find(ForecastScenarioRecord.self, job.scenarioID) else { return }
        change(record)
        record.runFinishedAt = AppClock.shared.now()
        try await record.save(on: db)
        if let person = record.runByPersonID {
            try await Notifier.send([WorkflowNotices.forecastFinished(record, ranBy: person, slug: job.tenant.slug)], in: context)
        }
    }
}

extension Application {
    private struct ForecastRunnerKey: StorageKey { typealias Value = ForecastRunner }

    /// The process's one forecast runner, made when the application is configured.
    var forecastRunner: ForecastRunner {
        guard let runner = storage[ForecastRunnerKey.self] else { fatalError("configure() installs the forecast runner") }
        return runner
    }

    func installForecastRunner() {
        storage[ForecastRunnerKey.self] = ForecastRunner()
    }
}
