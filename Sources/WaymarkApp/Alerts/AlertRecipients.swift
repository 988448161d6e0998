import Fluent
import Foundation
import WaymarkDomain

/// What a funding alert concerns, as `NotificationRules` needs it: a route's local authority and
/// the organisations paying for it now, or a grant's funder. A funder whose money for a route
/// ended more than `recentlyEndedDays` before the run is no longer concerned: history imported
/// or a demo carried on never emails the funders of long-finished grants.
struct AlertRecipients: Sendable {
    static let recentlyEndedDays = 30

    /// The organisations funding each route: allocations running on the run's day, ahead of
    /// it, or ended within `recentlyEndedDays` of it.
    let fundersByRoute: [UUID: Set<UUID>]
    let funderBySource: [UUID: UUID]
    let authorityByRoute: [UUID: String]
    let routeCodes: [UUID: String]
    let slug: String

    static func load(_ context: TenantContext, data: DashboardData) async throws -> AlertRecipients {
        let sources = try await context.query(FundingSourceRecord.self).all()
        let funderBySource = Dictionary(uniqueKeysWithValues: sources.map { ($0.id!, $0.funderOrganisationID) })
        var fundersByRoute: [UUID: Set<UUID>] = [:]
        let stillConcerned = data.snapshot.asOf.adding(days: -recentlyEndedDays)
        for result in data.snapshot.results.values {
            for funded in result.coverage.allocations where funded.allocation.period.end >= stillConcerned {
                if let funder = funderBySource[funded.allocation.sourceID] { fundersByRoute[result.routeID, default: []].insert(funder) }
            }
        }
        let codes = Dictionary(uniqueKeysWithValues: try await context.query(LocalAuthority.self).all().map { ($0.id!, $0.gssCode) })
        return AlertRecipients(fundersByRoute: fundersByRoute, funderBySource: funderBySource,
                               authorityByRoute: data.routes.compactMapValues { codes[$0.localAuthorityID] },
                               routeCodes: data.routes.mapValues(\.code), slug: context.tenant.slug)
    }

    /// The workflow event the alert is: commissioners hear of every one, a partner of a route
    /// their organisation pays for (in their area) and of their own organisation's grants.
    func event(for alert: FundingAlertEvent) -> WorkflowEvent {
        switch alert {
        case let .statusChanged(routeID, _, _):
            .routeStatusChanged(localAuthority: authorityByRoute[routeID] ?? "", funders: fundersByRoute[routeID] ?? [])
        case let .grantEnding(sourceID, _, _):
            .grantEnding(funder: funderBySource[sourceID] ?? UUID())
        }
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
