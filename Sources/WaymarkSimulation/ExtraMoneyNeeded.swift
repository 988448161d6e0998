import Foundation
import WaymarkDomain

/// What it would take to keep every route covered: the least extra money per financial
/// year, certain and spent where routes are short, with which at least `target` of the
/// samples see every counted route covered in every month it has school days
/// (`Simulation.whatItWouldTake`).
public struct ExtraMoneyNeeded: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey { case target, years, total, achieved, coveredWithoutExtra, excludedRoutes, samples }

    /// Share of samples asked for (0.9: nine in ten).
    public var target: Double
    /// One per financial year of the forecast, in order.
    public var years: [YearNeed]
    /// The years' extra money added up.
    public var total: Money
    /// Share of samples in which, with the extra money added, every counted route is covered
    /// in every month it has school days, as found by running the scenario again with it.
    public var achieved: Double
    /// The same share with no extra money: how often the scenario already keeps every route.
    public var coveredWithoutExtra: Double
    /// Routes money cannot cover, left out of the count, each with the reason in words.
    public var excludedRoutes: [ExcludedRoute]
    public var samples: Int

    public init(target: Double, years: [YearNeed], total: Money, achieved: Double, coveredWithoutExtra: Double,
                excludedRoutes: [ExcludedRoute], samples: Int) {
        self.target = target
        self.years = years
        self.total = total
        self.achieved = achieved
        self.coveredWithoutExtra = coveredWithoutExtra
        self.excludedRoutes = excludedRoutes
        self.samples = samples
    }
}

/// Extra money for one financial year.
public struct YearNeed: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey { case label, period, extra }

    /// "2023/24".
    public var label: String
    /// The financial year (1 April to 31 March) cut to the forecast: from the as-of month's
    /// first day to the horizon's end.
    public var period: DayRange
    /// Available for that year's school days only; £0 when the year needs nothing.
    public var extra: Money

    public init(label: String, period: DayRange, extra: Money) {
        self.label = label
        self.period = period
        self.extra = extra
    }
}

/// A route no amount of money can keep covered, and why.
public struct ExcludedRoute: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey { case routeID, code, reason }

    public var routeID: UUID
    public var code: String
    /// In words: "12 school days from September 2025 have no known cost, …".
    public var reason: String

    public init(routeID: UUID, code: String, reason: String) {
        self.routeID = routeID
        self.code = code
        self.reason = reason
    }
}
