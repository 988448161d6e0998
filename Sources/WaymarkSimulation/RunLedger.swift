/// The default engine (`SimulationEngine.jump`): the coverage rule without visiting each
/// school day.
///
/// An allocation pays the oldest unpaid days of its window in turn until its money runs
/// out, so what it leaves behind is always the same shape: every day from the window's start
/// to some day d paid in full, day d perhaps paid in part, the rest as it was. What was paid
/// is therefore a few sorted intervals of days paid in full and a few days paid in part (at
/// most one of each per allocation), and day d is found by arithmetic: within a run of days
/// that cost the same (`CostRuns`), the cost of the days before any day is the run's cost
/// so far plus whole days at its price, so d is a division away once a binary search over
/// the runs has found the run. Every figure is a sum of whole pence, as in the walk, so the
/// two engines agree to the penny.
///
/// Days of zero or unknown (negative) cost have nothing to pay: they count as costing
/// nothing here, which is what the kernel's skipping them amounts to.
final class RunLedger: RouteLedger {
    /// A day with the known cost of the days before it (`cost(before:)`) and its run: where
    /// a payment stands, kept with the days it ends at so that stepping to them needs no
    /// search.
    struct Mark {
        var day: Int
        var costBefore: Int64
        var run: Int
    }

    /// Days `start.day ..< end.day` paid in full.
    struct Done {
        var start: Mark, end: Mark
    }

    /// A day paid in part: what it was paid, and its own cost.
    struct Part {
        var at: Mark
        var paid: Int64, cost: Int64
    }

    /// Per run of the route in hand, in this sample: its first day, the price of a day
    /// (unknown as 0), whether its days are of unknown cost (1) or not (0), and the totals of
    /// both over the runs before it. One more slot than runs: the end, costing nothing.
    /// Copied from the route for each sample, so that finding a day's run reads these few
    /// lines rather than a per-day table the size of the route's schedule.
    let starts: UnsafeMutableBufferPointer<Int>
    var runCount = 0
    let rate: UnsafeMutableBufferPointer<Int64>
    let unknown: UnsafeMutableBufferPointer<Int64>
    let costBefore: UnsafeMutableBufferPointer<Int64>
    let unknownBefore: UnsafeMutableBufferPointer<Int64>
    /// Sorted, never touching one another.
    let done: UnsafeMutableBufferPointer<Done>
    var doneCount = 0
    /// Sorted, never inside a done interval.
    let parts: UnsafeMutableBufferPointer<Part>
    var partCount = 0
    /// Whether the route in hand has days of unknown cost in this sample.
    var anyUnknown = false

    init(routes: [PreparedRoute], grants: Int) {
        let runs = (routes.map(\.runs.count).max() ?? 0) + 1
        // Each payment adds at most one interval and one part-paid day: the route's own
        // allocations, then one grant per pooled fund.
        let allocations = routes.map(\.amounts.count).max() ?? 0
        let payments = allocations + grants + 1
        // One slot more again: past the end, where forward searches stop.
        starts = .allocate(capacity: runs + 1)
        starts.initialize(repeating: 0)
        costBefore = .allocate(capacity: runs + 1)
        costBefore.initialize(repeating: 0)
        rate = .allocate(capacity: runs)
        unknown = .allocate(capacity: runs)
        unknownBefore = .allocate(capacity: runs)
        for buffer in [rate, unknown, unknownBefore] { buffer.initialize(repeating: 0) }
        let nowhere = Mark(day: 0, costBefore: 0, run: 0)
        done = .allocate(capacity: payments)
        done.initialize(repeating: Done(start: nowhere, end: nowhere))
        parts = .allocate(capacity: payments)
        parts.initialize(repeating: Part(at: nowhere, paid: 0, cost: 0))
    }

    deinit {
        for buffer in [rate, unknown, costBefore, unknownBefore] { buffer.deallocate() }
        starts.deallocate()
        done.deallocate()
        parts.deallocate()
    }

