import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// This process's share of the background work. Each lane (forecasts, everything else) has at
/// most one job running here at a time; a forecast keeps both cores busy, so two at once would
/// only make both slower, and the short jobs must not wait behind one.
/// Woken when a request adds a job here; under `serve` it also looks for due work every
/// `pollInterval` (jobs other instances added, jobs whose instance died, the daily run).
final class JobWorker: @unchecked Sendable {
    /// Names this process in `jobs.claimed_by`, so an operator can tell instances apart.
    let instance: String
    static let pollInterval: Duration = .seconds(2)
    /// How long a stopping server waits for the jobs it holds before handing them back.
    static let stopGrace: Duration = .seconds(10)

    private let lock = NSLock()
    private var drains: [Job.Lane: Task<Void, Never>] = [:]
    private var wokenWhileDraining: Set<Job.Lane> = []
    private var held: [UUID: JobQueue.Claim] = [:]
    /// Handed back on stopping while still running here: whatever is left of their work must
    /// not touch the database, which is about to close.
    private var released: Set<UUID> = []
    private var stopping = false
    private var poller: Task<Void, Never>?
    private var pollerFinished = false
    private var dailyAdded: Day?
    let progress = JobProgress()

    init() {
        instance = "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Starts a drain for each lane that has none (a job was added, or the poller looked). A
    /// lane already draining is told to look once more before it stops, so a job added while
    /// its last claim found nothing is not left waiting for the next poll.
    func wake(_ app: Application) {
        lock.withLock {
            guard !stopping else { return }
            for lane in Job.Lane.allCases {
                if drains[lane] == nil {
                    drains[lane] = Task.detached { [self] in await drain(lane, app) }
                } else {
                    wokenWhileDraining.insert(lane)
                }
            }
        }
    }

    /// Returns once no job is running here and none is due (the tests wait on it).
    func waitUntilIdle() async {
        while let running = lock.withLock({ drains.values.first }) { await running.value }
    }

    /// Under `serve`: looks for due work every `pollInterval`, adds the day's alerts run once
    /// its time has come, and sends the outbox every minute.
    func startPolling(_ app: Application) {
        lock.withLock {
            poller = Task.detached { [self] in
                var lastOutbox = ContinuousClock.now - OutboxDelivery.interval
                // Ends at a stop between two rounds, never inside one: a round cut short would
                // count an email's try that never happened.
                while !isStopping {
                    await addDailyRunIfDue(app, at: AppClock.shared.now())
                    wake(app)
                    if ContinuousClock.now - lastOutbox >= OutboxDelivery.interval, app.waymark.alertsJobEnabled {
                        lastOutbox = ContinuousClock.now
                        do { try await OutboxDelivery.deliverPending(app) } catch {
                            app.logger.error("Outbox delivery failed", metadata: ["error": .string(String(describing: error))])
                        }
                    }
                    try? await Task.sleep(for: Self.pollInterval)
                }
                lock.withLock { pollerFinished = true }
            }
        }
    }

    private var isStopping: Bool { lock.withLock { stopping } }
    private var pollerDone: Bool { lock.withLock { pollerFinished } }

    /// Adds the daily alerts run for the London day at `instant` once its time has come. The
    /// key makes it once per installation: every instance tries, one row is made.
    func addDailyRunIfDue(_ app: Application, at instant: Date) async {
        guard app.waymark.alertsJobEnabled, let time = app.waymark.alertsTime, let day = time.dueDay(at: instant),
              lock.withLock({ dailyAdded != day }) else { return }
        do {
            let added = try await app.platformDB { db in
                try await JobQueue.add(.dailyAlerts, tenantID: nil, subject: day.iso, uniqueKey: DailyAlertsJob.key(day), on: db)
            }
            lock.withLock { dailyAdded = day }
            if added { app.logger.notice("Daily alerts run added", metadata: ["day": .string(day.iso)]) }
        } catch {
            app.logger.error("The daily alerts run could not be added", metadata: ["error": .string(String(describing: error))])
        }
    }

    /// A clean stop: no more claims; the jobs held here get `stopGrace` to finish, and what is
    /// still running after that is handed back for another instance (or the next start).
    func stop(_ app: Application) async {
        let poll: Task<Void, Never>? = lock.withLock {
            stopping = true
            return poller
        }
        // Looked at, not awaited: a forecast's computation cannot be cut short, and the grace
        // must hold however long it would take. The poller finishes its round (a delivery of
        // the outbox, say) and stops.
        let deadline = ContinuousClock.now + Self.stopGrace
        func idle() -> Bool { lock.withLock { drains.isEmpty } && (poll.map { _ in pollerDone } ?? true) }
        var finished = idle()
        while !finished, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(100))
            finished = idle()
        }
        guard !finished else { return }
        let unfinished = lock.withLock {
            released.formUnion(held.keys)
            return Array(held.values)
        }
        for claim in unfinished {
            do {
                try await app.platformDB { db in try await JobQueue.release(claim, on: db) }
                app.logger.notice("Job handed back on stopping", metadata: ["job": .string(claim.id.uuidString), "kind": .string(claim.kind.rawValue)])
            } catch {
                app.logger.error("A job could not be handed back; its lease will run out", metadata: ["job": .string(claim.id.uuidString)])
            }
        }
    }

    private func drain(_ lane: Job.Lane, _ app: Application) async {
        await failAbandoned(app)
        while true {
            lock.withLock { _ = wokenWhileDraining.remove(lane) }
            let claim: JobQueue.Claim?
            do {
                claim = lock.withLock({ stopping }) ? nil
                    : try await app.platformDB { db in try await JobQueue.claim(lane.kinds, instance: self.instance, on: db) }
            } catch {
                app.logger.error("Could not claim a job", metadata: ["error": .string(String(describing: error))])
                claim = nil
            }
            guard let claim else {
                let again = lock.withLock {
                    if wokenWhileDraining.contains(lane), !stopping { return true }
                    drains[lane] = nil
                    return false
                }
                if again { continue }
                return
            }
            lock.withLock { held[claim.id] = claim }
            await runHoldingLease(claim, app)
            lock.withLock { _ = held.removeValue(forKey: claim.id) }
            progress.forget(claim.id)
        }
    }

    /// Whether this process still holds the job (not finished, not handed back on stopping).
    func stillHolds(_ id: UUID) -> Bool {
        lock.withLock { held[id] != nil && !released.contains(id) }
    }

    /// Runs the job while renewing its lease; the job settles itself (`JobQueue.finish`
    /// with its outcome, or `settleFailure`).
    private func runHoldingLease(_ claim: JobQueue.Claim, _ app: Application) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(JobQueue.lease / 3))
                    guard !Task.isCancelled, self.stillHolds(claim.id) else { return }
                    let kept = (try? await app.platformDB { db in try await JobQueue.renew(claim, on: db) }) ?? true
                    if !kept {
                        app.logger.warning("A job was taken over by another instance", metadata: ["job": .string(claim.id.uuidString)])
                        return
                    }
                }
            }
            group.addTask { [self] in
                switch claim.kind {
                case .forecast: await ForecastRunner.perform(claim, app: app, worker: self)
                case .dailyAlerts: await DailyAlertsJob.perform(claim, app: app, worker: self)
                }
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Records a failed attempt: retried after its back-off, or failed for good with the
    /// reason, or nothing at all when another instance has taken the job over.
    @discardableResult
    static func settleFailure(_ claim: JobQueue.Claim, _ error: any Error, retry: Bool, app: Application) async -> JobQueue.Settled {
        let reason = String(describing: error)
        let settled: JobQueue.Settled
        do {
            settled = try await app.platformDB { db in try await JobQueue.fail(claim, error: reason, retry: retry, on: db) }
        } catch {
            // The database is not answering: the lease runs out and the job is tried again.
            app.logger.error("A failed job could not be recorded", metadata: ["job": .string(claim.id.uuidString),
                                                                              "error": .string(String(describing: error))])
            return .lost
        }
        guard settled != .lost else { return .lost }
        app.logger.error(settled == .retrying ? "Job failed; it will be tried again" : "Job failed for good",
                         metadata: ["job": .string(claim.id.uuidString), "kind": .string(claim.kind.rawValue),
                                    "attempt": "\(claim.attempt)", "error": .string(reason)])
        WaymarkMetrics.job(claim.kind.rawValue, settled == .retrying ? "retried" : "failed")
        return settled
    }

    /// Settles the jobs abandoned on their last attempt (`JobQueue.failAbandoned`): a forecast's
    /// scenario says it failed.
    private func failAbandoned(_ app: Application) async {
        do {
            let abandoned = try await app.platformDB { db in try await JobQueue.failAbandoned(on: db) }
            for job in abandoned {
                app.logger.error("Job failed for good", metadata: ["kind": .string(job.kind.rawValue), "error": .string(JobQueue.abandonedReason)])
                WaymarkMetrics.job(job.kind.rawValue, "failed")
                if job.kind == .forecast, let tenantID = job.tenantID, let scenario = job.subject.flatMap(UUID.init(uuidString:)) {
                    try await ForecastRunner.markFailed(tenantID: tenantID, scenarioID: scenario, message: "The forecast could not be run: \(JobQueue.abandonedReason)", app: app)
                }
            }
        } catch {
            app.logger.error("Abandoned jobs could not be settled", metadata: ["error": .string(String(describing: error))])
        }
    }
}

