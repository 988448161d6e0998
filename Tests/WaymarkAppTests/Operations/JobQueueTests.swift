import Fluent
import SQLKit
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Issue 19: background work kept in the database. Two workers never run one job; a job
/// whose instance died is taken up again, and the dead one can no longer settle it; the
/// daily run happens once a day however many instances add it; operators see and retry
/// what failed. On SQLite and PostgreSQL alike (`ops/test`).
final class JobQueueTests: AppTestCase {
    func addJobs(_ count: Int, kind: Job.Kind = .dailyAlerts) async throws -> Set<UUID> {
        try await platform { db in
            for index in 0..<count {
                try await JobQueue.add(kind, tenantID: nil, subject: "test-\(index)", on: db)
            }
            return Set(try await Job.query(on: db).all().map { $0.id! })
        }
    }

    func claim(_ instance: String) async throws -> JobQueue.Claim? {
        try await platform { db in try await JobQueue.claim(Job.Kind.allCases, instance: instance, on: db) }
    }

    func job(_ id: UUID) async throws -> Job {
        try await platform { db in try await Job.find(id, on: db)! }
    }

    /// Makes the job's lease run out, as when its instance is killed.
    func expireLease(_ id: UUID) async throws {
        try await platform { db in
            let job = try await Job.find(id, on: db)!
            job.leaseUntil = SecurityClock.now().addingTimeInterval(-1)
            try await job.save(on: db)
        }
    }

    func testTwoWorkersClaimingAtOnceNeverTakeTheSameJob() async throws {
        let all = try await addJobs(40)
        let taken = try await withThrowingTaskGroup(of: [UUID].self) { group in
            for instance in ["instance-a", "instance-b"] {
                group.addTask {
                    var mine: [UUID] = []
                    while let claim = try await self.claim(instance) { mine.append(claim.id) }
                    return mine
                }
            }
            var lists: [[UUID]] = []
            for try await list in group { lists.append(list) }
            return lists
        }
        let everyClaim = taken.flatMap { $0 }
        XCTAssertEqual(everyClaim.count, all.count, "each job claimed exactly once")
        XCTAssertEqual(Set(everyClaim), all)
        for id in all {
            let row = try await job(id)
            XCTAssertEqual(row.jobState, .running)
            XCTAssertEqual(row.attempts, 1)
        }
    }

    func testAJobWhoseInstanceDiedIsTakenUpAndTheDeadOneCannotSettleIt() async throws {
        let id = try await addJobs(1).first!
        let first = try await claim("instance-a")
        XCTAssertEqual(first?.id, id)
        let stillHeld = try await claim("instance-b")
        XCTAssertNil(stillHeld, "held while its lease runs")
        try await expireLease(id)
        let second = try await claim("instance-b")
        XCTAssertEqual(second?.id, id, "taken up once the lease ran out")
        XCTAssertEqual(second?.attempt, 2)
        let stale = try await platform { db in try await JobQueue.finish(first!, on: db) }
        XCTAssertFalse(stale, "the instance that lost the job settles nothing")
        let renewed = try await platform { db in try await JobQueue.renew(first!, on: db) }
        XCTAssertFalse(renewed)
        let failedByTheDead = try await platform { db in try await JobQueue.fail(first!, error: "late", retry: false, on: db) }
        XCTAssertEqual(failedByTheDead, .lost, "nor can it fail the job for the instance that has it")
        let finished = try await platform { db in try await JobQueue.finish(second!, on: db) }
        XCTAssertTrue(finished)
        let row = try await job(id)
        XCTAssertEqual(row.jobState, .finished)
        XCTAssertEqual(row.claimedBy, "instance-b")
    }

