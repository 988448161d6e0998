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
/// `costs` and `paid` hold one shared stretch, where each route no pooled fund reaches is
/// walked and recorded at once, followed by a stretch per route a fund may pay for: those
/// walks are kept until every fund has been spent on them, then recorded.
struct SampleRunner {
    let model: PreparedScenario
    let seed: UInt64
    var draws: SampleDraws
    private var kernel = CoverageKernel()
    var costs: [Int64], paid: [Int64]
    private var amounts: [Int64]
    /// Scratch for pooled funds: one entry per eligible route of the largest fund.
    var poolGaps: [Int64], poolGrants: [Int64], poolOrder: [Int32]
    /// Route r, month m at `r * months + m`.
    var routeMonthCovered: [Int32]
    var times = PhaseTimes()

    init(model: PreparedScenario, seed: UInt64) {
        self.model = model
        self.seed = seed
        draws = SampleDraws(model: model)
        costs = [Int64](repeating: 0, count: model.scratchDays)
        paid = [Int64](repeating: 0, count: model.scratchDays)
        amounts = [Int64](repeating: 0, count: model.maxAllocations)
        let widest = model.pools.map(\.routes.count).max() ?? 0
        poolGaps = [Int64](repeating: 0, count: widest)
        poolGrants = [Int64](repeating: 0, count: widest)
        poolOrder = [Int32](repeating: 0, count: widest)
        routeMonthCovered = [Int32](repeating: 0, count: model.routes.count * model.months.count)
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
        var lapsed: Int64 = 0
        for r in model.routes.indices {
            let route = model.routes[r], held = model.heldAt[r]
            lapsed += walk(route, at: held ?? 0)
            let walked = DispatchTime.now().uptimeNanoseconds
            times.coverage += walked - clock
            clock = walked
            guard held == nil else { continue }
            record(route, number: r, at: 0, sample: sample, into: outputs)
            clock = DispatchTime.now().uptimeNanoseconds
            times.aggregation += clock - walked
        }
        guard !model.heldRoutes.isEmpty else {
            outputs.lapsed[sample] = lapsed
            return
        }
        lapsed += spendPools()
        let spent = DispatchTime.now().uptimeNanoseconds
        times.coverage += spent - clock
        for r in model.heldRoutes {
            record(model.routes[Int(r)], number: Int(r), at: model.heldAt[Int(r)]!, sample: sample, into: outputs)
        }
        times.aggregation += DispatchTime.now().uptimeNanoseconds - spent
        outputs.lapsed[sample] = lapsed
    }

    /// Prices the route's days and its allocations for this sample, then runs the coverage
    /// kernel (projected-style: money that materialised counts) into the scratch buffers
    /// from `offset`. Returns the money lapsing.
    private mutating func walk(_ route: PreparedRoute, at offset: Int) -> Int64 {
        let n = route.costs.count
        let inflation = draws.inflation, multiplier = draws.slotMultiplier
        route.costs.withUnsafeBufferPointer { base in
            costs.withUnsafeMutableBufferPointer { all in
                let costs = UnsafeMutableBufferPointer(rebasing: all[offset..<(offset + n)])
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
                                let paid = UnsafeMutableBufferPointer(rebasing: paid[offset..<(offset + n)])
                                for i in 0..<n { paid[i] = 0 }
                                log = LapseLog(counts: counts)
                                kernel.pay(costs: UnsafeBufferPointer(rebasing: costs[offset..<(offset + n)]),
                                           amounts: UnsafeBufferPointer(rebasing: amounts[0..<count]),
                                           firstDay: firstDay, endDay: endDay, paid: paid, log: &log)
                            }
                        }
                    }
                }
            }
        }
        return log.total
    }
}
