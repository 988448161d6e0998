import Fluent
import Vapor
import WaymarkDomain

/// Gathers what `SetUpChecklist` judges, from the whole tenant (the checklist is the
/// commissioner's, who sees everything), in one query per kind of record.
enum SetUpFacts {
    static func load(_ context: TenantContext, today: Day) async throws -> SetUpChecklist.Facts {
        let authorities = try await context.query(LocalAuthority.self).sort(\.$name).all()
        let routes = try await context.query(Route.self).all()
        let costed = Set(try await CoverageRecords.costEntries(context).keys)
        let contracts = try await ContractQueries.contracts(context)
        // Each contract's own routes, not every route against every contract: a partnership has
        // a thousand of each.
        var delivered = Set<UUID>()
        for terms in contracts.map(\.current) {
            for route in terms.routes where (terms.servicePeriod(ofRoute: route.routeID)?.end).map({ $0 >= today }) ?? false {
                delivered.insert(route.routeID)
            }
        }
        let memberships = try await context.query(Membership.self).all()
        var people: [Role: Set<UUID>] = [:]
        for membership in memberships {
            if let role = Role(rawValue: membership.role) { people[role, default: []].insert(membership.personID) }
        }
        return SetUpChecklist.Facts(
            today: today, authorities: try await checklistAuthorities(context, authorities, routes: routes),
            routes: routes.count,
            routesWithoutCost: routes.filter { !costed.contains($0.id!) }.map(\.code).sorted(),
            fundingSources: try await context.query(FundingSourceRecord.self).count(),
            allocations: try await context.query(AllocationRecord.self).count(),
            contracts: contracts.count,
            routesWithoutContract: routes.filter { $0.routeStatus == .active && !delivered.contains($0.id!) }.map(\.code).sorted(),
            peopleByRole: people.mapValues(\.count))
    }

    /// Each authority with the last day its calendar speaks for (the end of its latest
    /// academic year) and how many of `routes` run in it.
    static func checklistAuthorities(_ context: TenantContext, _ authorities: [LocalAuthority],
                                     routes: [Route]) async throws -> [SetUpChecklist.Authority] {
        let periods = try await CoverageRecords.termPeriods(context)
        var lastYear: [UUID: AcademicYear] = [:]
        for period in periods {
            guard let year = AcademicYear(label: period.academicYear) else { continue }
            if lastYear[period.calendarID].map({ $0 < year }) ?? true { lastYear[period.calendarID] = year }
        }
        return authorities.map { authority in
            SetUpChecklist.Authority(name: authority.name, calendarRunsTo: authority.calendarID.flatMap { lastYear[$0] }?.range.end,
                                     routes: routes.filter { $0.localAuthorityID == authority.id }.count)
        }
    }
}
