import Fluent
import NIO
import Vapor
import WaymarkDomain

/// The funding alerts and the monthly-return reminders for every tenant as of a day, then
/// delivery of the outbox. Safe to run any number of times: what was alerted is recorded, so
/// a rerun sends nothing new.
enum FundingAlertsJob {
    static func run(_ app: Application, asOf: Day) async throws -> [(tenant: String, summary: FundingAlertRun.Summary)] {
        let tenants = try await app.platformDB { db in try await Tenant.query(on: db).sort(\.$slug).all() }
        var results: [(String, FundingAlertRun.Summary)] = []
        for tenant in tenants {
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
        try await OutboxDelivery.deliverPending(app)
        return results
    }
}

/// Runs the job inside the server: shortly after start, then every day, as of today in London.
enum FundingAlertsScheduler {
    static func start(_ app: Application) {
        guard app.waymark.alertsJobEnabled else { return }
        app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .seconds(30), delay: .hours(24)) { _ in
            let promise = app.eventLoopGroup.next().makePromise(of: Void.self)
            promise.completeWithTask {
                do {
                    let results = try await FundingAlertsJob.run(app, asOf: AppClock.shared.today)
                    for (tenant, summary) in results where summary.events > 0 {
                        app.logger.notice("Funding alerts", metadata: ["tenant": .string(tenant), "events": "\(summary.events)",
                                                                       "messages": "\(summary.messages)"])
                    }
                } catch {
                    app.logger.error("Funding alerts failed", metadata: ["error": .string(String(describing: error))])
                }
            }
            return promise.futureResult
        }
    }
}

/// Sends what the outbox holds every minute: workflow notices are written as they happen, and
/// nobody should wait a day for "your return was queried".
enum OutboxScheduler {
    static let interval: NIO.TimeAmount = .seconds(60)

    static func start(_ app: Application) {
        guard app.waymark.alertsJobEnabled else { return }
        app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: interval, delay: interval) { _ in
            let promise = app.eventLoopGroup.next().makePromise(of: Void.self)
            promise.completeWithTask {
                do { try await OutboxDelivery.deliverPending(app) } catch {
                    app.logger.error("Outbox delivery failed", metadata: ["error": .string(String(describing: error))])
                }
            }
            return promise.futureResult
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
