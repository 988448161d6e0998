extension SampleRunner {
    /// Notes, for the route just paid (held route `h`), its gap in each fund's period
    /// before any fund has paid.
    mutating func noteGaps(held h: Int) {
        funded[h] = false
        let layout = model.poolLayout
        for entry in layout.entries[h] {
            let pool = model.pools[entry.pool]
            entryGaps[layout.entryStart[entry.pool] + entry.entry] = ledger.gap(from: Int(pool.firstDay[entry.entry]),
                                                                                to: Int(pool.endDay[entry.entry]))
        }
    }

    /// Spends every pooled fund that came in this sample, in the scenario's order, on the
    /// gaps of the routes it may pay for. Returns the money lapsing.
    ///
    /// A fund's grant to a route pays as one more allocation drawn after all of the route's
    /// others (and after earlier funds' grants): allocations pay one after another, so
    /// paying the grant on top of the route's own allocations — oldest unpaid day in the
    /// fund's period first — is that allocation. A route's gap for a fund changes only if an
    /// earlier fund paid it days inside this fund's period; only then is it paid again.
    mutating func spendPools() -> Int64 {
        let layout = model.poolLayout
        for i in entryGrants.indices { entryGrants[i] = 0 }
        var lapsed: Int64 = 0
        for p in model.pools.indices where draws.poolComes[p] {
            let pool = model.pools[p], start = layout.entryStart[p], count = pool.routes.count
            for e in 0..<count {
                let h = layout.slot[Int(pool.routes[e])]!
                guard funded[h], paidEarlier(held: h, insideOf: p, entry: e) else { continue }
                repay(model.routes[Int(pool.routes[e])], held: h, before: p)
                entryGaps[start + e] = ledger.gap(from: Int(pool.firstDay[e]), to: Int(pool.endDay[e]))
            }
            let left = entryGaps.withUnsafeBufferPointer { gaps in
                entryGrants.withUnsafeMutableBufferPointer { grants in
                    poolOrder.withUnsafeMutableBufferPointer { order in
                        PoolSpending.divide(pool.amount, among: UnsafeBufferPointer(rebasing: gaps[start..<(start + count)]),
                                            pool: pool, grants: UnsafeMutableBufferPointer(rebasing: grants[start..<(start + count)]),
                                            order: order)
                    }
                }
            }
            for e in 0..<count where entryGrants[start + e] > 0 { funded[layout.slot[Int(pool.routes[e])]!] = true }
            if pool.lapsesInHorizon { lapsed += left }
        }
        return lapsed
    }

    /// Whether a fund before `p` gave held route `h` money for days inside fund p's period.
    private func paidEarlier(held h: Int, insideOf p: Int, entry e: Int) -> Bool {
        let layout = model.poolLayout, pool = model.pools[p]
        return layout.entries[h].contains { earlier in
            guard earlier.pool < p, entryGrants[layout.entryStart[earlier.pool] + earlier.entry] > 0 else { return false }
            let other = model.pools[earlier.pool]
            return other.firstDay[earlier.entry] < pool.endDay[e] && pool.firstDay[e] < other.endDay[earlier.entry]
        }
    }

    /// Pays held route `h` again: its own allocations, then the grants of the funds before
    /// `limit`, in order.
    mutating func repay(_ route: PreparedRoute, held h: Int, before limit: Int) {
        // What its allocations leave to lapse was counted the first time.
        _ = ledger.payAllocations(of: route, inflation: draws.inflation, multiplier: draws.slotMultiplier)
        let layout = model.poolLayout
        for entry in layout.entries[h] where entry.pool < limit {
            let grant = entryGrants[layout.entryStart[entry.pool] + entry.entry]
            guard grant > 0 else { continue }
            let pool = model.pools[entry.pool]
            ledger.pay(grant, from: Int(pool.firstDay[entry.entry]), to: Int(pool.endDay[entry.entry]))
        }
    }
}
