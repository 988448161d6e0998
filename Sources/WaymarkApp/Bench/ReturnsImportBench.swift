import Fluent
import Foundation
import WaymarkDomain

/// `waymark bench returns`: a year of monthly returns for 1,000 routes — 100 contracts of 10
/// routes, 12 months, 12,000 lines — imported from one CSV through the commissioner's bulk
/// import, exactly as the Import data page's confirm button does it: read the file, load
/// what it is checked against, check every line, and write every return, version and audit
/// entry in one transaction. Each timed run starts from no returns.
enum ReturnsImportBench {
    static let contractCount = 100
    static let year = DayRange(start: Day(2023, 9, 1), end: Day(2024, 8, 31))!

    struct Timing {
        let read: Double; let load: Double; let check: Double; let write: Double
        var total: Double { read + load + check + write }
    }

    /// The generated tenant's contracts (made once) and the CSV of their year of returns.
    static func prepare(_ context: TenantContext) async throws -> Data {
        if try await context.query(ContractRecord.self).count() == 0 {
            try await makeContracts(context, count: contractCount, routesEach: 10, period: year)
        }
        return try await csv(context)
    }

    /// `count` contracts of `routesEach` of the tenant's routes (in code order) over `period`,
    /// all with one made-up provider, written straight to the database.
    static func makeContracts(_ context: TenantContext, count: Int, routesEach: Int, period: DayRange) async throws {
        let routes = try await context.query(Route.self).sort(\.$code).all()
        let provider = Organisation(tenantID: context.tenantID, name: "Bench Youth Trust", kind: .provider)
        try await provider.create(on: context.db)
        let records = try stride(from: 0, to: min(routes.count, count * routesEach), by: routesEach).map { first -> ContractRecord in
            let group = routes[first..<min(first + routesEach, routes.count)]
            let contract = Contract(providerOrganisationID: provider.id!, value: Money(pounds: Int64(group.count) * 40_000),
                                    start: period.start, end: period.end,
                                    routes: group.map { RouteValue(routeID: $0.id!, value: Money(pounds: 40_000)) })
            return try ContractRecord(tenantID: context.tenantID, reference: String(format: "BENCH-%04d", first / routesEach + 1),
                                      title: "Bench contract", contract: contract, createdBy: "bench@waymark", at: context.now)
        }
        for chunk in records.chunked(500) { try await chunk.create(on: context.db) }
    }

    /// A return for every month of every contract of the tenant, as one CSV for the bulk import.
    static func csv(_ context: TenantContext) async throws -> Data {
        TabularWriter.csv(headers: header, rows: try await lines(context))
    }

    /// The lines of that CSV.
    static func lines(_ context: TenantContext) async throws -> [[String]] {
        let routes = try await context.query(Route.self).sort(\.$code).all()
        let schedules = try await RouteSchedules.build(context, routes: routes)
        let contracts = try await ContractQueries.all(context)
        let codes = Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0.code) })
        var random = SeededRandom(seed: 12_000)
        var rows: [[String]] = []
        for loaded in contracts {
            for month in ReturnExpectation.months(of: loaded.contract.current) {
                let expected = ReturnExpectation.of(loaded.contract.current, month: month, codes: codes) { routeID, range in
                    schedules[routeID].map { $0.indexes(in: range).count } ?? 0
                }
                for (index, route) in expected.routes.enumerated() {
                    let planned = route.schoolDays * RouteReturnLine.sessionsPerSchoolDay
                    let delivered = max(planned - Int.random(in: 0...2, using: &random), 0)
                    let incidents = Int.random(in: 0...4, using: &random)
                    var cells = [loaded.record.reference, month.description, route.code, String(route.schoolDays), String(planned),
                                 String(Double(delivered) * 1.5), String(delivered), String(Int.random(in: 40...200, using: &random)),
                                 String(incidents)]
                    cells += Array(repeating: "0", count: 4)                        // other incident types
                    cells += [String(min(incidents, Int.random(in: 0...4, using: &random)))]  // de-escalated
                    cells += Array(repeating: "0", count: 6)                        // safeguarding, referrals
                    cells += ["1", "3", "2", "2", index == 0 ? "A steady month on every route." : ""]
                    rows.append(cells)
                }
            }
        }
        return rows
    }

    static let header = ["contract_reference", "month", "route_code", "school_days", "sessions_planned", "chaperone_hours",
                         "sessions_delivered", "young_people_engaged", "incidents_violence", "incidents_bullying",
                         "incidents_anti_social_behaviour", "incidents_weapons", "incidents_other", "incidents_de_escalated",
                         "safeguarding_concerns", "referrals_mental_health", "referrals_food_and_clothing",
                         "referrals_diversionary_activity", "referrals_mentoring", "referrals_other", "police_contacts",
                         "school_contacts", "staff_on_route", "staff_checks_in_date", "narrative"]

    /// One timed import of `csv`, after clearing the returns a previous run wrote.
    static func run(_ context: TenantContext, csv: Data) async throws -> (Timing, lines: Int, returns: Int) {
        try await context.query(ReturnVersionRecord.self).delete()
        try await context.query(MonthlyReturnRecord.self).delete()
        let started = ContinuousClock.now
        let table = try TabularReader.read(csv, format: .csv)
        let read = ContinuousClock.now
        var loaded = read, checked = read
        let planned = try await context.transaction { tx -> Int in
            let reference = try await ReturnsImport.reference(tx)
            loaded = ContinuousClock.now
            switch ReturnsImport.plan(table, reference) {
            case .failure(let rejected):
                throw BenchFailure(message: "the generated file was refused: \(rejected.issues.prefix(3).map(\.message))")
            case .success((let plans, _)):
                checked = ContinuousClock.now
                try await ReturnsImport.apply(plans, tx)
                return plans.count
            }
        }
        let written = ContinuousClock.now
        let ms = BenchCommand.millis
        return (Timing(read: ms(started, read), load: ms(read, loaded), check: ms(loaded, checked), write: ms(checked, written)),
                table.rows.count, planned)
    }

    struct BenchFailure: Error, CustomStringConvertible { let message: String; var description: String { message } }
}
