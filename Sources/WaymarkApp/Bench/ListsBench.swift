import Fluent
import Foundation
import NIOCore
import Vapor
import WaymarkDomain

/// `waymark bench lists`: the long lists of a generated tenant with years of returns — 1,000
/// contracts of one route each over 30 months, so 30,000 monthly returns imported through the
/// bulk import — each asked for as a signed-in commissioner through the whole application
/// (sessions, tenant, page and render), first page then last page, and a CSV whole.
enum ListsBench {
    static let slug = "lists-bench"
    static let contracts = 1_000
    static let period = DayRange(start: Day(2022, 9, 1), end: Day(2025, 2, 28))!
    static let commissionerEmail = "lists-bench@waymark.example"

    /// Makes the tenant once: routes, sources and allocations as the dashboard's, then the
    /// contracts, then their returns through the bulk import, a file of 10,000 lines at a time.
    static func prepare(_ app: Application, console: any Console) async throws -> Tenant {
        if let tenant = try await app.platformDB({ db in try await Tenant.query(on: db).filter(\.$slug == slug).first() }) {
            return tenant
        }
        let started = ContinuousClock.now
        let tenant = try await app.platformDB { db in try await GeneratedTenant.create(on: db, slug: slug) }
        try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
            let system = TenantContext.system(tenant: tenant, db: db, job: "bench@waymark")
            try await ReturnsImportBench.makeContracts(system, count: contracts, routesEach: 1, period: period)
            // In files of 10,000 lines: the import takes at most 20,000 a file, as a person's would.
            for lines in try await ReturnsImportBench.lines(system).chunked(10_000) {
                let table = try TabularReader.read(TabularWriter.csv(headers: ReturnsImportBench.header, rows: Array(lines)), format: .csv)
                try await system.transaction { tx in
                    guard case .success((let plans, _)) = ReturnsImport.plan(table, try await ReturnsImport.reference(tx)) else {
                        throw ReturnsImportBench.BenchFailure(message: "the generated returns were refused")
                    }
                    try await ReturnsImport.apply(plans, tx)
                }
            }
        }
        let returns = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
            try await MonthlyReturnRecord.query(on: db).filter(\.$tenantID == tenant.id!).count()
        }
        console.print("Generated \(slug): 1,000 routes, \(Wording.grouped(contracts)) contracts, \(Wording.grouped(returns)) returns "
                      + "in \(BenchCommand.ms(since: started)) ms.")
        return tenant
    }

    /// A commissioner of the tenant, signed in: the session cookie to send.
    static func signIn(_ app: Application, tenant: Tenant, email: String = commissionerEmail) async throws -> String {
        let token = SecretToken.make()
        try await app.platformDB { db in
            let person: Person
            if let found = try await Person.query(on: db).filter(\.$email == email).first() {
                person = found
            } else {
                person = Person(name: "Bench Commissioner", email: email, passwordHash: "")
                try await person.create(on: db)
                let organisation = Organisation(tenantID: tenant.id!, name: "Bench Partnership", kind: .commissioner)
                try await organisation.create(on: db)
                try await Membership(tenantID: tenant.id!, personID: person.id!, organisationID: organisation.id!, role: .commissioner).create(on: db)
            }
            let session = WebSession()
            session.tokenHash = SecretToken.hash(token)
            session.personID = person.id
            session.csrfToken = SecretToken.make()
            session.createdAt = SecurityClock.now()
            session.lastSeenAt = session.createdAt
            session.expiresAt = session.createdAt.addingTimeInterval(3600)
            try await session.create(on: db)
        }
        return "\(SessionCookie.name(app.waymark))=\(token)"
    }

    /// One GET through the whole application, as a browser's would be; the body's size.
    static func get(_ app: Application, _ path: String, cookie: String) async throws -> Int {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: cookie)
        let request = Request(application: app, method: .GET, url: URI(string: path), headers: headers,
                              on: app.eventLoopGroup.next())
        let response = try await app.responder.respond(to: request).get()
        guard response.status == .ok else { throw ReturnsImportBench.BenchFailure(message: "\(path) answered \(response.status.code)") }
        return try await response.body.collect(on: app.eventLoopGroup.next()).get()?.readableBytes ?? 0
    }

    /// Median of `runs` timed GETs of `path`, after one warm-up.
    static func time(_ app: Application, _ path: String, cookie: String, runs: Int) async throws -> Double {
        _ = try await get(app, path, cookie: cookie)
        var times: [Double] = []
        for _ in 0..<runs {
            let started = ContinuousClock.now
            _ = try await get(app, path, cookie: cookie)
            times.append(BenchCommand.millis(from: started, to: .now))
        }
        return times.sorted()[times.count / 2]
    }

    /// Where the returns list's time goes, as medians: its contracts read as on the day, every
    /// return's state as it stood then, and the rows worked out from both (which includes the two).
    static func returnsSplit(_ app: Application, tenant: Tenant, runs: Int, console: any Console) async throws {
        var contracts: [Double] = [], states: [Double] = [], rows: [Double] = []
        for run in 0...runs {
            let split = try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
                let system = TenantContext.system(tenant: tenant, db: db, job: "bench@waymark")
                let reading = Reading.asOf(system.today)
                let started = ContinuousClock.now
                let loaded = try await ContractQueries.all(system, in: reading)
                let read = ContinuousClock.now
                _ = try await ReturnStates.read(system, contractIDs: Set(loaded.map(\.id)), in: reading)
                let stated = ContinuousClock.now
                _ = try await ReturnsList.rows(system, reading: reading)
                return (BenchCommand.millis(from: started, to: read), BenchCommand.millis(from: read, to: stated),
                        BenchCommand.millis(from: stated, to: .now))
            }
            guard run > 0 else { continue }   // a warm-up first
            contracts.append(split.0)
            states.append(split.1)
            rows.append(split.2)
        }
        let median = { (times: [Double]) in times.sorted()[times.count / 2] }
        console.print(String(format: "The returns list's rows: contracts %.0f ms, returns' states %.0f ms; all the rows %.0f ms.",
                             median(contracts), median(states), median(rows)))
    }

    static func run(_ app: Application, runs: Int, console: any Console) async throws {
        let tenant = try await prepare(app, console: console)
        let cookie = try await signIn(app, tenant: tenant)
        let lists: [PathTemplate] = [SiteMap.Tenant.returns, SiteMap.Tenant.payments, SiteMap.Tenant.contracts, SiteMap.Tenant.routes,
                                     SiteMap.Tenant.fundingSources, SiteMap.Tenant.pledges, SiteMap.Tenant.inbox, SiteMap.Tenant.audit]
        func padded(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
        console.print(padded("list", 30) + padded("first page", 14) + "last page")
        for list in lists {
            let path = list.path(slug)
            // The pager shows the last page to an address asking past it.
            let first = try await time(app, path, cookie: cookie, runs: runs)
            let last = try await time(app, path + "?page=\(Pager.lastPossiblePage)", cookie: cookie, runs: runs)
            console.print(padded(path, 30) + padded(String(format: "%.0f ms", first), 14) + String(format: "%.0f ms", last))
        }
        try await returnsSplit(app, tenant: tenant, runs: runs, console: console)
        let csvStarted = ContinuousClock.now
        let csv = SiteMap.Tenant.routesCSV.path(slug)
        let size = try await get(app, csv, cookie: cookie)
        console.print(String(format: "%@: %d KB in %.0f ms (the whole list)", csv, size / 1024,
                             BenchCommand.millis(from: csvStarted, to: .now)))
        console.print("Medians of \(runs) runs each after a warm-up; requirement: first and last page of 30,000 returns under 300 ms.")
    }
}
