import Foundation
import WaymarkDomain

/// A route a scenario opens: it runs on its local authority's school days (from
/// `SimulationBase.schoolDays`) from `from` until `closes` or the horizon's end, costing
/// `dailyCost` each school day in today's prices (inflation still applies).
public struct HypotheticalRoute: Codable, Hashable, Sendable {
    enum CodingKeys: String, CodingKey { case id, code, localAuthorityID, childrenPerDay, dailyCost, from, closes }

    /// Lets other interventions name it; derived from the scenario when nil.
    public var id: UUID?
    public var code: String
    /// Decides its school days, and which added sources and pooled funds may pay for it.
    public var localAuthorityID: UUID
    public var childrenPerDay: Int
    public var dailyCost: Money
    /// Its first day (it runs on the first school day on or after it).
    public var from: Day
    /// Its last day; nil: it runs to the horizon's end.
    public var closes: Day?

    public init(id: UUID? = nil, code: String, localAuthorityID: UUID, childrenPerDay: Int, dailyCost: Money,
                from: Day, closes: Day? = nil) {
        self.id = id
        self.code = code
        self.localAuthorityID = localAuthorityID
        self.childrenPerDay = childrenPerDay
        self.dailyCost = dailyCost
        self.from = from
        self.closes = closes
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(UUID.self, forKey: .id),
                  code: try c.decode(String.self, forKey: .code),
                  localAuthorityID: try c.decode(UUID.self, forKey: .localAuthorityID),
                  childrenPerDay: try c.decode(Int.self, forKey: .childrenPerDay),
                  dailyCost: try c.decode(Money.self, forKey: .dailyCost),
                  from: try c.decode(Day.self, forKey: .from),
                  closes: try c.decodeIfPresent(Day.self, forKey: .closes))
    }
}

extension HypotheticalRoute {
    /// The id the route runs under: its own, or one derived from its place in the scenario,
    /// so the same file always gives the same id (and the same drawing-order tie-breaks).
    func resolvedID(number: Int) -> UUID {
        id ?? UUID.scenarioItem(.route, number: number)
    }

    /// The route as the simulation sees a base route: its authority's school days from
    /// `from` to `closes`, each at `dailyCost`.
    func simulationRoute(number: Int, schoolDays: [UUID: [Day]]) -> SimulationRoute {
        let known = schoolDays[localAuthorityID] ?? []
        // Sorted and distinct whatever the caller passed: the schedule requires it.
        let days = Set(known.filter { $0 >= from && $0 <= (closes ?? .latest) }).sorted()
        let end: RouteSchedule.End = closes.map { .routeCloses($0) } ?? .termDatesEnd(known.max())
        let cost: Money? = dailyCost.isNegative ? nil : dailyCost
        return SimulationRoute(id: resolvedID(number: number), code: code, childrenPerDay: childrenPerDay,
                               localAuthorityID: localAuthorityID,
                               schedule: RouteSchedule(days: days, costs: days.map { _ in cost }, end: end))
    }
}
