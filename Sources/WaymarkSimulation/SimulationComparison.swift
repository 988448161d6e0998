import Foundation
import WaymarkDomain

extension Simulation {
    /// The scenario without its interventions: the same uncertainty, samples and seed, so
    /// that with common random numbers a comparison of the two shows what the interventions
    /// alone change. Overrides naming a source or fund only an intervention brings in are
    /// dropped with it, so the baseline passes `problems(against:)` whenever the scenario does.
    public static func baseline(of scenario: Scenario) -> Scenario {
        let introduced = scenario.introducedIDs
        let added = introduced.sources.union(introduced.pools)
        var uncertainty = scenario.uncertainty
        uncertainty.overrides.removeAll { $0.sourceID.map(added.contains) ?? false }
        return Scenario(name: "\(scenario.name) — baseline", samples: scenario.samples, seed: scenario.seed,
                        uncertainty: uncertainty, interventions: [])
    }
}

/// What a scenario changes against its baseline (`Simulation.baseline(of:)`), month by month
/// and route by route: every figure is the scenario's minus the baseline's.
///
/// Percentile differences are differences of each run's percentile, not percentiles of the
/// sample-by-sample difference (results keep only the spreads); means subtract exactly.
public struct SimulationComparison: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey { case months, routes, lapsedP50, lapsedMean }

    /// The two results forecast different months: there is nothing to compare month by month.
    public struct MonthsDiffer: Error, CustomStringConvertible {
        public var description: String { "the two forecasts cover different months, so they cannot be compared" }
    }

    public var months: [MonthDifference]
    /// The baseline's routes in its order, then routes only the scenario has (routes it opens).
    public var routes: [RouteDifference]
    public var lapsedP50: Int64
    public var lapsedMean: Double

    public init(baseline: SimulationResult, scenario: SimulationResult) throws {
        guard baseline.months == scenario.months else { throw MonthsDiffer() }
        months = baseline.months.indices.map { m in
            let (b, s) = (baseline, scenario)
            return MonthDifference(
                month: b.months[m],
                routesCoveredP50: s.routesCovered[m].p50 - b.routesCovered[m].p50,
                routesCoveredMean: s.routesCovered[m].mean - b.routesCovered[m].mean,
                childrenCoveredP50: s.childrenCovered[m].p50 - b.childrenCovered[m].p50,
                childrenCoveredMean: s.childrenCovered[m].mean - b.childrenCovered[m].mean,
                fundingGapP50: s.fundingGap[m].p50 - b.fundingGap[m].p50,
                fundingGapMean: s.fundingGap[m].mean - b.fundingGap[m].mean)
        }
        let inScenario = Dictionary(scenario.routes.map { ($0.routeID, $0) }, uniquingKeysWith: { first, _ in first })
        let inBaseline = Set(baseline.routes.map(\.routeID))
        routes = baseline.routes.map { RouteDifference(baseline: $0, scenario: inScenario[$0.routeID]) }
            + scenario.routes.filter { !inBaseline.contains($0.routeID) }.map { RouteDifference(baseline: nil, scenario: $0) }
        lapsedP50 = scenario.lapsed.p50 - baseline.lapsed.p50
        lapsedMean = scenario.lapsed.mean - baseline.lapsed.mean
    }
}

/// One month's change.
public struct MonthDifference: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey {
        case month, routesCoveredP50, routesCoveredMean, childrenCoveredP50, childrenCoveredMean, fundingGapP50, fundingGapMean
    }

    /// First day of the month.
    public var month: Day
    public var routesCoveredP50: Int64
    public var routesCoveredMean: Double
    public var childrenCoveredP50: Int64
    public var childrenCoveredMean: Double
    /// Pence; negative when the scenario leaves less unpaid.
    public var fundingGapP50: Int64
    public var fundingGapMean: Double
}

/// One route's change, matched by id.
public struct RouteDifference: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey {
        case routeID, code, presence, probabilityCovered, baselineLikelyLostFrom, scenarioLikelyLostFrom, likelyLostFromChange
    }

    public enum Presence: String, Hashable, Sendable, Codable { case both, baselineOnly, scenarioOnly }

    public enum LostFromChange: Hashable, Sendable, Codable {
        case unchanged
        /// Likely lost this many months later (or earlier) than in the baseline.
        case later(months: Int)
        case earlier(months: Int)
        /// Likely lost in the baseline, not within the horizon in the scenario.
        case noLongerLikelyLost
        /// Not likely lost within the horizon in the baseline, likely lost in the scenario.
        case newlyLikelyLost
    }

    public var routeID: UUID
    public var code: String
    public var presence: Presence
    /// Change in the probability of being covered, per month; a route missing from one side
    /// counts there as never covered.
    public var probabilityCovered: [Double]
    public var baselineLikelyLostFrom: Day?
    public var scenarioLikelyLostFrom: Day?
    /// Nil for a route on one side only.
    public var likelyLostFromChange: LostFromChange?

    init(baseline: RouteForecast?, scenario: RouteForecast?) {
        let either = (scenario ?? baseline)!
        routeID = either.routeID
        code = either.code
        presence = baseline == nil ? .scenarioOnly : scenario == nil ? .baselineOnly : .both
        let count = either.probabilityCovered.count
        let before = baseline?.probabilityCovered ?? Array(repeating: 0, count: count)
        let after = scenario?.probabilityCovered ?? Array(repeating: 0, count: count)
        probabilityCovered = zip(after, before).map { $0 - $1 }
        baselineLikelyLostFrom = baseline?.likelyLostFrom
        scenarioLikelyLostFrom = scenario?.likelyLostFrom
        guard baseline != nil, scenario != nil else { return }
        switch (baselineLikelyLostFrom, scenarioLikelyLostFrom) {
        case (nil, nil): likelyLostFromChange = .unchanged
        case (.some, nil): likelyLostFromChange = .noLongerLikelyLost
        case (nil, .some): likelyLostFromChange = .newlyLikelyLost
        case let (before?, after?):
            let months = (after.year * 12 + after.month) - (before.year * 12 + before.month)
            likelyLostFromChange = months == 0 ? .unchanged : months > 0 ? .later(months: months) : .earlier(months: -months)
        }
    }
}
