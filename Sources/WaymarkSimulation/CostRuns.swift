/// A route's school days cut into runs that cost the same every day of a sample: equal cost
/// in today's prices, inside one inflation step (from one 1 April to the next). A sample
/// prices each run once and the sample loop jumps from run to run, never day by day: a
/// route's daily cost changes a few times a year at most, so a three-year forecast is a
/// handful of runs where it is several hundred school days.
struct CostRuns: Sendable {
    struct Run: Sendable, Equatable {
        /// Its first day (index into the route's school days).
        var start: Int32
        /// Inflation step: 0 before the first 1 April, k from the k-th.
        var step: Int32
        /// Pence per school day in today's prices; negative means unknown.
        var cost: Int64
    }

    /// In order, then one more starting at the day count (the end, costing nothing), so run
    /// k covers the days `runs[k].start ..< runs[k + 1].start`. One array of small values:
    /// the sample loop reads a route's runs together.
    let runs: [Run]

    /// Runs, not counting the end.
    var count: Int { runs.count - 1 }

    /// Runs of `costs` (one per day), broken wherever the cost changes and at each inflation
    /// start (`PreparedRoute.inflationStarts`).
    init(costs: [Int64], inflationStarts: [Int32]) {
        var runs: [Run] = []
        var step = 0
        for i in costs.indices {
            var stepChanged = false
            while step < inflationStarts.count && Int(inflationStarts[step]) <= i {
                step += 1
                stepChanged = true
            }
            if runs.isEmpty || stepChanged || costs[i] != runs[runs.count - 1].cost {
                runs.append(Run(start: Int32(i), step: Int32(step), cost: costs[i]))
            }
        }
        runs.append(Run(start: Int32(costs.count), step: 0, cost: 0))
        self.runs = runs
    }
}