    func testAFailedJobWaitsItsBackOffThenFailsForGoodWithItsReason() async throws {
        let id = try await addJobs(1).first!
        let first = try await claim("instance-a")!
        let again = try await platform { db in try await JobQueue.fail(first, error: "database went away", retry: true, on: db) }
        XCTAssertEqual(again, .retrying)
        var row = try await job(id)
        XCTAssertEqual(row.jobState, .waiting)
        XCTAssertGreaterThan(row.runAfter, SecurityClock.now().addingTimeInterval(20), "it waits its back-off")
        let tooEarly = try await claim("instance-a")
        XCTAssertNil(tooEarly, "not before its time")
        for attempt in 2...3 {
            try await platform { db in
                let job = try await Job.find(id, on: db)!
                job.runAfter = SecurityClock.now().addingTimeInterval(-1)
                try await job.save(on: db)
            }
            let next = try await claim("instance-b")!
            XCTAssertEqual(next.attempt, attempt)
            _ = try await platform { db in try await JobQueue.fail(next, error: "database went away", retry: true, on: db) }
        }
        row = try await job(id)
        XCTAssertEqual(row.jobState, .failed, "three tries, then failed for good")
        XCTAssertEqual(row.lastError, "database went away")
        let retried = try await platform { db in try await JobQueue.retry(id, on: db) }
        XCTAssertTrue(retried)
        let retriedID = try await claim("instance-a")?.id
        XCTAssertEqual(retriedID, id, "an operator's retry makes it due at once")
    }

    func testAJobThatKillsItsInstanceOnEveryTryFailsInsteadOfGoingRound() async throws {
        let id = try await addJobs(1).first!
        for attempt in 1...3 {
            let claim = try await claim("instance-\(attempt)")
            XCTAssertEqual(claim?.attempt, attempt)
            try await expireLease(id)
        }
        let stillHeld = try await claim("instance-4")
        XCTAssertNil(stillHeld, "out of tries: not handed to a fourth instance")
        let abandoned = try await platform { db in try await JobQueue.failAbandoned(on: db) }
        XCTAssertEqual(abandoned.count, 1)
        let row = try await job(id)
        XCTAssertEqual(row.jobState, .failed)
        XCTAssertEqual(row.lastError, JobQueue.abandonedReason)
    }

    func testAJobHandedBackOnStoppingIsTakenAtOnceWithoutCountingTheTry() async throws {
        let id = try await addJobs(1).first!
        let held = try await claim("stopping")!
        try await platform { db in try await JobQueue.release(held, on: db) }
        let next = try await claim("other")
        XCTAssertEqual(next?.id, id)
        XCTAssertEqual(next?.attempt, 1)
    }

    func testTheDailyRunIsAddedOncePerDayAtItsTimeOnLondonsClock() async throws {
        let one = JobWorker(), other = JobWorker()
        // 06:59 BST on 1 July: not yet.
        let before = Date(timeIntervalSince1970: 1_782_885_540)
        XCTAssertEqual(LondonWallTime(before).clock, "06:59")
        await one.addDailyRunIfDue(app, at: before)
        let beforeTime = try await dailyJobs()
        XCTAssertEqual(beforeTime, [])
        let after = before.addingTimeInterval(120)
        await one.addDailyRunIfDue(app, at: after)
        await other.addDailyRunIfDue(app, at: after)
        await other.addDailyRunIfDue(app, at: after.addingTimeInterval(3_600))
        let afterTime = try await dailyJobs()
        XCTAssertEqual(afterTime, ["2026-07-01"], "two instances, one run")
        await other.addDailyRunIfDue(app, at: after.addingTimeInterval(86_400))
        let nextDay = try await dailyJobs()
        XCTAssertEqual(nextDay, ["2026-07-01", "2026-07-02"])
    }

    func dailyJobs() async throws -> [String] {
        try await platform { db in
            try await Job.query(on: db).filter(\.$kind == Job.Kind.dailyAlerts.rawValue).sort(\.$subject).all().compactMap(\.subject)
        }
    }

    func testTheDailyRunSendsTheDaysAlertsAndFinishes() async throws {
        let midday = ISO8601DateFormatter().date(from: "2023-06-01T12:00:00Z")!
        app.clock.set(midday)
        await app.jobWorker.addDailyRunIfDue(app, at: midday)
        app.jobWorker.wake(app)
        await app.jobWorker.waitUntilIdle()
        let job = try await platform { db in try await Job.query(on: db).filter(\.$kind == Job.Kind.dailyAlerts.rawValue).first()! }
        XCTAssertEqual(job.jobState, .finished, job.lastError ?? "")
        let alerted = try await platform { db in try await AlertKey.query(on: db).count() }
        XCTAssertGreaterThan(alerted, 0, "the demo's ending grants were alerted as of 1 June 2023")
    }

