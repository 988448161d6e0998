import Fluent
import NIO
import Vapor
import WaymarkDomain

/// The funding alerts and the monthly-return reminders for every tenant as of a day, then
/// delivery of the outbox. Safe to run any number of times: what was alerted is recorded, so
/// a rerun sends nothing new.
enum FundingAlertsJob {
    /// `keepGoing` is asked before each tenant and before delivery: a job handed back on
    /// stopping stops there (the run is safe to repeat, so whoever takes it next loses nothing).
    static func run(_ app: Application, asOf: Day,
                    keepGoing: @Sendable () -> Bool = { true }) async throws -> [(tenant: String, summary: FundingAlertRun.Summary)] {
        let tenants = try await app.platformDB { db in try await Tenant.query(on: db).sort(\.$slug).all() }
        var results: [(String, FundingAlertRun.Summary)] = []
        for tenant in tenants {
            guard keepGoing() else { return results }
            // One tenant's failure (say, a clash with a run already under way) must not stop
            // the others' alerts or the delivery of the outbox.
            do {
                let summary = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
                    try await FundingAlertRun.run(.system(tenant: tenant, db: db, job: "alerts@waymark"), asOf: asOf,
                                                 siteURL: app.waymark.publicURL)
                }
                results.append((tenant.slug, summary))
                let reminders = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
                    try await ReturnReminderRun.run(.system(tenant: tenant, db: db, job: "alerts@waymark"), asOf: asOf,
                                                    siteURL: app.waymark.publicURL)
                }
                let deadlines = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
                    try await DeadlineReminderRun.run(.system(tenant: tenant, db: db, job: "alerts@waymark"), asOf: asOf,
                                                      siteURL: app.waymark.publicURL)
                }
                let digests = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
                    try await DigestRun.run(.system(tenant: tenant, db: db, job: "alerts@waymark"), asOf: asOf, siteURL: app.waymark.publicURL)
                }
                if digests > 0 { app.logger.notice("Weekly digests", metadata: ["tenant": .string(tenant.slug), "emails": "\(digests)"]) }
                if deadlines > 0 {
                    app.logger.notice("Bid deadline reminders", metadata: ["tenant": .string(tenant.slug), "messages": "\(deadlines)"])
                }
                if reminders > 0 {
                    app.logger.notice("Monthly return reminders", metadata: ["tenant": .string(tenant.slug), "messages": "\(reminders)"])
                }
            } catch {
                app.logger.error("Funding alerts failed for a tenant",
                                 metadata: ["tenant": .string(tenant.slug), "error": .string(String(describing: error))])
            }
        }
        guard keepGoing() else { return results }
        try await OutboxDelivery.deliverPending(app)
        return results
    }
}

/// The daily run as a job (`JobQueue`): added once per London day at the configured time
/// (`JobWorker.addDailyRunIfDue`), run by whichever instance claims it, as of its day.
enum DailyAlertsJob {
    static func key(_ day: Day) -> String { "daily-alerts:\(day.iso)" }

    static func perform(_ claim: JobQueue.Claim, app: Application, worker: JobWorker) async {
        guard let day = claim.subject.flatMap(Day.init(iso:)) else {
            await JobWorker.settleFailure(claim, JobQueue.Unusable(), retry: false, app: app)
            return
        }
        do {
            let results = try await FundingAlertsJob.run(app, asOf: day, keepGoing: { worker.stillHolds(claim.id) })
            guard worker.stillHolds(claim.id) else { return }
            for (tenant, summary) in results where summary.events > 0 {
                app.logger.notice("Funding alerts", metadata: ["tenant": .string(tenant), "events": "\(summary.events)",
                                                               "messages": "\(summary.messages)"])
            }
            _ = try await app.platformDB { db in try await JobQueue.finish(claim, on: db) }
        } catch {
            guard worker.stillHolds(claim.id) else { return }
            await JobWorker.settleFailure(claim, error, retry: true, app: app)
        }
    }
}

/// `waymark alerts run [--as-of YYYY-MM-DD]`.
struct AlertsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "run")
        var action: String
        @Option(name: "as-of", help: "The day to run as, YYYY-MM-DD (default: today in London)")
        var asOf: String?
    }
    var help: String { "Find funding status changes and ending grants, and alert the people concerned" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "run" else { throw CommandError.custom("Unknown action '\(signature.action)'. Use: waymark alerts run") }
        let asOf: Day
        if let text = signature.asOf {
            guard let day = Day(entered: text) else { throw CommandError.custom("--as-of must be a date from 1900 to 2199 written as YYYY-MM-DD; '\(text)' is not") }
            asOf = day
        } else {
            asOf = AppClock.shared.today
        }
        try await Waymark.migrate(context.application)
        for (tenant, summary) in try await FundingAlertsJob.run(context.application, asOf: asOf) {
            context.console.print("\(tenant): \(summary.events) alert\(summary.events == 1 ? "" : "s") as of \(asOf.display), \(summary.messages) inbox message\(summary.messages == 1 ? "" : "s") and \(summary.emails) email\(summary.emails == 1 ? "" : "s") written.")
        }
    }
}
