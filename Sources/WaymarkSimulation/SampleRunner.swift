import Dispatch
import WaymarkDomain

/// Sums the money that lapses inside the forecast; the walk's other bookkeeping is not needed.
struct LapseLog: CoverageDrawLog {
    let counts: UnsafeBufferPointer<Bool>
    var total: Int64 = 0

    @inline(__always) mutating func draw(allocation: Int, day: Int, runningTotal: Int64) {}

    @inline(__always) mutating func finish(allocation: Int, lapsed: Int64) {
        if counts[allocation] { total += lapsed }
    }
}

/// One worker's machinery: scratch buffers sized once, reused for every sample it runs, and
/// its running count of samples in which each route is covered each month.
///
/// A route no pooled fund reaches is walked and added to the sample's figures at once. A
/// route a fund may pay for is walked, its gap in each fund's period noted and its months
/// tallied and kept; once every fund has been spent, a route that got nothing adds its kept
/// months, and only a route that got money is walked again, with its grants.
struct SampleRunner {
    let model: PreparedScenario
    let seed: UInt64
    var draws: SampleDraws
    private var kernel = CoverageKernel()
    var costs: [Int64], paid: [Int64]
    private var amounts: [Int64]
    /// Per month of each held route (slot h at `h * months`), then one spare run of months
    /// for the route being added at once: covered or not, and the unpaid cost.
    var monthCovered: [Bool], monthGap: [Int64]
    /// Per pooled-fund entry (`PoolLayout.entryStart`): the route's gap in the fund's
    /// period, and what the fund gives it this sample.
    var entryGaps: [Int64], entryGrants: [Int64]
    /// Whether each held route has had money from a fund this sample.
    var funded: [Bool]
    var poolOrder: [Int32]
    /// Route r, month m at `r * months + m`.
    var routeMonthCovered: [Int32]
    var times = PhaseTimes()

    init(model: PreparedScenario, seed: UInt64) {
        self.model = model
        self.seed = seed
        draws = SampleDraws(model: model)
        costs = [Int64](repeating: 0, count: model.maxDays)
        paid = [Int64](repeating: 0, count: model.maxDays)
        amounts = [Int64](repeating: 0, count: model.maxAllocations)
        let layout = model.poolLayout, months = model.months.count
        monthCovered = [Bool](repeating: false, count: (layout.heldRoutes.count + 1) * months)
        monthGap = [Int64](repeating: 0, count: (layout.heldRoutes.count + 1) * months)
        entryGaps = [Int64](repeating: 0, count: layout.entryCount)
        entryGrants = [Int64](repeating: 0, count: layout.entryCount)
        funded = [Bool](repeating: false, count: layout.heldRoutes.count)
        poolOrder = [Int32](repeating: 0, count: model.pools.map(\.routes.count).max() ?? 0)
        routeMonthCovered = [Int32](repeating: 0, count: model.routes.count * months)
    }

    mutating func run(sample: Int, into outputs: SampleOutputs) {
        let start = DispatchTime.now().uptimeNanoseconds
        draws.draw(sample: sample, seed: seed, model: model)
        var clock = DispatchTime.now().uptimeNanoseconds
        times.drawing += clock - start

        let months = model.months.count, samples = outputs.samples
        for m in 0..<months {
            outputs.routesCovered[m * samples + sample] = 0
            outputs.childrenCovered[m * samples + sample] = 0
            outputs.fundingGap[m * samples + sample] = 0
        }
        for y in 0..<(model.needs?.years ?? 0) { outputs.yearGaps[y * samples + sample] = 0 }
        let layout = model.poolLayout, spare = layout.heldRoutes.count
        var lapsed: Int64 = 0
        for r in model.routes.indices {
            let route = model.routes[r]
            lapsed += walk(route)
            let walked = DispatchTime.now().uptimeNanoseconds
            times.coverage += walked - clock
            if let h = layout.slot[r] {
                noteGaps(held: h)
                tally(route, slot: h)
            } else {
                tally(route, slot: spare)
                add(route, number: r, slot: spare, sample: sample, into: outputs)
            }
            clock = DispatchTime.now().uptimeNanoseconds
            times.aggregation += clock - walked
        }
        if spare > 0 {
            lapsed += spendPools()
            let spent = DispatchTime.now().uptimeNanoseconds
            times.coverage += spent - clock
            for (h, r) in layout.heldRoutes.enumerated() {
                let route = model.routes[r]
                if funded[h] {
                    rewalk(route, held: h, before: model.pools.count)
                    tally(route, slot: h)
                }
                add(route, number: r, slot: h, sample: sample, into: outputs)
            }
            times.aggregation += DispatchTime.now().uptimeNanoseconds - spent
        }
        outputs.lapsed[sample] = lapsed
    }

    /// Prices the route's days and its allocations for this sample, then runs the coverage
    /// kernel (projected-style: money that materialised counts). Returns the money lapsing.
    mutating func walk(_ route: PreparedRoute) -> Int64 {
        let n = route.costs.count
        let inflation = draws.inflation, multiplier = draws.slotMultiplier
        route.costs.withUnsafeBufferPointer { base in
            costs.withUnsafeMutableBufferPointer { costs in
                var from = 0
                for step in 0...route.inflationStarts.count {
                    let to = step < route.inflationStarts.count ? Int(route.inflationStarts[step]) : n
                    let level = step == 0 ? 1.0 : inflation[step - 1]
                    // A route's daily cost seldom changes, so price each run of equal costs
                    // once: rounding is a library call, and this loop runs for every day.
                    var lastBase = Int64.min, lastPriced: Int64 = 0
                    for i in from..<to {
                        let cost = base[i]
                        if cost != lastBase {
                            lastBase = cost
                            lastPriced = level == 1 || cost < 0 ? cost : Int64((Double(cost) * level).rounded())
                        }
                        costs[i] = lastPriced
                    }
                    from = to
                }
            }
        }
        for a in route.amounts.indices {
            let factor = multiplier[Int(route.slots[a])]
            amounts[a] = factor == 1 ? route.amounts[a] : Int64((Double(route.amounts[a]) * factor).rounded(.down))
        }
        let count = route.amounts.count
        var log = LapseLog(counts: UnsafeBufferPointer(start: nil, count: 0))
        costs.withUnsafeBufferPointer { costs in
            amounts.withUnsafeBufferPointer { amounts in
                paid.withUnsafeMutableBufferPointer { paid in
                    route.firstDay.withUnsafeBufferPointer { firstDay in
                        route.endDay.withUnsafeBufferPointer { endDay in
                            route.lapsesInHorizon.withUnsafeBufferPointer { counts in
                                for i in 0..<n { paid[i] = 0 }
                                log = LapseLog(counts: counts)
                                kernel.pay(costs: UnsafeBufferPointer(rebasing: costs[0..<n]),
                                           amounts: UnsafeBufferPointer(rebasing: amounts[0..<count]),
                                           firstDay: firstDay, endDay: endDay,
                                           paid: UnsafeMutableBufferPointer(rebasing: paid[0..<n]), log: &log)
                            }
                        }
                    }
                }
            }
        }
        return log.total
    }
}