    func testAForecastWhoseInstanceDiedFinishesOnAnotherWithTheSameResults() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let id = try await createScenario(browser)
        try await runScenario(browser, id)
        let expected = try await scenarioRecord(id).storedResults!
        // The same run asked for again, claimed by an instance that then dies mid-run.
        let scenarioID = UUID(uuidString: id)!
        let tenantID = try await scenarioRecord(id).tenantID
        try await platform { db in
            let record = try await ForecastScenarioRecord.find(scenarioID, on: db)!
            record.runState = ForecastScenarioRecord.RunState.running.rawValue
            record.results = nil
            try await record.save(on: db)
            try await JobQueue.add(.forecast, tenantID: tenantID, subject: id, on: db)
        }
        let dead = try await claim("killed-instance")!
        XCTAssertEqual(dead.kind, .forecast)
        let page = try await browser.get("/t/west-midlands/forecasts/\(id)")
        XCTAssertTrue(page.body.string.contains("Running"), "shown running from the job's row")
        try await expireLease(dead.id)
        app.jobWorker.wake(app)
        await app.jobWorker.waitUntilIdle()
        let record = try await scenarioRecord(id)
        XCTAssertEqual(record.state, .finished)
        let results = try XCTUnwrap(record.storedResults)
        // Everything but how long it took.
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        XCTAssertEqual(try encoder.encode(results.scenario.months), try encoder.encode(expected.scenario.months), "same seed, same results")
        XCTAssertEqual(try encoder.encode(results.scenario.routes), try encoder.encode(expected.scenario.routes))
        XCTAssertEqual(try encoder.encode(results.scenario.lapsedPence), try encoder.encode(expected.scenario.lapsedPence))
        let row = try await job(dead.id)
        XCTAssertEqual(row.jobState, .finished)
        XCTAssertEqual(row.attempts, 2)
        XCTAssertEqual(row.claimedBy, app.jobWorker.instance)
    }

    func testOperatorsSeeFailedJobsAndTryThemAgain() async throws {
        // A tenant since removed: trying again cannot help.
        try await platform { db in try await JobQueue.add(.forecast, tenantID: UUID(), subject: UUID().uuidString, on: db) }
        app.jobWorker.wake(app)
        await app.jobWorker.waitUntilIdle()
        let failed = try await platform { db in try await Job.query(on: db).first()! }
        XCTAssertEqual(failed.jobState, .failed, "a forecast for a tenant that does not exist is not worth trying again")
        XCTAssertEqual(failed.attempts, 1)

        let commissioner = try await signedIn(DemoPeople.commissioner)
        let asCommissioner = try await commissioner.get("/admin/jobs").status
        XCTAssertEqual(asCommissioner, .forbidden)
        let anonymous = try await Browser(app: app).get("/admin/jobs").status
        XCTAssertEqual(anonymous, .seeOther, "sign in first")
        let console = try await signedIn(DemoPeople.operatorEmail)
        let page = try await console.get("/admin/jobs")
        XCTAssertEqual(page.status, .ok)
        let html = page.body.string
        XCTAssertTrue(html.contains("Forecast"))
        XCTAssertTrue(html.contains("Failed"))
        XCTAssertTrue(html.contains("the job names a tenant, scenario or day that does not exist"), "with the reason")
        XCTAssertTrue(html.contains("/admin/jobs/\(failed.id!.uuidString)/retry"))
        let retried = try await console.post("/admin/jobs/\(failed.id!.uuidString)/retry", form: [:])
        XCTAssertEqual(retried.status, .seeOther)
        await app.jobWorker.waitUntilIdle()
        let after = try await job(failed.id!)
        XCTAssertEqual(after.attempts, 1, "tried again from nothing")
        XCTAssertEqual(after.jobState, .failed)
        let audited = try await auditActions().contains("job.retried")
        XCTAssertTrue(audited)
    }
}