/// How far each job running here has got, kept in memory for this instance's pages and
/// written to the job's row at most once a second for everyone else's.
final class JobProgress: @unchecked Sendable {
    struct Reading: Sendable, Equatable {
        var phase: String
        var completed: Int
        var total: Int
        var percent: Int { total > 0 ? completed * 100 / total : 0 }
    }

    private let lock = NSLock()
    private var readings: [UUID: Reading] = [:]
    private var written: [UUID: ContinuousClock.Instant] = [:]

    /// Records a reading; true when it is time to write it to the database too.
    func record(_ id: UUID, _ reading: Reading) -> Bool {
        lock.withLock {
            let changedPhase = readings[id]?.phase != reading.phase
            readings[id] = reading
            let now = ContinuousClock.now
            guard changedPhase || written[id].map({ now - $0 >= .seconds(1) }) ?? true else { return false }
            written[id] = now
            return true
        }
    }

    func reading(_ id: UUID) -> Reading? { lock.withLock { readings[id] } }

    func forget(_ id: UUID) {
        lock.withLock {
            readings[id] = nil
            written[id] = nil
        }
    }
}

extension Application {
    private struct JobWorkerKey: StorageKey { typealias Value = JobWorker }

    /// The process's one worker, made when the application is configured.
    var jobWorker: JobWorker {
        guard let worker = storage[JobWorkerKey.self] else { fatalError("configure() installs the job worker") }
        return worker
    }

    func installJobWorker() {
        storage[JobWorkerKey.self] = JobWorker()
    }

    /// After the database is configured: handlers shut down in reverse order, so the worker
    /// stops (and hands back its jobs) while the database is still there.
    func stopJobWorkerBeforeTheDatabase() {
        lifecycle.use(JobWorkerLifecycle())
    }
}

/// Stops the worker when the application shuts down, before the database goes.
private struct JobWorkerLifecycle: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        await application.jobWorker.stop(application)
    }
}
