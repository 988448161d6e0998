import Fluent
import Vapor
import WaymarkDomain

/// Background work as operators see it: the jobs waiting, running and failed (with the
/// instance holding each and the reason it failed), the latest finished, and emails the
/// outbox could not send; each failed one can be tried again.
struct AdminJobsController: Sendable {
    static let shownFinished = 50

    struct Page: Encodable {
        struct JobLine: Encodable {
            let kind: String, about: String, state: String, stateTag: String, attempts: String
            let when: String, instance: String, error: String?, retryAction: String?
        }
        struct EmailLine: Encodable {
            let to: String, subject: String, created: String, attempts: String, nextTry: String, error: String
            let retryAction: String?
        }
        let unsettled: [JobLine]
        let finished: [JobLine]
        let emails: [EmailLine]
        let instance: String
    }

    func register(_ routes: OperatorRoutes) {
        routes.get(SiteMap.Admin.jobs, list)
        routes.post(SiteMap.Admin.jobRetry, retryJob)
        routes.post(SiteMap.Admin.emailRetry, retryEmail)
    }

    @Sendable func list(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let (unsettled, finished, emails, tenants) = try await req.platformDB { db in
            (try await Job.query(on: db).filter(\.$state ~~ [Job.State.waiting.rawValue, Job.State.running.rawValue, Job.State.failed.rawValue])
                .sort(\.$createdAt, .descending).limit(500).all(),
             try await Job.query(on: db).filter(\.$state == Job.State.finished.rawValue)
                .sort(\.$finishedAt, .descending).limit(Self.shownFinished).all(),
             try await OutboxEmail.query(on: db).filter(\.$sentAt == nil).filter(\.$attempts > 0)
                .sort(\.$createdAt, .descending).limit(500).all(),
             Dictionary(uniqueKeysWithValues: try await Tenant.query(on: db).all().map { ($0.id!, $0.name) }))
        }
        return try await AdminPage.render(req, "jobs", title: "Background work", Page(
            unsettled: unsettled.map { line($0, tenants) }, finished: finished.map { line($0, tenants) },
            emails: emails.map { email in
                let givenUp = email.attempts >= OutboxDelivery.maxAttempts
                return Page.EmailLine(
                    to: email.toAddress, subject: email.subject, created: London.format(email.createdAt),
                    attempts: "\(email.attempts) of \(OutboxDelivery.maxAttempts)",
                    nextTry: givenUp ? "Not tried again until you say so" : email.nextAttemptAt.map(London.format) ?? "Next delivery",
                    error: email.lastError ?? "", retryAction: givenUp ? SiteMap.Admin.emailRetry.path(email.id!.uuidString) : nil)
            },
            instance: req.application.jobWorker.instance))
    }

    private func line(_ job: Job, _ tenants: [UUID: String]) -> Page.JobLine {
        let state = job.jobState
        let when: String
        switch state {
        case .waiting: when = job.attempts > 0 ? "Tried again after \(London.format(job.runAfter))" : "Since \(London.format(job.createdAt))"
        case .running: when = "Since \(London.format(job.startedAt ?? job.createdAt))"
        case .finished, .failed: when = job.finishedAt.map(London.format) ?? ""
        }
        let tenant = job.tenantID.flatMap { tenants[$0] }
        let about = [tenant, job.jobKind == .dailyAlerts ? job.subject.flatMap { Day(iso: $0)?.display } : job.subject]
            .compactMap { $0 }.joined(separator: " · ")
        return Page.JobLine(
            kind: job.jobKind?.label ?? job.kind, about: about.isEmpty ? "All tenants" : about,
            state: state.rawValue.capitalized, stateTag: Self.tags[state] ?? "wm-tag--grey",
            attempts: "\(job.attempts) of \(job.maxAttempts)", when: when,
            instance: state == .running ? job.claimedBy ?? "" : "", error: job.lastError,
            retryAction: state == .failed ? SiteMap.Admin.jobRetry.path(job.id!.uuidString) : nil)
    }

    private static let tags: [Job.State: String] = [
        .waiting: "wm-tag--grey", .running: "wm-tag--watch", .finished: "wm-tag--secure", .failed: "wm-tag--unfunded",
    ]

    @Sendable func retryJob(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw WaymarkError.notFound }
        guard let failed = try await req.platformDB({ db in try await Job.find(id, on: db) }), failed.jobState == .failed else {
            return req.redirect(to: SiteMap.Admin.jobs.path(), flash: "That job is not failed, so there is nothing to try again.")
        }
        // The scenario first: once the job is waiting any instance may take it, and it must
        // find its scenario waiting too.
        try await ForecastRunner.requeueRecord(ofJob: id, app: req.application)
        let retried = try await req.platformDB { db in
            try await db.transaction { tx in
                guard try await JobQueue.retry(id, on: tx) else { return false }
                try await AuditLog.record(on: tx, tenantID: nil, actor: op.actor, action: "job.retried", entity: "job", entityID: id.uuidString)
                return true
            }
        }
        guard retried else { return req.redirect(to: SiteMap.Admin.jobs.path(), flash: "That job is not failed, so there is nothing to try again.") }
        req.application.jobWorker.wake(req.application)
        return req.redirect(to: SiteMap.Admin.jobs.path(), flash: "The job will be tried again.")
    }

    @Sendable func retryEmail(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else { throw WaymarkError.notFound }
        let retried = try await req.platformDB { db in
            try await db.transaction { tx -> Bool in
                guard let email = try await OutboxEmail.find(id, on: tx), email.sentAt == nil,
                      email.attempts >= OutboxDelivery.maxAttempts else { return false }
                email.attempts = 0
                email.nextAttemptAt = nil
                try await email.save(on: tx)
                try await AuditLog.record(on: tx, tenantID: nil, actor: op.actor, action: "email.retried", entity: "email", entityID: id.uuidString)
                return true
            }
        }
        return req.redirect(to: SiteMap.Admin.jobs.path(),
                            flash: retried ? "The email will be sent with the next delivery, within a minute." : "That email is not waiting on you.")
    }
}