    func payAllocations(of route: PreparedRoute, inflation: [Double], multiplier: [Double]) -> Int64 {
        price(route.runs, inflation: inflation)
        return route.terms.withUnsafeBufferPointer { terms in
            var lapsed: Int64 = 0
            for a in terms.indices {
                let amount = terms[a].amount(multiplier: multiplier)
                guard amount > 0 else { continue }
                let left = pay(amount, from: Int(terms[a].firstDay), to: Int(terms[a].endDay))
                if terms[a].lapsesInHorizon { lapsed += left }
            }
            return lapsed
        }
    }

    /// Walks the window's unpaid stretches (between done intervals, cut at part-paid days)
    /// a stretch at a time: a stretch whose whole cost the money meets is passed in one step;
    /// the first it cannot meet holds the day the money runs out. Only the window's ends are
    /// looked up; every other cost comes with the interval or day it belongs to.
    @discardableResult
    func pay(_ amount: Int64, from: Int, to: Int) -> Int64 {
        guard amount > 0, from < to else { return Swift.max(amount, 0) }
        var i = firstDone(endingAfter: from), q = firstPart(onOrAfter: from)
        var x: Mark
        let payment: Payment
        if i < doneCount && done[i].start.day <= from {
            // Often the money that came before has already paid the whole window.
            if done[i].end.day >= to { return amount }
            // The days paid now join this interval, which holds their start.
            payment = Payment(start: nil, joins: i, firstPart: q)
            x = done[i].end
            i += 1
        } else {
            x = mark(from)
            // They may join an interval ending on `from`.
            payment = Payment(start: x, joins: i > 0 && done[i - 1].end.day == from ? i - 1 : i, firstPart: q)
        }
        var left = amount
        var end: Mark?   // `to`, looked up when first needed
        while true {
            if x.day >= to {
                // Every day up to `x` is paid now: `to`, or the end of the interval holding it.
                markDone(payment, to: x, parts: q)
                return left
            }
            let stretchEnd: Mark
            if i < doneCount && done[i].start.day < to {
                stretchEnd = done[i].start
            } else {
                if end == nil { end = mark(to, after: x) }
                stretchEnd = end!
            }
            while q < partCount && parts[q].at.day < stretchEnd.day {
                let part = parts[q]
                if left < part.at.costBefore - x.costBefore { return runOut(left, payment, at: x, parts: q) }
                left -= part.at.costBefore - x.costBefore
                let need = part.cost - part.paid
                if left < need {
                    parts[q].paid += left
                    markDone(payment, to: part.at, parts: q)
                    return 0
                }
                left -= need
                x = mark(part.at.day + 1, after: part.at)
                q += 1
            }
            if left < stretchEnd.costBefore - x.costBefore { return runOut(left, payment, at: x, parts: q) }
            left -= stretchEnd.costBefore - x.costBefore
            // Past the stretch: into the done interval that ends it, or to the window's end.
            if i < doneCount && done[i].start.day == stretchEnd.day {
                x = done[i].end
                i += 1
            } else {
                x = stretchEnd
            }
        }
    }

    /// The money (`left`) runs out in the unpaid days from `at` on, before their stretch
    /// ends: pays the days it meets in full, and the day after them in part. The days from
    /// the payment's start are already paid; part-paid days among them end before `parts`.
    private func runOut(_ left: Int64, _ payment: Payment, at: Mark, parts q: Int) -> Int64 {
        let target = at.costBefore + left
        // The last run starting with at most `target` spent: it has a price (a run costing
        // nothing would leave the next one starting within `target` too), and the day the
        // money runs out is in it. Usually the run `at` is in, or the next.
        var k = at.run, steps = 0
        while costBefore[k + 1] <= target && steps < 3 {
            k += 1
            steps += 1
        }
        if costBefore[k + 1] <= target {
            var count = runCount + 1 - k
            while count > 1 {
                let half = count >> 1
                k = costBefore[k + half] <= target ? k + half : k
                count -= half
            }
        }
        let over = target - costBefore[k]
        let day = starts[k] + Int(over / rate[k]), rest = over % rate[k]
        let stop = Mark(day: day, costBefore: target - rest, run: k)
        markDone(payment, to: stop, parts: q)
        // The part-paid days before it are gone: it takes the place of the first.
        if rest > 0 { insertPart(Part(at: stop, paid: rest, cost: rate[k]), at: payment.firstPart) }
        return 0
    }
}
