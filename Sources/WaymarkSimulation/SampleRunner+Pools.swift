extension SampleRunner {
    /// Spends every pooled fund that came in this sample, in the scenario's order, on the
    /// kept walks of the routes it may pay for. Returns the money lapsing.
    ///
    /// A fund's grant to a route pays as one more allocation drawn after all of the route's
    /// others (and after earlier funds' grants): the kernel walks allocations one after
    /// another, so paying the grant on top of the finished walk — oldest unpaid day in the
    /// fund's period first — is that walk, without walking the route again.
    mutating func spendPools() -> Int64 {
        var lapsed: Int64 = 0
        for p in model.pools.indices where draws.poolComes[p] {
            let pool = model.pools[p]
            let count = pool.routes.count
            let left = costs.withUnsafeBufferPointer { costs in
                paid.withUnsafeMutableBufferPointer { paid in
                    poolGaps.withUnsafeMutableBufferPointer { gaps in
                        poolGrants.withUnsafeMutableBufferPointer { grants in
                            poolOrder.withUnsafeMutableBufferPointer { order in
                                for e in 0..<count {
                                    let at = model.heldAt[Int(pool.routes[e])]!
                                    gaps[e] = Self.gap(costs, paid, from: at + Int(pool.firstDay[e]), to: at + Int(pool.endDay[e]))
                                }
                                let left = PoolSpending.divide(pool.amount, among: UnsafeBufferPointer(rebasing: gaps[0..<count]),
                                                               pool: pool, grants: UnsafeMutableBufferPointer(rebasing: grants[0..<count]),
                                                               order: order)
                                for e in 0..<count where grants[e] > 0 {
                                    let at = model.heldAt[Int(pool.routes[e])]!
                                    Self.fill(costs, paid, from: at + Int(pool.firstDay[e]), to: at + Int(pool.endDay[e]),
                                              amount: grants[e])
                                }
                                return left
                            }
                        }
                    }
                }
            }
            if pool.lapsesInHorizon { lapsed += left }
        }
        return lapsed
    }

    /// Unpaid cost of the days `from ..< to` whose cost is known. Days of unknown (negative)
    /// cost are never paid, so `max(cost, 0) - paid` counts them as nothing, without a branch.
    @inline(__always)
    static func gap(_ costs: UnsafeBufferPointer<Int64>, _ paid: UnsafeMutableBufferPointer<Int64>, from: Int, to: Int) -> Int64 {
        var gap: Int64 = 0
        for i in from..<to { gap &+= Swift.max(costs[i], 0) &- paid[i] }
        return gap
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
}
