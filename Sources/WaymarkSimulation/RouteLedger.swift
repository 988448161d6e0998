/// How a forecast works out what each route's money pays in a sample. Both engines give the
/// same figures, to the penny, for every scenario and seed (the tests run them side by side).
public enum SimulationEngine: Sendable, CaseIterable {
    /// Jumps over runs of school days that cost the same, working out in closed form where
    /// each allocation's money runs out (`RunLedger`). The default: its work grows with a
    /// route's allocations and cost changes, not with its school days.
    case jump
    /// Walks every school day with the coverage kernel, as the coverage engine does
    /// (`DayWalkLedger`): the reference the jumping engine is checked against, kept for the
    /// tests and the benchmark.
    case walk
}

/// One route's money in one sample, as the sample loop uses it: the route's allocations are
/// paid first, in drawing order, then the loop asks what is unpaid (for pooled funds and the
/// monthly figures) and pays pooled funds' grants on top. A ledger holds one route at a time
/// and is reused for the next.
///
/// Days are indexes into the route's school days (`PreparedRoute.costs`). A day's cost is its
/// cost in today's prices times the sample's inflation level, rounded to the penny (once per
/// run of equal costs: `CostRuns`); a negative cost is unknown and is never paid.
protocol RouteLedger: SendableMetatype {
    /// A ledger with room for any of `routes`, and for up to `grants` payments (one per
    /// pooled fund) on top of a route's own allocations.
    init(routes: [PreparedRoute], grants: Int)

    /// Prices the route's days at the sample's `inflation` levels (`SampleDraws.inflation`)
    /// and pays its allocations, each scaled by its money slot's `multiplier`, in drawing
    /// order, from nothing paid (projected-style: money that materialised counts). Returns
    /// the money lapsing inside the forecast.
    mutating func payAllocations(of route: PreparedRoute, inflation: [Double], multiplier: [Double]) -> Int64

    /// Pays `amount` towards the days `from ..< to`, oldest unpaid day first, as the kernel
    /// pays one allocation. Returns what is left (nothing when `amount` is at most the gap).
    @discardableResult
    mutating func pay(_ amount: Int64, from: Int, to: Int) -> Int64

    /// Unpaid cost of the days `from ..< to` whose cost is known.
    func gap(from: Int, to: Int) -> Int64

    /// Whether every school day of the forecast (`monthStarts[0] ..< monthStarts[months]`)
    /// has a known cost and is paid in full: then the route is covered in just the months of
    /// `PreparedRoute.coveredWhenPaid` and leaves nothing unpaid, and the sample loop need
    /// not ask for its months. False whenever unsure.
    func paysInFull(_ route: PreparedRoute) -> Bool

    /// For each month of the forecast in which the route has school days: its unpaid cost,
    /// and whether every one of its days is known and paid in full. What it leaves in months
    /// without school days is for the caller to overwrite.
    func monthFigures(of route: PreparedRoute, gaps: UnsafeMutableBufferPointer<Int64>,
                      paidInFull: UnsafeMutableBufferPointer<Bool>)
}

extension RouteLedger {
    init(model: PreparedScenario) {
        self.init(routes: model.routes, grants: model.pools.count)
    }
}

extension CostRuns.Run {
    /// The run's cost per day in a sample with `inflation` levels: whole pence, rounded to
    /// the nearest, as the walk prices each day. Unknown costs stay unknown.
    @inline(__always)
    func price(inflation: [Double]) -> Int64 {
        let level = step == 0 ? 1.0 : inflation[Int(step) - 1]
        return level == 1 || cost < 0 ? cost : Int64((Double(cost) * level).rounded())
    }
}
