/// What a caller of `CoverageKernel.pay` wants to hear about the draws: the coverage walk keeps
/// a log of every draw, the simulation only sums what lapses.
public protocol CoverageDrawLog {
    /// Allocation `allocation` paid towards day `day`; it has now paid `runningTotal` in all.
    mutating func draw(allocation: Int, day: Int, runningTotal: Int64)
    /// Allocation `allocation` is done; `lapsed` pence of it were never drawn.
    mutating func finish(allocation: Int, lapsed: Int64)
}

/// The coverage rule's inner loop on flat arrays (DESIGN.md, "Coverage"; the reasoning is on
/// `CoverageWalk`), shared by `CoverageWalk` and the Monte Carlo simulation, which runs it
/// once per route per sample and so cannot afford to build a walk's result arrays each time.
///
/// Holds the scratch "next unpaid day" pointers, reused from one route to the next.
public struct CoverageKernel: Sendable {
    /// Next unpaid day on or after each day (itself when unpaid); slot `count` is the sentinel.
    @usableFromInline var nextUnpaid: [Int32] = []

    public init() {}

    /// Pays `costs` (pence per school day, negative meaning unknown) from allocations taken
    /// in drawing order: allocation `a` holds `amounts[a]` pence (zero for money the caller
    /// does not count) and may pay school days `firstDay[a] ..< endDay[a]`. `paid` must have
    /// one zeroed slot per day; it receives what each day was paid.
    @inlinable
    public mutating func pay<Log: CoverageDrawLog>(
        costs: UnsafeBufferPointer<Int64>, amounts: UnsafeBufferPointer<Int64>,
        firstDay: UnsafeBufferPointer<Int32>, endDay: UnsafeBufferPointer<Int32>,
        paid: UnsafeMutableBufferPointer<Int64>, log: inout Log
    ) {
        resetNextUnpaid(costs: costs)
        nextUnpaid.withUnsafeMutableBufferPointer { next in
            for a in 0..<amounts.count {
                let amount = Swift.max(amounts[a], 0)
                var balance = amount
                if balance > 0 {
                    let end = Int(endDay[a])
                    var i = CoverageKernel.find(Int(firstDay[a]), in: next)
                    while balance > 0 && i < end {
                        let need = costs[i] - paid[i]
                        let take = Swift.min(need, balance)
                        paid[i] += take
                        balance -= take
                        log.draw(allocation: a, day: i, runningTotal: amount - balance)
                        guard take == need else { break }   // the allocation is empty
                        next[i] = Int32(i + 1)
                        i = CoverageKernel.find(i + 1, in: next)
                    }
                }
                log.finish(allocation: a, lapsed: balance)
            }
        }
    }

    /// Days with nothing to pay — a zero cost, or an unknown one the walk must not pay
    /// towards — start out skipped.
    @inlinable
    mutating func resetNextUnpaid(costs: UnsafeBufferPointer<Int64>) {
        let n = costs.count
        if nextUnpaid.count < n + 1 { nextUnpaid = [Int32](repeating: 0, count: n + 1) }
        nextUnpaid.withUnsafeMutableBufferPointer { next in
            for i in 0..<n { next[i] = Int32(costs[i] > 0 ? i : i + 1) }
            next[n] = Int32(n)
        }
    }

    /// The first unpaid day at or after `day`, halving the path as it goes.
    @inlinable @inline(__always)
    static func find(_ day: Int, in next: UnsafeMutableBufferPointer<Int32>) -> Int {
        var i = day
        while Int(next[i]) != i {
            let grandparent = next[Int(next[i])]
            next[i] = grandparent
            i = Int(grandparent)
        }
        return i
    }
}
