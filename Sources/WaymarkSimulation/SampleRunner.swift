import Dispatch
import WaymarkDomain

/// One worker's machinery: scratch buffers sized once, reused for every sample it runs, and
/// its running count of samples in which each route is covered each month. `Ledger` is the
/// engine that works out what a route's money pays (`SimulationEngine`).
///
/// A route no pooled fund reaches is paid and added to the sample's figures at once (only
/// counted, when its own money pays every school day of the forecast). A route a fund may
/// pay for is paid, its gap in each fund's period noted and its months tallied and kept;
/// once every fund has been spent, a route that got nothing adds its kept months, and only
/// a route that got money is paid again, with its grants.
struct SampleRunner<Ledger: RouteLedger> {
    let model: PreparedScenario
    let seed: UInt64
    var draws: SampleDraws
    /// The route paid last.
    var ledger: Ledger
    /// Months of each held route (slot h), then one spare slot for the route being added
    /// at once; the sample's totals; each route's covered-month counts.
    let book: MonthBook
    /// Per pooled-fund entry (`PoolLayout.entryStart`): the route's gap in the fund's
    /// period, and what the fund gives it this sample.
    var entryGaps: [Int64], entryGrants: [Int64]
    /// Whether each held route has had money from a fund this sample, and whether its own
    /// money paid it in full throughout (then its months were not tallied).
    var funded: [Bool], paidInFull: [Bool]
    var poolOrder: [Int32]
    var times = PhaseTimes()

    init(model: PreparedScenario, seed: UInt64) {
        self.model = model
        self.seed = seed
        draws = SampleDraws(model: model)
        ledger = Ledger(model: model)
        let layout = model.poolLayout, months = model.months.count
        book = MonthBook(routes: model.routes, months: months, slots: layout.heldRoutes.count + 1,
                         years: model.needs?.years ?? 0)
        entryGaps = [Int64](repeating: 0, count: layout.entryCount)
        entryGrants = [Int64](repeating: 0, count: layout.entryCount)
        funded = [Bool](repeating: false, count: layout.heldRoutes.count)
        paidInFull = funded
        poolOrder = [Int32](repeating: 0, count: model.pools.map(\.routes.count).max() ?? 0)
    }

    mutating func run(sample: Int, into outputs: SampleOutputs) {
        let start = DispatchTime.now().uptimeNanoseconds
        draws.draw(sample: sample, seed: seed, model: model)
        var clock = DispatchTime.now().uptimeNanoseconds
        times.drawing += clock - start

        book.startSample()
        let layout = model.poolLayout, spare = layout.heldRoutes.count
        let timed = sample % PhaseTimes.timedEvery == 0
        var lapsed: Int64 = 0
        for r in model.routes.indices {
            let route = model.routes[r]
            lapsed += ledger.payAllocations(of: route, inflation: draws.inflation, multiplier: draws.slotMultiplier)
            // A route paid in full throughout needs no monthly figures: counting it is part
            // of paying. A route a pooled fund may pay for is counted once the funds are spent.
            let held = layout.slot[r]
            let full = ledger.paysInFull(route)
            if let h = held { paidInFull[h] = full }
            if full && held == nil {
                book.addPaidInFull(route: r)
                continue
            }
            var paid: UInt64 = 0
            if timed {
                paid = DispatchTime.now().uptimeNanoseconds
                times.loopPaying += paid - clock
            }
            if let h = held {
                noteGaps(held: h)
                if !full { tally(route, slot: h) }
            } else {
                tally(route, slot: spare)
                add(route, number: r, slot: spare)
            }
            if timed {
                clock = DispatchTime.now().uptimeNanoseconds
                times.loopTallying += clock - paid
            }
        }
        let looped = DispatchTime.now().uptimeNanoseconds
        if timed { times.loopPaying += looped - clock } else { times.untimedLoops += looped - clock }
        clock = looped
        if spare > 0 { lapsed += spendPools() }
        let spent = DispatchTime.now().uptimeNanoseconds
        times.coverage += spent - clock
        if spare > 0 {
            for (h, r) in layout.heldRoutes.enumerated() {
                let route = model.routes[r]
                if funded[h] {
                    repay(route, held: h, before: model.pools.count)
                    tally(route, slot: h)
                } else if paidInFull[h] {
                    book.addPaidInFull(route: r)
                    continue
                }
                add(route, number: r, slot: h)
            }
            times.aggregation += DispatchTime.now().uptimeNanoseconds - spent
        }
        book.finishSample(sample, into: outputs)
        outputs.lapsed[sample] = lapsed
    }
}
