import Foundation
import WaymarkDomain

/// A named "what happens to the routes if…": the chances the scenario takes and the changes
/// it makes to the base. The JSON form is described in docs/scenario-format.md.
public struct Scenario: Codable, Hashable, Sendable {
    enum CodingKeys: String, CodingKey { case name, samples, seed, uncertainty, interventions }

    public var name: String
    public var samples = 10_000
    /// The same seed gives the same result, whatever the number of threads.
    public var seed: UInt64 = 1
    public var uncertainty = Uncertainty()
    /// Applied in order.
    public var interventions: [Intervention] = []

    public init(name: String, samples: Int = 10_000, seed: UInt64 = 1,
                uncertainty: Uncertainty = Uncertainty(), interventions: [Intervention] = []) {
        precondition(samples > 0, "a scenario needs at least one sample")
        self.name = name
        self.samples = samples
        self.seed = seed
        self.uncertainty = uncertainty
        self.interventions = interventions
    }
}

/// A change a scenario makes to the base before anything is drawn.
///
/// Encoded with the case as the key: `{"closeRoute": {"routeID": "…", "on": "2025-07-18"}}`.
/// An opened route is prepared exactly as a base route is, so every other intervention and
/// every source reaches it the same way.
public enum Intervention: Codable, Hashable, Sendable {
    /// The source pays nothing from `from` on: allocations running across it end the day
    /// before (keeping their amount, so what they would have paid before then is still
    /// paid; what is left is withdrawn, not lapsed), later ones go, and the source is not
    /// renewed after `from`.
    case withdrawSource(sourceID: UUID, from: Day)
    /// Every allocation of the source, and any renewal, is multiplied by `factor`.
    case scaleSource(sourceID: UUID, factor: Double)
    /// Money that may come: shared across the eligible routes in proportion to what each
    /// costs in the source's period.
    case addSource(source: HypotheticalSource)
    /// The route costs `dailyCost` each school day from `from` (in today's prices: inflation
    /// still applies from each 1 April after the as-of date).
    case changeDailyCost(routeID: UUID, dailyCost: Money, from: Day)
    /// The route runs its last school day on or before `on`, as `RouteSchedule.End.routeCloses`.
    case closeRoute(routeID: UUID, on: Day)
    /// A route that does not run yet, on its local authority's school days; it has no money
    /// unless an added source or a pooled fund reaches it.
    case openRoute(route: HypotheticalRoute)
    /// One pot spent, after every other money, on the eligible routes' unpaid days in its
    /// period, in the order its policy sets (see `PooledFund`).
    case pooledFund(fund: PooledFund)
}

/// A source that does not exist yet: a bid, a hoped-for council top-up.
public struct HypotheticalSource: Codable, Hashable, Sendable {
    enum CodingKeys: String, CodingKey { case id, funderName, programmeName, amount, period, probability, localAuthorityIDs, routeIDs, renewable }

    /// Lets overrides and other interventions name it; derived from the scenario when nil.
    public var id: UUID?
    public var funderName: String
    public var programmeName: String
    public var amount: Money
    public var period: DayRange
    /// Chance it materialises (an override for its id or funder still wins).
    public var probability: Double
    /// Eligible routes: empty means any; when both are given a route must meet both.
    public var localAuthorityIDs: [UUID]
    public var routeIDs: [UUID]
    public var renewable: Bool

    public init(id: UUID? = nil, funderName: String, programmeName: String = "", amount: Money, period: DayRange,
                probability: Double, localAuthorityIDs: [UUID] = [], routeIDs: [UUID] = [], renewable: Bool = false) {
        self.id = id
        self.funderName = funderName
        self.programmeName = programmeName
        self.amount = amount
        self.period = period
        self.probability = probability
        self.localAuthorityIDs = localAuthorityIDs
        self.routeIDs = routeIDs
        self.renewable = renewable
    }
}
