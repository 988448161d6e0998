/// Where one allocation's money stands as of a date, in one walk.
///
/// "As of" a date means at the start of that day: school days before it have been worked
/// and paid, the day itself and later are still ahead. That matches funded-until, whose run
/// starts at the first school day on or after the as-of date. Always
/// `drawnToDate + lapsed + remaining == amount`, and `remaining == toBeDrawn + willLapse`.
public struct AllocationPosition: Hashable, Sendable {
    public let amount: Money
    /// Paid towards school days before the as-of date.
    public let drawnToDate: Money
    /// Underspend already lost: the period ended before the as-of date with this left.
    public let lapsed: Money
    /// Still in the allocation on the as-of date (zero once its period has ended).
    public let remaining: Money
    /// Of `remaining`, what the walk draws on the as-of date and after.
    public let toBeDrawn: Money
    /// Of `remaining`, what will lapse at the period's end if nothing changes (forecast underspend).
    public let willLapse: Money
}

extension CoverageWalk {
    /// Whether this walk counts the allocation's money at all.
    public func counts(allocationAt index: Int) -> Bool {
        basis.counts(allocations[index].status)
    }

    func drawStart(_ index: Int) -> Int { index == 0 ? 0 : Int(drawEnds[index - 1]) }

    /// Everything the walk draws from the allocation (zero when it is not counted).
    public func drawn(allocationAt index: Int) -> Money {
        let end = Int(drawEnds[index])
        return Money(pence: end > drawStart(index) ? drawRunningTotals[end - 1] : 0)
    }

    /// What the allocation paid towards school days before `day`.
    public func drawn(allocationAt index: Int, before day: Day) -> Money {
        let limit = Int32(schedule.index(onOrAfter: day))
        var low = drawStart(index), high = Int(drawEnds[index])
        let start = low
        while low < high {   // first draw on or after the limit
            let mid = (low + high) >> 1
            if drawDays[mid] < limit { low = mid + 1 } else { high = mid }
        }
        return Money(pence: low > start ? drawRunningTotals[low - 1] : 0)
    }

    /// Money the walk never draws from the allocation: it lapses at the period's end.
    public func lapsed(allocationAt index: Int) -> Money {
        guard counts(allocationAt: index) else { return .zero }
        return Money(pence: Swift.max(allocations[index].allocation.amount.pence, 0)) - drawn(allocationAt: index)
    }

    /// Drawn to date, lapsed and remaining as of `asOf`; nil when this walk does not count
    /// the allocation (its money is not part of this walk's picture).
    public func position(ofAllocationAt index: Int, asOf: Day) -> AllocationPosition? {
        guard counts(allocationAt: index) else { return nil }
        let amount = Money(pence: Swift.max(allocations[index].allocation.amount.pence, 0))
        let toDate = drawn(allocationAt: index, before: asOf)
        let total = drawn(allocationAt: index)
        let ended = allocations[index].allocation.period.end < asOf
        let lapse = amount - total
        return AllocationPosition(
            amount: amount, drawnToDate: toDate,
            lapsed: ended ? lapse : .zero,
            remaining: ended ? .zero : amount - toDate,
            toBeDrawn: total - toDate,
            willLapse: ended ? .zero : lapse)
    }

    /// Underspend as of `asOf`: what has already lapsed (periods ended before it) and what
    /// is forecast to lapse later.
    public func lapse(asOf: Day) -> (past: Money, future: Money) {
        var past = Money.zero, future = Money.zero
        for index in allocations.indices where counts(allocationAt: index) {
            if allocations[index].allocation.period.end < asOf {
                past += lapsed(allocationAt: index)
            } else {
                future += lapsed(allocationAt: index)
            }
        }
        return (past, future)
    }

    /// Which allocations paid towards day `dayIndex`, and how much each, in drawing order.
    public func payments(onDayAt dayIndex: Int) -> [(allocationIndex: Int, amount: Money)] {
        var result: [(Int, Money)] = []
        for index in allocations.indices {
            let start = drawStart(index)
            var low = start, high = Int(drawEnds[index])
            while low < high {
                let mid = (low + high) >> 1
                if Int(drawDays[mid]) < dayIndex { low = mid + 1 } else { high = mid }
            }
            guard low < Int(drawEnds[index]), Int(drawDays[low]) == dayIndex else { continue }
            let before = low > start ? drawRunningTotals[low - 1] : 0
            result.append((index, Money(pence: drawRunningTotals[low] - before)))
        }
        return result
    }

    /// Index of the school day the allocation last drew from, if it drew at all.
    func lastDrawDay(allocationAt index: Int) -> Int? {
        let end = Int(drawEnds[index])
        return end > drawStart(index) ? Int(drawDays[end - 1]) : nil
    }
}
