import Foundation

/// How a specification's total value is divided between the routes it covers.
public enum ValueSplit: Hashable, Sendable, Codable {
    /// In proportion to each route's cost over the service period (its school days priced by
    /// its cost model). The costs are stored with the split so the published figures do not
    /// move when a route's cost model is edited later.
    case proportionalToCost([UUID: Money])
    /// Shares stated by the commissioner, in basis points (100 = 1%), adding up to 10,000.
    case statedShares([UUID: Int])

    /// Each route's part of `total`, in the order of `routeIDs`, adding up exactly to `total`
    /// (largest remainder; see `Money.apportioned(by:)`: ties go to the route listed first).
    /// Nil when the split cannot be made: a route without a cost or share, a negative one,
    /// or nothing to be proportional to. `SpecificationRules` says which in words.
    public func split(_ total: Money, across routeIDs: [UUID]) -> [RouteValue]? {
        let weights: [Int64]
        switch self {
        case .proportionalToCost(let costs):
            guard let found = ValueSplit.lookUp(routeIDs, in: costs) else { return nil }
            weights = found.map(\.pence)
        case .statedShares(let shares):
            guard let found = ValueSplit.lookUp(routeIDs, in: shares) else { return nil }
            weights = found.map(Int64.init)
        }
        guard let parts = total.apportioned(by: weights) else { return nil }
        return zip(routeIDs, parts).map { RouteValue(routeID: $0, value: $1) }
    }

    /// The routes the split names (costs given or shares stated for).
    public var routeIDs: Set<UUID> {
        switch self {
        case .proportionalToCost(let costs): Set(costs.keys)
        case .statedShares(let shares): Set(shares.keys)
        }
    }

    private static func lookUp<Value>(_ routeIDs: [UUID], in table: [UUID: Value]) -> [Value]? {
        var values: [Value] = []
        for id in routeIDs {
            guard let value = table[id] else { return nil }
            values.append(value)
        }
        return values
    }
}

/// A route and the money that is its part of something larger.
public struct RouteValue: Hashable, Sendable, Codable {
    public var routeID: UUID
    public var value: Money

    public init(routeID: UUID, value: Money) {
        self.routeID = routeID
        self.value = value
    }
}
