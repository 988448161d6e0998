import Foundation

/// What alert texts need to name things: events carry ids only, so that detecting them
/// needs no names and their keys never change when a route is renamed.
public struct FundingAlertNames: Sendable {
    public var routes: [UUID: DashboardRoute]
    public var sourceLabels: [UUID: String]
    /// Per source, how many routes it pays for are not secure (see `EndingGrant.routesLeftAtRisk`).
    public var routesNotSecure: [UUID: Int]
    /// Per route, its status reasons as sentences, added to the body of status alerts.
    public var reasons: [UUID: [String]]

    public init(routes: [DashboardRoute] = [], sourceLabels: [UUID: String] = [:],
                routesNotSecure: [UUID: Int] = [:], reasons: [UUID: [String]] = [:]) {
        self.routes = Dictionary(routes.map { ($0.routeID, $0) }, uniquingKeysWith: { first, _ in first })
        self.sourceLabels = sourceLabels
        self.routesNotSecure = routesNotSecure
        self.reasons = reasons
    }

    /// Everything from the values the dashboard was built from.
    public init(dashboard: FundingDashboard, routes: [DashboardRoute], sources: [FundingSource],
                results: [RouteCoverageResult]) {
        var notSecure: [UUID: Int] = [:]
        for grant in dashboard.endingGrants.flatMap(\.grants) { notSecure[grant.sourceID] = grant.routesLeftAtRisk.count }
        self.init(routes: routes,
                  sourceLabels: Dictionary(sources.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first }),
                  routesNotSecure: notSecure,
                  reasons: Dictionary(results.map { ($0.routeID, $0.status.text) }, uniquingKeysWith: { first, _ in first }))
    }

    /// "BHM-06 Ladywood"; a route with no name still gets one people can look up.
    func routeTitle(_ id: UUID) -> String {
        let title = routes[id]?.title ?? ""
        return title.isEmpty ? "Route \(id.uuidString.lowercased().prefix(8))" : title
    }

    func sourceLabel(_ id: UUID) -> String {
        let label = sourceLabels[id] ?? ""
        return label.isEmpty ? "A funding source" : label
    }
}

extension FundingAlertEvent {
    /// One line, for an email subject or a notification: "BHM-06 Ladywood is now at risk",
    /// "Youth Endowment Fund extension ends 31 Oct 2022 (within 90 days)".
    public func headline(_ names: FundingAlertNames) -> String {
        switch self {
        case let .statusChanged(routeID, from, to):
            "\(names.routeTitle(routeID)) is \(from == nil ? "" : "now ")\(to.alertWords)"
        case let .grantEnding(sourceID, end, bandDays):
            "\(names.sourceLabel(sourceID)) ends \(end.display) (within \(bandDays) days)"
        }
    }

    /// A short paragraph: what changed and why, or which routes it puts in question.
    public func body(_ names: FundingAlertNames) -> String {
        switch self {
        case let .statusChanged(routeID, from, to):
            let change = from.map { "Its funding status has changed from \($0.displayName) to \(to.displayName)." }
                ?? "Its funding status is \(to.displayName)."
            let reasons = names.reasons[routeID, default: []].map { $0 + "." }
            return ([change] + reasons).joined(separator: " ")
        case let .grantEnding(sourceID, _, _):
            let headline = headline(names)
            guard let count = names.routesNotSecure[sourceID] else { return headline + "." }
            let routes = count == 0 ? "every route it pays for is secure"
                : "\(FundingSource.count(count, "route")) it pays for \(count == 1 ? "is" : "are") not secure"
            return "\(headline); \(routes)."
        }
    }
}

extension RouteStatus {
    /// The status as the end of "BHM-06 Ladywood is now …".
    var alertWords: String {
        switch self {
        case .unfunded: "unfunded"
        case .atRisk: "at risk"
        case .watch: "on watch"
        case .secure: "secure"
        }
    }
}
