import Foundation
import WaymarkDomain

/// How a figure spread over the samples. Percentiles are nearest-rank on the exact
/// per-sample values (P10 is the value at rank ⌈0.1 n⌉ in ascending order), so they are
/// always values some sample produced and always ordered P10 ≤ P50 ≤ P90.
public struct Spread: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey { case p10, p50, p90, mean }

    public var p10: Int64
    public var p50: Int64
    public var p90: Int64
    public var mean: Double

    public init(p10: Int64, p50: Int64, p90: Int64, mean: Double) {
        self.p10 = p10
        self.p50 = p50
        self.p90 = p90
        self.mean = mean
    }

    init(_ values: [Int64]) {
        precondition(!values.isEmpty, "a spread needs at least one sample")
        let rank = { (p: Double) in Swift.max(0, Int((p * Double(values.count)).rounded(.up)) - 1) }
        let (r10, r50, r90) = (rank(0.1), rank(0.5), rank(0.9))
        // Three ranks do not need the whole order: put the median in its place, then each
        // other percentile in its place on its own side of it.
        var work = values
        work.withUnsafeMutableBufferPointer { work in
            Self.select(r50, in: work, 0..<work.count)
            if r10 < r50 { Self.select(r10, in: work, 0..<r50) }
            if r90 > r50 { Self.select(r90, in: work, (r50 + 1)..<work.count) }
        }
        let sum = values.reduce(0.0) { $0 + Double($1) }   // in index order: the same on every run
        self.init(p10: work[r10], p50: work[r50], p90: work[r90], mean: sum / Double(values.count))
    }

    /// Reorders `range` of `values` so that position `k` holds the value it would hold if
    /// the range were sorted, none before it larger and none after it smaller (quickselect,
    /// pivot the median of three).
    static func select(_ k: Int, in values: UnsafeMutableBufferPointer<Int64>, _ range: Range<Int>) {
        var low = range.lowerBound, high = range.upperBound - 1
        while low < high {
            let mid = low + (high - low) / 2
            let (a, b, c) = (values[low], values[mid], values[high])
            let pivot = Swift.max(Swift.min(a, b), Swift.min(Swift.max(a, b), c))
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now low ... j are at most the pivot, i ... high at least, and between them equal.
            if k <= j { high = j } else if k >= i { low = i } else { return }
        }
    }
}

/// One route's forecast.
public struct RouteForecast: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey { case routeID, code, probabilityCovered, likelyLostFrom }

    public var routeID: UUID
    public var code: String
    /// Share of samples in which the route is fully covered, per month of the horizon.
    public var probabilityCovered: [Double]
    /// First day of the first month in which the route is more likely lost than not
    /// (covered in fewer than half the samples); nil if that never happens in the horizon.
    public var likelyLostFrom: Day?

    public init(routeID: UUID, code: String, probabilityCovered: [Double], likelyLostFrom: Day?) {
        self.routeID = routeID
        self.code = code
        self.probabilityCovered = probabilityCovered
        self.likelyLostFrom = likelyLostFrom
    }
}

/// What a scenario forecasts, month by month over the horizon.
///
/// Codable with fixed keys (docs/scenario-format.md, "Results as JSON"), so a result stored
/// as JSON reads back equal.
public struct SimulationResult: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey {
        case scenarioName, samples, seed, months, routesCovered, childrenCovered, fundingGap, routes, lapsed, timing
    }

    public var scenarioName: String
    public var samples: Int
    public var seed: UInt64
    /// First day of each month forecast; the arrays below are indexed the same way.
    public var months: [Day]
    /// Routes fully covered for all their school days in the month.
    public var routesCovered: [Spread]
    /// Children per day on those routes.
    public var childrenCovered: [Spread]
    /// Cost of the month's school days left unpaid, in pence.
    public var fundingGap: [Spread]
    /// Per route, in the base's order.
    public var routes: [RouteForecast]
    /// Money, in pence, left in allocations whose period ends inside the forecast (from the
    /// as-of date to the horizon's end): it lapses unspent.
    public var lapsed: Spread
    public var timing = SimulationTiming.zero

    init(model: PreparedScenario, scenario: Scenario, outputs: SampleOutputs, routeMonthCovered: [Int32]) {
        let monthCount = model.months.count
        scenarioName = scenario.name
        samples = outputs.samples
        seed = scenario.seed
        months = model.months
        routesCovered = (0..<monthCount).map { Spread(outputs.slice(outputs.routesCovered, month: $0).map(Int64.init)) }
        childrenCovered = (0..<monthCount).map { Spread(outputs.slice(outputs.childrenCovered, month: $0)) }
        fundingGap = (0..<monthCount).map { Spread(outputs.slice(outputs.fundingGap, month: $0)) }
        lapsed = Spread(Array(outputs.lapsed))
        let total = outputs.samples
        routes = model.routes.enumerated().map { r, route in
            let counts = Array(routeMonthCovered[(r * monthCount)..<((r + 1) * monthCount)])
            // A route opened later is not "lost" in the months before it starts.
            let starts = route.monthStarts.dropFirst().firstIndex { $0 > 0 }.map { $0 - 1 } ?? monthCount
            let lost = counts.indices.first { $0 >= starts && Int(counts[$0]) * 2 < total }.map { model.months[$0] }
            return RouteForecast(routeID: route.id, code: route.code,
                                 probabilityCovered: counts.map { Double($0) / Double(total) }, likelyLostFrom: lost)
        }
    }
}
