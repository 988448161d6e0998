import Fluent
import Foundation
import WaymarkDomain

/// A made-up national tenant for timing the pages at scale: 1,000 routes over 20 local
/// authorities (using the demo's term calendars), 200 funding sources of every status and
/// 10,000 allocations. Deterministic from its seed; written straight to the database.
enum GeneratedTenant {
    static let slug = "national-bench"

    static func create(on db: any Database, slug: String = GeneratedTenant.slug, routes routeCount: Int = 1_000,
                       sources sourceCount: Int = 200, allocationsPerRoute: Int = 10, seed: UInt64 = 2024) async throws -> Tenant {
        var random = SeededRandom(seed: seed)
        let tenant = Tenant(slug: slug, name: "National benchmark partnership")
        try await tenant.create(on: db)
        let tenantID = tenant.id!
        let calendars = try await copyDemoCalendars(to: tenantID, on: db)
        let authorities = (0..<20).map { n in
            LocalAuthority(tenantID: tenantID, name: "Authority \(n + 1)", gssCode: String(format: "E0990%04d", n), calendarID: calendars[n % calendars.count])
        }
        try await authorities.create(on: db)
        let funders = (0..<20).map { Organisation(tenantID: tenantID, name: "Funder \($0 + 1)", kind: .funder) }
        try await funders.create(on: db)

        let span = DayRange(start: Day(2022, 9, 1), end: Day(2025, 7, 22))!
        var routes: [Route] = []
        var costs: [RouteCostRecord] = []
        for n in 0..<routeCount {
            let route = Route()
            route.id = UUID()
            route.tenantID = tenantID
            route.code = String(format: "NAT-%04d", n + 1)
            route.name = "Generated route \(n + 1)"
            route.localAuthorityID = authorities[n % authorities.count].id!
            route.childrenPerDay = Int.random(in: 80...900, using: &random)
            route.status = Route.Status.active.rawValue
            route.startDay = span.start.iso
            let lat = 50.5 + Double.random(in: 0...4, using: &random), lon = -3.5 + Double.random(in: 0...4, using: &random)
            route.path = [GeoPoint(latitude: lat, longitude: lon), GeoPoint(latitude: lat + 0.01, longitude: lon + 0.01)]
            route.chaperonePoints = []
            route.version = 1
            routes.append(route)
            costs.append(RouteCostRecord(tenantID: tenantID, routeID: route.id!, effectiveFrom: "2020-01-01",
                                         chaperones: Int.random(in: 2...6, using: &random), minutesPerDay: 150,
                                         hourlyRatePence: 1_450, dailyManagementPence: Int64.random(in: 2_000...6_000, using: &random)))
        }
        for chunk in routes.chunked(500) { try await chunk.create(on: db) }
        for chunk in costs.chunked(1_000) { try await chunk.create(on: db) }

        let statuses: [FundingSource.Status] = [.prospective, .pledged, .confirmed, .confirmed, .received, .withdrawn]
        let heard = Date(timeIntervalSince1970: 1_640_995_200)   // 1 Jan 2022: known on every as-of date of interest
        var sources: [FundingSourceRecord] = []
        var changes: [FundingStatusChange] = []
        for n in 0..<sourceCount {
            let start = span.start.adding(days: Int.random(in: 0...400, using: &random))
            let end = min(start.adding(days: Int.random(in: 180...900, using: &random)), span.end)
            let status = statuses[Int.random(in: 0..<statuses.count, using: &random)]
            let source = FundingSourceRecord(tenantID: tenantID, funderOrganisationID: funders[n % funders.count].id!,
                                             programme: "Programme \(n + 1)", kind: FundingSource.Kind.allCases[n % 6],
                                             amount: Money(pounds: 10_000_000), period: DayRange(start: start, end: end)!, status: status)
            source.id = UUID()
            sources.append(source)
            changes.append(FundingStatusChange(tenantID: tenantID, sourceID: source.id!, from: nil, to: status, by: "generator", at: heard))
        }
        for chunk in sources.chunked(500) { try await chunk.create(on: db) }
        for chunk in changes.chunked(500) { try await chunk.create(on: db) }

        var allocations: [AllocationRecord] = []
        for route in routes {
            for _ in 0..<allocationsPerRoute {
                let source = sources[Int.random(in: 0..<sources.count, using: &random)]
                let period = source.period
                let days = period.dayCount
                let first = period.start.adding(days: Int.random(in: 0...(days / 2), using: &random))
                let last = min(first.adding(days: Int.random(in: 30...max(31, days), using: &random)), period.end)
                allocations.append(AllocationRecord(tenantID: tenantID, sourceID: source.id!, routeID: route.id!,
                                                    amount: Money(pence: Int64.random(in: 500_000...5_000_000, using: &random)),
                                                    period: DayRange(start: first, end: last)!, enteredAt: heard))
            }
        }
        for chunk in allocations.chunked(1_000) { try await chunk.create(on: db) }
        return tenant
    }

    /// The demo tenant's calendars, copied so the generated routes have real school days.
    private static func copyDemoCalendars(to tenantID: UUID, on db: any Database) async throws -> [UUID] {
        let records = try await TermCalendarRecord.query(on: db).filter(\.$tenantID != tenantID).all()
        let periods = try await TermPeriod.query(on: db).filter(\.$calendarID ~~ records.compactMap(\.id)).all()
        var ids: [UUID] = []
        for record in records {
            let copy = TermCalendarRecord(tenantID: tenantID, name: record.name)
            try await copy.create(on: db)
            ids.append(copy.id!)
            let copies = periods.filter { $0.calendarID == record.id }.map { period in
                TermPeriod(tenantID: tenantID, calendarID: copy.id!, academicYear: period.academicYear,
                           kind: TermPeriod.Kind(rawValue: period.kind) ?? .term, start: period.startDay, end: period.endDay)
            }
            for chunk in copies.chunked(500) { try await chunk.create(on: db) }
        }
        return ids
    }
}
