import Fluent
import Foundation
import Leaf
import SQLKit
import Vapor
import WaymarkDomain

/// `waymark bench dashboard [--runs N] [--as-of YYYY-MM-DD]`: times the funding dashboard
/// of a generated 1,000-route tenant — loading records, both coverage walks of every route,
/// the dashboard's figures and rendering the page — in this process, the work a request
/// does after its session is checked. Run it through `ops/bench dashboard`, which uses a
/// throwaway database and a release build.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "what", help: "dashboard, returns or lists")
        var what: String
        @Option(name: "runs", help: "Timed runs (default 10)")
        var runs: Int?
        @Option(name: "as-of", help: "The dashboard's date (default 2024-02-01)")
        var asOf: String?
    }
    var help: String {
        "Time the funding dashboard, a year of monthly returns imported, or the long lists, on a generated 1,000-route tenant"
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard ["dashboard", "returns", "lists"].contains(signature.what) else {
            throw CommandError.custom("Use: waymark bench dashboard|returns|lists")
        }
        let app = context.application
        guard let asOf = Day(entered: signature.asOf ?? "2024-02-01") else { throw CommandError.custom("--as-of must be YYYY-MM-DD") }
        try await Waymark.migrate(app)
        _ = try await DemoSeeder.seedIfEmpty(app)
        if signature.what == "lists" {
            try await ListsBench.run(app, runs: signature.runs ?? 5, console: context.console)
            return
        }
        var tenant = try await app.platformDB { db in try await Tenant.query(on: db).filter(\.$slug == GeneratedTenant.slug).first() }
        if tenant == nil {
            let started = ContinuousClock.now
            tenant = try await app.platformDB { db in try await GeneratedTenant.create(on: db) }
            context.console.print("Generated \(GeneratedTenant.slug) (1,000 routes, 200 sources, 10,000 allocations) in \(Self.ms(since: started)) ms.")
        }
        guard let tenant else { return }
        if signature.what == "returns" {
            try await returns(app, tenant: tenant, runs: signature.runs ?? 5, console: context.console)
            return
        }
        var times: [Double] = [], loads: [Double] = [], renders: [Double] = []
        var summary = ""
        for run in 0..<((signature.runs ?? 10) + 2) {
            let started = ContinuousClock.now
            let html = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
                let system = TenantContext.system(tenant: tenant, db: db, job: "bench@waymark")
                let data = try await DashboardData.load(system, asOf: asOf)
                let loaded = ContinuousClock.now
                let page = DashboardPage(data, context: system, linkableSources: [])
                let body = try await app.leaf.renderer.render(path: "funding/dashboard", context: page).get()
                return (String(buffer: body), data.dashboard.routeCounts, loaded)
            }
            if run >= 2 {   // two warm-ups
                times.append(Self.millis(from: started, to: .now))
                loads.append(Self.millis(from: started, to: html.2))
                renders.append(Self.millis(from: html.2, to: .now))
            }
            summary = RouteStatus.allCases.map { "\($0.displayName.lowercased()) \(html.1[$0] ?? 0)" }.joined(separator: ", ")
        }
        times.sort(); loads.sort(); renders.sort()
        context.console.print("Dashboard of 1,000 routes as of \(asOf.display): \(summary).")
        context.console.print(String(format: "Median split: records, coverage and figures %.0f ms; page %.0f ms.",
                                     loads[loads.count / 2], renders[renders.count / 2]))
        context.console.print(String(format: "%d runs: best %.0f ms, median %.0f ms, worst %.0f ms.",
                                     times.count, times.first ?? 0, times[times.count / 2], times.last ?? 0))
        // The same page asked for as a browser would, through the whole application: session,
        // tenant, the page's own extra reads (the sources one may open, what the answer lacks) and layout.
        let cookie = try await ListsBench.signIn(app, tenant: tenant, email: "dashboard-bench@waymark.example")
        let whole = try await ListsBench.time(app, SiteMap.Tenant.dashboard.path(tenant.slug, query: [("as_of", asOf.iso)]),
                                              cookie: cookie, runs: signature.runs ?? 10)
        context.console.print(String(format: "The whole request, signed in as a commissioner: median %.0f ms (requirement: under 100 ms).", whole))
    }

    /// Benchmarks time with a monotonic stopwatch, never the application's calendar clock.
    static func millis(from start: ContinuousClock.Instant, to end: ContinuousClock.Instant) -> Double {
        (end - start) / .milliseconds(1)
    }

    static func ms(since start: ContinuousClock.Instant) -> Int { Int(millis(from: start, to: .now)) }

    /// The returns import, timed `runs` times after one warm-up.
    private func returns(_ app: Application, tenant: Tenant, runs: Int, console: any Console) async throws {
        let system = { (db: any Database) in TenantContext.system(tenant: tenant, db: db, job: "bench@waymark") }
        let csv = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in try await ReturnsImportBench.prepare(system(db)) }
        var timings: [ReturnsImportBench.Timing] = []
        var counts = (lines: 0, returns: 0)
        for run in 0..<(runs + 1) {
            let result = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in try await ReturnsImportBench.run(system(db), csv: csv) }
            counts = (result.lines, result.returns)
            if run >= 1 { timings.append(result.0) }
        }
        timings.sort { $0.total < $1.total }
        let median = timings[timings.count / 2]
        console.print("Imported \(counts.lines) lines as \(counts.returns) returns (\(csv.count / 1024) KB of CSV), database \((app.db as? any SQLDatabase)?.dialect.name ?? "unknown").")
        console.print(String(format: "Median split: read the file %.0f ms, load what it is checked against %.0f ms, check %.0f ms, write %.0f ms.",
                             median.read, median.load, median.check, median.write))
        console.print(String(format: "%d runs: best %.0f ms, median %.0f ms, worst %.0f ms (requirement: under 5,000 ms).",
                             timings.count, timings.first?.total ?? 0, median.total, timings.last?.total ?? 0))
    }
}
