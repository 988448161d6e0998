import Fluent
import Foundation
import WaymarkDomain

/// Who hears about an alert: the tenant's commissioners always, and the partners whose
/// organisations fund the routes concerned now (for an ending grant: its funder's partners and
/// the partners funding the routes it leaves at risk). A funder whose money for a route ended
/// more than `recentlyEndedDays` before the run is not one of them: history imported or a demo
/// carried on never emails the funders of long-finished grants.
struct AlertRecipients: Sendable {
    static let recentlyEndedDays = 30

    let commissioners: [Person]
    /// Partner people by the organisation they are a partner in.
    let partnersByOrganisation: [UUID: [Person]]
    /// The organisations funding each route: allocations running on the run's day, ahead of
    /// it, or ended within `recentlyEndedDays` of it.
    let fundersByRoute: [UUID: Set<UUID>]
    let funderBySource: [UUID: UUID]
    let routesAtRiskBySource: [UUID: [UUID]]
    let routeCodes: [UUID: String]
    let slug: String

    static func load(_ context: TenantContext, data: DashboardData) async throws -> AlertRecipients {
        let memberships = try await context.query(Membership.self).all()
        let people = Dictionary(uniqueKeysWithValues: try await Person.query(on: context.db)
            .filter(\.$id ~~ Array(Set(memberships.map(\.personID)))).all().map { ($0.id!, $0) })
        let commissioners = Set(memberships.filter { $0.role == Role.commissioner.rawValue }.map(\.personID))
        var partners: [UUID: [Person]] = [:]
        for membership in memberships where membership.role == Role.partner.rawValue {
            if let person = people[membership.personID] { partners[membership.organisationID, default: []].append(person) }
        }
        let sources = try await context.query(FundingSourceRecord.self).all()
        let funderBySource = Dictionary(uniqueKeysWithValues: sources.map { ($0.id!, $0.funderOrganisationID) })
        var fundersByRoute: [UUID: Set<UUID>] = [:]
        let stillConcerned = data.snapshot.asOf.adding(days: -recentlyEndedDays)
        for result in data.snapshot.results.values {
            for funded in result.coverage.allocations where funded.allocation.period.end >= stillConcerned {
                if let funder = funderBySource[funded.allocation.sourceID] { fundersByRoute[result.routeID, default: []].insert(funder) }
            }
        }
        var atRisk: [UUID: [UUID]] = [:]
        for grant in data.dashboard.endingGrants.flatMap(\.grants) { atRisk[grant.sourceID] = grant.routesLeftAtRisk.map(\.route.routeID) }
        return AlertRecipients(
            commissioners: commissioners.compactMap { people[$0] }.sorted { $0.email < $1.email },
            partnersByOrganisation: partners, fundersByRoute: fundersByRoute, funderBySource: funderBySource,
            routesAtRiskBySource: atRisk, routeCodes: data.routes.mapValues(\.code), slug: context.tenant.slug)
    }

    /// Each person once, commissioners first.
    func people(for event: FundingAlertEvent) -> [Person] {
        var organisations = Set<UUID>()
        switch event {
        case let .statusChanged(routeID, _, _):
            organisations = fundersByRoute[routeID] ?? []
        case let .grantEnding(sourceID, _, _):
            if let funder = funderBySource[sourceID] { organisations.insert(funder) }
            for routeID in routesAtRiskBySource[sourceID] ?? [] { organisations.formUnion(fundersByRoute[routeID] ?? []) }
        }
        let partners = organisations.sorted { $0.uuidString < $1.uuidString }.flatMap { partnersByOrganisation[$0] ?? [] }
        var seen = Set<UUID>()
        return (commissioners + partners.sorted { $0.email < $1.email }).filter { seen.insert($0.id!).inserted }
    }

    func link(for event: FundingAlertEvent, asOf: Day) -> String {
        switch event {
        case let .statusChanged(routeID, _, _):
            SiteMap.Tenant.route.path(slug, routeCodes[routeID] ?? "", query: [("as_of", "\(asOf.iso)")])
        case .grantEnding:
            SiteMap.Tenant.dashboard.path(slug, query: [("as_of", "\(asOf.iso)")])
        }
    }
}
