import Foundation
import WaymarkDomain

extension Scenario {
    /// What in the scenario names something the base does not have: a source, route or
    /// local authority id given by mistake would otherwise change nothing, silently; a route
    /// opened where no school days are known would never run.
    public func problems(against base: SimulationBase) -> [String] {
        let known = KnownIDs(self, base)
        var problems: [String] = []
        func id(_ id: UUID) -> String { id.uuidString.lowercased() }
        for id in known.addedSources where known.sources.contains(id) {
            problems.append("an added source has the id \(id.uuidString.lowercased()) of a real source: give it another id")
        }
        for (index, override) in uncertainty.overrides.enumerated() {
            if let source = override.sourceID, !known.moneyIDs.contains(source) {
                problems.append("uncertainty.overrides[\(index)].sourceID: no source or pooled fund has the id \(id(source))")
            }
        }
        func routeIDs(_ ids: [UUID], _ key: String) {
            for route in ids where !known.routes.contains(route) {
                problems.append("\(key): no active route has the id \(id(route))")
            }
        }
        func authorityIDs(_ ids: [UUID], _ key: String) {
            for authority in ids where !known.authorities.contains(authority) {
                problems.append("\(key): no route is in, and no school days are known for, the local authority \(id(authority))")
            }
        }
        var openedIDs = Set<UUID>()
        for (index, intervention) in interventions.enumerated() {
            let key = "interventions[\(index)]"
            switch intervention {
            case .withdrawSource(let source, _), .scaleSource(let source, _):
                if !known.sources.contains(source), !known.addedSources.contains(source) {
                    problems.append("\(key): no source has the id \(id(source))")
                }
            case .changeDailyCost(let route, _, _), .closeRoute(let route, _):
                if !known.routes.contains(route) { problems.append("\(key): no active route has the id \(id(route))") }
            case .addSource(let source):
                routeIDs(source.routeIDs, key + ".addSource.source.routeIDs")
                authorityIDs(source.localAuthorityIDs, key + ".addSource.source.localAuthorityIDs")
            case .openRoute(let route):
                if (base.schoolDays[route.localAuthorityID] ?? []).isEmpty {
                    problems.append("\(key).openRoute.route.localAuthorityID: no school days are known for the local authority "
                                    + "\(id(route.localAuthorityID)), so the route would never run")
                }
                if let own = route.id, known.baseRoutes.contains(own) {
                    problems.append("\(key).openRoute.route.id: \(id(own)) is a real route's id: give the new route another")
                } else if let own = route.id, !openedIDs.insert(own).inserted {
                    problems.append("\(key).openRoute.route.id: \(id(own)) is another opened route's id: give each its own")
                }
            case .pooledFund(let fund):
                routeIDs(fund.routeIDs, key + ".pooledFund.fund.routeIDs")
                authorityIDs(fund.localAuthorityIDs, key + ".pooledFund.fund.localAuthorityIDs")
                if case .priority(let scores) = fund.policy {
                    for (number, score) in scores.enumerated() where !known.routes.contains(score.routeID) {
                        problems.append("\(key).pooledFund.fund.policy.priority.scores[\(number)].routeID: "
                                        + "no active route has the id \(id(score.routeID))")
                    }
                }
                if let own = fund.id, known.sources.contains(own) || known.addedSources.contains(own) {
                    problems.append("\(key).pooledFund.fund.id: \(id(own)) is a source's id: give the fund another")
                }
            }
        }
        return problems
    }
}

extension Scenario {
    /// The ids the scenario's interventions give, explicitly, to what they bring in.
    var introducedIDs: (sources: Set<UUID>, pools: Set<UUID>, routes: Set<UUID>) {
        var sources = Set<UUID>(), pools = Set<UUID>(), routes = Set<UUID>()
        for intervention in interventions {
            switch intervention {
            case .addSource(let source): if let id = source.id { sources.insert(id) }
            case .pooledFund(let fund): if let id = fund.id { pools.insert(id) }
            case .openRoute(let route): if let id = route.id { routes.insert(id) }
            default: break
            }
        }
        return (sources, pools, routes)
    }
}

/// The ids a scenario may name: the base's and those its own interventions bring in.
private struct KnownIDs {
    let sources: Set<UUID>, addedSources: Set<UUID>, pools: Set<UUID>
    let baseRoutes: Set<UUID>, routes: Set<UUID>, authorities: Set<UUID>
    /// What an override may name: any source, added source or pooled fund.
    var moneyIDs: Set<UUID> { sources.union(addedSources).union(pools) }

    init(_ scenario: Scenario, _ base: SimulationBase) {
        let introduced = scenario.introducedIDs
        sources = Set(base.sources.map(\.id))
        baseRoutes = Set(base.routes.map(\.id))
        addedSources = introduced.sources
        pools = introduced.pools
        routes = baseRoutes.union(introduced.routes)
        authorities = Set(base.routes.compactMap(\.localAuthorityID)).union(base.schoolDays.keys)
    }
}
