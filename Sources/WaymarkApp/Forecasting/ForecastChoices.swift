import Fluent
import Foundation
import WaymarkDomain
import WaymarkSimulation

/// The tenant's sources, active routes and local authorities as the scenario forms offer
/// them, and the words for a scenario's interventions.
struct ForecastChoices: Sendable {
    struct Source: Sendable { let id: UUID; let label: String; let funder: String; let status: FundingSource.Status }
    struct Route: Sendable { let id: UUID; let code: String; let name: String; let children: Int }
    struct Authority: Sendable { let id: UUID; let name: String }

    var sources: [Source]
    var routes: [Route]
    var authorities: [Authority]

    /// `asOf`: the scenario's starting day, whose running routes it may change (a route
    /// closed since still ran then; `Route.isActive`); nil: the routes active today.
    static func load(_ context: TenantContext, asOf: Day? = nil) async throws -> ForecastChoices {
        let names = try await FundingQueries.funderNames(context)
        let sources = try await FundingQueries.visibleSources(context).map { record in
            let funder = names[record.funderOrganisationID] ?? "Unknown funder"
            return Source(id: record.id!, label: "\(funder) — \(record.programme) (\(record.startDay) to \(record.endDay))",
                          funder: funder, status: FundingSource.Status(rawValue: record.status) ?? .prospective)
        }
        let routes = try await RouteQueries.visibleRoutes(context).filter { route in
            asOf.map { route.isActive(asOf: $0) } ?? (route.routeStatus == .active)
        }.sorted { $0.code < $1.code }
        let authorities = try await context.query(LocalAuthority.self).sort(\.$name).all()
        return ForecastChoices(sources: sources,
                               routes: routes.map { Route(id: $0.id!, code: $0.code, name: $0.name, children: $0.childrenPerDay) },
                               authorities: authorities.map { Authority(id: $0.id!, name: $0.name) })
    }

    /// Distinct funder names, for per-funder chances and groups.
    var funders: [String] { Array(Set(sources.map(\.funder))).sorted() }

    func sourceName(_ id: UUID, in scenario: Scenario) -> String {
        if let source = sources.first(where: { $0.id == id }) { return source.label }
        for case .addSource(let added) in scenario.interventions where added.id == id {
            return "\(added.funderName) — \(added.programmeName) (added by this scenario)"
        }
        return "a source no longer recorded"
    }

    func routeName(_ id: UUID, in scenario: Scenario) -> String {
        if let route = routes.first(where: { $0.id == id }) { return route.code }
        for case .openRoute(let opened) in scenario.interventions where opened.id == id { return "\(opened.code) (opened by this scenario)" }
        return "a route no longer active"
    }

    func authorityName(_ id: UUID) -> String {
        authorities.first { $0.id == id }?.name ?? "an authority no longer recorded"
    }

    /// Whom a hypothetical source or fund is for, in words.
    func eligibility(authorities: [UUID], routes: [UUID], in scenario: Scenario) -> String {
        var parts: [String] = []
        if !authorities.isEmpty { parts.append(authorities.map(authorityName).joined(separator: ", ")) }
        if !routes.isEmpty { parts.append("routes " + routes.map { routeName($0, in: scenario) }.joined(separator: ", ")) }
        return parts.isEmpty ? "any route" : parts.joined(separator: "; ")
    }

    /// One intervention in a sentence.
    func describe(_ intervention: Intervention, in scenario: Scenario) -> String {
        switch intervention {
        case .withdrawSource(let id, let from):
            return "Withdraw \(sourceName(id, in: scenario)) from \(from.display)"
        case .scaleSource(let id, let factor):
            return "Scale \(sourceName(id, in: scenario)) to \(Percent.text(factor))% of its amount"
        case .addSource(let source):
            return "Add \(source.amount.display) from \(source.funderName)\(source.programmeName.isEmpty ? "" : " — \(source.programmeName)")"
                + ", \(source.period.display), \(Percent.text(source.probability))% likely, for "
                + eligibility(authorities: source.localAuthorityIDs, routes: source.routeIDs, in: scenario)
                + (source.renewable ? "; renewable" : "")
        case .changeDailyCost(let id, let cost, let from):
            return "\(routeName(id, in: scenario)) costs \(cost.display) a school day from \(from.display)"
        case .closeRoute(let id, let on):
            return "Close \(routeName(id, in: scenario)) on \(on.display)"
        case .openRoute(let route):
            return "Open \(route.code) in \(authorityName(route.localAuthorityID)) from \(route.from.display)"
                + (route.closes.map { " to \($0.display)" } ?? "")
                + ": \(route.childrenPerDay) children a day, \(route.dailyCost.display) a school day"
        case .pooledFund(let fund):
            return "Pooled fund \(fund.name.isEmpty ? "" : "“\(fund.name)” ")of \(fund.amount.display), \(fund.period.display), "
                + "\(Percent.text(fund.probability))% likely, spent \(policyWords(fund.policy)) on "
                + eligibility(authorities: fund.localAuthorityIDs, routes: fund.routeIDs, in: scenario)
        }
    }

    func policyWords(_ policy: PoolPolicy) -> String {
        switch policy {
        case .priority: "highest priority score first"
        case .childrenPerPound: "most children per pound first"
        case .cheapestFirst: "cheapest routes first"
        case .proRata: "pro rata to each route's shortfall"
        }
    }
}
