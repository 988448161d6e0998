import Foundation

/// A route a contract serves, the money the contract pays for it over the whole contract,
/// and the days it is on the contract (from the day it joined until the day before it was
/// removed, or the contract's end).
public struct ContractRoute: Hashable, Sendable, Codable {
    public var routeID: UUID
    public var value: Money
    /// The first day the route is served: the contract's start, or the day it was added.
    public var from: Day
    /// The last day it is served when it was removed early; nil while it runs to the end.
    public var until: Day?

    public init(routeID: UUID, value: Money, from: Day, until: Day? = nil) {
        self.routeID = routeID
        self.value = value
        self.from = from
        self.until = until
    }
}

/// What a contract says at one moment of its history: its dates and its routes with their
/// values. Variations turn one version of the terms into the next.
public struct ContractTerms: Hashable, Sendable, Codable {
    public var start: Day
    /// The last day of service: the agreed end, a later one after an extension, or the
    /// termination day.
    public var end: Day
    /// Every route ever on the contract, including routes since removed (with `until` set),
    /// so that the value of the days they were served stays on the record.
    public var routes: [ContractRoute]
    /// The contract was terminated early (on `end`).
    public var terminated: Bool

    public init(start: Day, end: Day, routes: [ContractRoute], terminated: Bool = false) {
        self.start = start
        self.end = end
        self.routes = routes
        self.terminated = terminated
    }

    /// The contract value: what all its routes are worth.
    public var value: Money { routes.reduce(.zero) { $0 + $1.value } }

    /// Start to end; nil if the end is before the start (`ContractRules` refuses that).
    public var period: DayRange? { DayRange(start: start, end: end) }

    public func isRunning(on day: Day) -> Bool { start <= day && day <= end }

    /// The days `routeID` is served under these terms; nil when it is not on the contract
    /// (or its days and the contract's do not meet).
    public func servicePeriod(ofRoute routeID: UUID) -> DayRange? {
        guard let route = routes.first(where: { $0.routeID == routeID }) else { return nil }
        return DayRange(start: Swift.max(route.from, start), end: Swift.min(route.until ?? end, end))
    }

    /// The routes served on `day` (none outside the contract's dates).
    public func routesServed(on day: Day) -> [ContractRoute] {
        routes.filter { servicePeriod(ofRoute: $0.routeID)?.contains(day) ?? false }
    }

    /// The line for `routeID`, if the route has ever been on the contract.
    public func route(_ routeID: UUID) -> ContractRoute? { routes.first { $0.routeID == routeID } }
}

/// Money from a funding source (through one of its allocations, when there is one) that pays
/// for a contract.
public struct FundingLink: Hashable, Sendable, Codable {
    public var sourceID: UUID
    public var allocationID: UUID?
    public var amount: Money

    public init(sourceID: UUID, allocationID: UUID? = nil, amount: Money) {
        self.sourceID = sourceID
        self.allocationID = allocationID
        self.amount = amount
    }
}
