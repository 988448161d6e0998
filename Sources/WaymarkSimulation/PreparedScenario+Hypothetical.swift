import Foundation
import WaymarkDomain

extension PreparedScenario {
    /// A hypothetical source as a source and its allocations: shared across the eligible
    /// routes in proportion to their known cost in its period, pennies left by rounding
    /// down going one each to the routes in base order.
    static func materialise(_ hypothetical: HypotheticalSource, number: Int, routes: [SimulationRoute],
                            days: [RouteDays]) -> (FundingSource, [Allocation]) {
        let restrictions = FundingSource.Restrictions(localAuthorityIDs: Set(hypothetical.localAuthorityIDs),
                                                      routeIDs: Set(hypothetical.routeIDs))
        let id = hypothetical.id ?? UUID.scenarioItem(.source, number: number)
        let source = FundingSource(id: id, funderName: hypothetical.funderName, programmeName: hypothetical.programmeName,
                                   kind: .other, amount: hypothetical.amount, period: hypothetical.period,
                                   status: .prospective, restrictions: restrictions, renewable: hypothetical.renewable)
        let eligible = routes.indices.filter {
            restrictions.allows(routeID: routes[$0].id, localAuthorityID: routes[$0].localAuthorityID)
        }
        let weights = eligible.map { days[$0].cost(in: hypothetical.period) }
        let total = weights.reduce(0, +)
        guard total > 0, hypothetical.amount.isPositive else { return (source, []) }
        let amount = hypothetical.amount.pence
        var shares = weights.map { Int64((Double(amount) * Double($0) / Double(total)).rounded(.down)) }
        var left = amount - shares.reduce(0, +)
        for i in shares.indices where left > 0 && weights[i] > 0 {
            shares[i] += 1
            left -= 1
        }
        // Entered "now": newest of all, so it draws after real allocations with the same period.
        let allocations = zip(eligible, shares).filter { $0.1 > 0 }.map { route, share in
            Allocation(id: UUID.derived(from: id, UInt64(route) + 1), sourceID: id, routeID: routes[route].id,
                       amount: Money(pence: share), period: hypothetical.period, enteredAt: .distantFuture)
        }
        return (source, allocations)
    }
}
