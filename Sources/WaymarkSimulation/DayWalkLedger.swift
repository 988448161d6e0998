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

/// The reference engine (`SimulationEngine.walk`): prices every school day of the route and
/// runs the coverage kernel over them, day by day, as the coverage engine does. Scratch
/// buffers are sized once and reused for every route.
struct DayWalkLedger: RouteLedger {
    private var kernel = CoverageKernel()
    /// What each day costs in this sample and what it has been paid.
    private var costs: [Int64], paid: [Int64]
    private var amounts: [Int64]

    init(routes: [PreparedRoute], grants: Int) {
        let days = routes.map(\.costs.count).max() ?? 0
        costs = [Int64](repeating: 0, count: days)
        paid = [Int64](repeating: 0, count: days)
        amounts = [Int64](repeating: 0, count: routes.map(\.amounts.count).max() ?? 0)
    }

    mutating func payAllocations(of route: PreparedRoute, inflation: [Double], multiplier: [Double]) -> Int64 {
        let n = route.costs.count
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

    @discardableResult
    mutating func pay(_ amount: Int64, from: Int, to: Int) -> Int64 {
        costs.withUnsafeBufferPointer { costs in
            paid.withUnsafeMutableBufferPointer { paid in Self.fill(costs, paid, from: from, to: to, amount: amount) }
        }
    }

    /// Pays `amount` towards the days `from ..< to`, oldest unpaid day first, as the kernel
    /// pays one allocation. Returns what is left (nothing when `amount` is at most the gap).
    @discardableResult @inline(__always)
    static func fill(_ costs: UnsafeBufferPointer<Int64>, _ paid: UnsafeMutableBufferPointer<Int64>,
                     from: Int, to: Int, amount: Int64) -> Int64 {
        var left = amount
        var i = from
        while left > 0 && i < to {
            let need = costs[i] > 0 ? costs[i] - paid[i] : 0
            let take = Swift.min(need, left)
            paid[i] += take
            left -= take
            i += 1
        }
        return left
    }

    /// Days of unknown (negative) cost are never paid, so `max(cost, 0) - paid` counts them
    /// as nothing, without a branch.
    func gap(from: Int, to: Int) -> Int64 {
        costs.withUnsafeBufferPointer { costs in
            paid.withUnsafeBufferPointer { paid in
                var gap: Int64 = 0
                for i in from..<to { gap &+= Swift.max(costs[i], 0) &- paid[i] }
                return gap
            }
        }
    }

    /// The reference does not look: its routes always go the long way, month by month, so
    /// comparing the engines checks the jumping engine's shortcut too.
    func paysInFull(_ route: PreparedRoute) -> Bool { false }

    func monthFigures(of route: PreparedRoute, gaps: UnsafeMutableBufferPointer<Int64>,
                      paidInFull: UnsafeMutableBufferPointer<Bool>) {
        costs.withUnsafeBufferPointer { costs in
            paid.withUnsafeBufferPointer { paid in
                for m in 0..<gaps.count {
                    let first = Int(route.monthStarts[m]), end = Int(route.monthStarts[m + 1])
                    guard first < end else { continue }
                    var full = true
                    var gap: Int64 = 0
                    for i in first..<end {
                        let cost = costs[i]
                        if cost < 0 { full = false; continue }
                        let unmet = cost - paid[i]
                        gap += unmet
                        if unmet != 0 { full = false }
                    }
                    gaps[m] = gap
                    paidInFull[m] = full
                }
            }
        }
    }
}
