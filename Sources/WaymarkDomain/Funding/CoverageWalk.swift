/// One coverage walk of one route (DESIGN.md, "Coverage"): which school days its money pays
/// for, counting either secured or projected money.
///
/// The rule is stated day by day — walk the school days in order; each day draws from the
/// allocations active that day, earliest-ending first (then earliest-starting, then oldest),
/// until paid. Because that drawing order is one fixed order for every day, the same result
/// comes from taking the allocations in drawing order and letting each pay, oldest day
/// first, what the allocations before it left unpaid: on any day an allocation draws
/// exactly `min(its balance, cost not yet met by allocations before it)` either way. The walk
/// works allocation by allocation because days already paid in full can then be skipped
/// with a "next unpaid day" pointer (union–find with path halving), so a route costs about
/// one step per school day plus one per allocation, however much the allocations overlap.
///
/// Money left in an allocation when its period ends lapses; it is never moved to a later
/// day. The walk starts at the earliest allocation because no allocation can pay for a day
/// before its own period; money spent before an as-of date stays spent, so the walk itself
/// does not depend on any as-of date — only the questions asked of it do.
///
/// Results are flat arrays indexed like the schedule's days (what each day was paid, a
/// bitset of days met in full) and a compact log of each allocation's draws with running
/// totals, which answers "drawn to date as of X" by binary search.
public struct CoverageWalk: Sendable {
    public let basis: CoverageBasis
    public let schedule: RouteSchedule
    /// The route's allocations in drawing order, counted or not; indexes below refer to these.
    public let allocations: [FundedAllocation]
    /// Pence paid towards each school day.
    let paid: [Int64]
    /// Bit i set when day i's cost is known and met in full.
    let coveredBits: [UInt64]
    /// Allocation a's draws are log entries `drawStart(a) ..< drawEnds[a]`, in day order.
    let drawEnds: [Int32]
    /// Day index of each draw, and the allocation's drawn total after it.
    let drawDays: [Int32]
    let drawRunningTotals: [Int64]

    public let paidTotal: Money
    public let coveredDayCount: Int
    public let partlyCoveredDayCount: Int
    /// Money in counted allocations that the walk never draws: it lapses at each period's end.
    public let lapsedTotal: Money
}

/// Scratch memory for walks, reused from one route to the next so a tenant's walks do not
/// allocate per day.
struct CoverageWorkspace {
    var kernel = CoverageKernel()
}

/// Keeps every draw, so the walk can answer "drawn to date as of X" later.
private struct WalkDrawLog: CoverageDrawLog {
    var drawEnds: [Int32] = [], drawDays: [Int32] = [], drawRunningTotals: [Int64] = []
    var lapsed: Int64 = 0

    mutating func draw(allocation: Int, day: Int, runningTotal: Int64) {
        drawDays.append(Int32(day))
        drawRunningTotals.append(runningTotal)
    }

    mutating func finish(allocation: Int, lapsed: Int64) {
        self.lapsed += lapsed
        drawEnds.append(Int32(drawDays.count))
    }
}

extension CoverageWalk {
    /// Walks `schedule` with `allocations` (already in drawing order; `firstDay`/`endDay` give
    /// each one's school-day indexes, end exclusive).
    init(basis: CoverageBasis, schedule: RouteSchedule, allocations: [FundedAllocation],
         firstDay: [Int32], endDay: [Int32], workspace: inout CoverageWorkspace) {
        let n = schedule.count
        let costs = schedule.costs
        var paid = [Int64](repeating: 0, count: n)
        var log = WalkDrawLog()
        log.drawEnds.reserveCapacity(allocations.count)
        // Each draw either pays a day in full (at most once per day) or empties an allocation.
        log.drawDays.reserveCapacity(n + allocations.count)
        log.drawRunningTotals.reserveCapacity(n + allocations.count)
        // Money this walk does not count draws nothing and lapses nothing.
        let amounts = allocations.map { basis.counts($0.status) ? Swift.max($0.allocation.amount.pence, 0) : 0 }
        costs.withUnsafeBufferPointer { costs in
            amounts.withUnsafeBufferPointer { amounts in
                firstDay.withUnsafeBufferPointer { firstDay in
                    endDay.withUnsafeBufferPointer { endDay in
                        paid.withUnsafeMutableBufferPointer { paid in
                            workspace.kernel.pay(costs: costs, amounts: amounts, firstDay: firstDay,
                                                 endDay: endDay, paid: paid, log: &log)
                        }
                    }
                }
            }
        }
        let (drawEnds, drawDays, drawRunningTotals, lapsed) = (log.drawEnds, log.drawDays, log.drawRunningTotals, log.lapsed)

        var bits = [UInt64](repeating: 0, count: (n + 63) >> 6)
        var paidTotal: Int64 = 0, covered = 0, partly = 0
        for i in 0..<n {
            paidTotal += paid[i]
            if costs[i] >= 0 && paid[i] == costs[i] {
                bits[i >> 6] |= 1 << UInt64(i & 63)
                covered += 1
            } else if paid[i] > 0 {
                partly += 1
            }
        }
        self.basis = basis
        self.schedule = schedule
        self.allocations = allocations
        self.paid = paid
        self.coveredBits = bits
        self.drawEnds = drawEnds
        self.drawDays = drawDays
        self.drawRunningTotals = drawRunningTotals
        self.paidTotal = Money(pence: paidTotal)
        self.coveredDayCount = covered
        self.partlyCoveredDayCount = partly
        self.lapsedTotal = Money(pence: lapsed)
    }
}