/// A failing email is tried again after a back-off, then left for an operator, who sees why
/// and can send it again.
final class OutboxRetryTests: AppTestCase {
    func testAFailingEmailIsRetriedThenReportedAndAnOperatorCanSendItAgain() async throws {
        var config = app.waymark
        config.smtpURL = "smtp://127.0.0.1:1"   // nothing listens there: every send fails
        app.waymark = config
        let email = try await platform { db in
            let tenantID = try await Tenant.query(on: db).first()!.id!
            try await OutboxEmail.query(on: db).delete()
            let email = OutboxEmail(tenantID: tenantID, personID: nil, to: "partner@example.org", subject: "Waymark: a test",
                                    body: "Hello", at: SecurityClock.now())
            try await email.create(on: db)
            return email.id!
        }
        func row() async throws -> OutboxEmail { try await platform { db in try await OutboxEmail.find(email, on: db)! } }

        try await OutboxDelivery.deliverPending(app)
        var sent = try await row()
        XCTAssertEqual(sent.attempts, 1)
        XCTAssertNil(sent.sentAt)
        XCTAssertNotNil(sent.lastError)
        XCTAssertGreaterThan(sent.nextAttemptAt ?? .distantPast, SecurityClock.now().addingTimeInterval(50), "a minute's back-off")
        try await OutboxDelivery.deliverPending(app)
        let attemptsSoSoon = try await row().attempts
        XCTAssertEqual(attemptsSoSoon, 1, "not tried again before its back-off")

        for _ in 2...OutboxDelivery.maxAttempts + 1 {
            try await platform { db in
                let waiting = try await OutboxEmail.find(email, on: db)!
                waiting.nextAttemptAt = SecurityClock.now().addingTimeInterval(-1)
                try await waiting.save(on: db)
            }
            try await OutboxDelivery.deliverPending(app)
        }
        sent = try await row()
        XCTAssertEqual(sent.attempts, OutboxDelivery.maxAttempts, "five tries, then no more")
        XCTAssertNil(sent.sentAt)

        let console = try await signedIn(DemoPeople.operatorEmail)
        let html = try await console.get("/admin/jobs").body.string
        XCTAssertTrue(html.contains("partner@example.org"))
        XCTAssertTrue(html.contains("Not tried again until you say so"))
        XCTAssertTrue(html.contains("/admin/emails/\(email.uuidString)/retry"))
        let again = try await console.post("/admin/emails/\(email.uuidString)/retry", form: [:])
        XCTAssertEqual(again.status, .seeOther)
        let after = try await console.get("/admin/jobs").body.string
        XCTAssertTrue(after.contains("The email will be sent with the next delivery"))
        sent = try await row()
        XCTAssertEqual(sent.attempts, 0)
        XCTAssertNil(sent.nextAttemptAt, "sent with the next delivery")
    }
}

/// Behind a load balancer the throttle counts the client's address, not the balancer's.
final class ClientAddressTests: XCTestCase {
    func testOnlyATrustedProxysForwardedForIsBelieved() {
        let proxy: Set<String> = ["10.0.0.5"]
        XCTAssertEqual(ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["198.51.100.1"], trusted: proxy), "203.0.113.9",
                       "anyone else's X-Forwarded-For is ignored")
        XCTAssertEqual(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["198.51.100.1"], trusted: proxy), "198.51.100.1")
        XCTAssertEqual(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["1.2.3.4, 198.51.100.1"], trusted: proxy), "198.51.100.1",
                       "the client may write the first entries; the last one the proxy added is the address")
        XCTAssertEqual(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: ["198.51.100.1, 10.0.0.6", "10.0.0.5"],
                                             trusted: ["10.0.0.5", "10.0.0.6"]), "198.51.100.1", "through two proxies")
        XCTAssertEqual(ClientAddress.resolve(peer: "10.0.0.5", forwardedFor: [], trusted: proxy), "10.0.0.5")
    }
}
