/// What has been paid, as sorted done intervals and part-paid days: finding, merging, and
/// the sums the sample loop asks for.
extension RunLedger {
    /// Where one payment's days go: its first day (nil when a done interval holds it), the
    /// done interval it may join (the first ending on or after its first day), and the first
    /// part-paid day it may take in.
    struct Payment {
        var start: Mark?
        var joins: Int
        var firstPart: Int
    }

    /// The first done interval ending after `day`.
    @inline(__always)
    func firstDone(endingAfter day: Int) -> Int {
        var low = 0, high = doneCount
        while low < high {
            let mid = (low + high) >> 1
            if done[mid].end.day <= day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The first part-paid day on or after `day`.
    @inline(__always)
    func firstPart(onOrAfter day: Int) -> Int {
        var low = 0, high = partCount
        while low < high {
            let mid = (low + high) >> 1
            if parts[mid].at.day < day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Records the days from the payment's start to `to` as paid in full: one interval,
    /// merged with every interval it overlaps or touches, and the part-paid days inside it
    /// (from the payment's first to `endOfParts`) gone.
    func markDone(_ payment: Payment, to: Mark, parts endOfParts: Int) {
        let joins = payment.joins
        var high = joins
        while high < doneCount && done[high].start.day <= to.day { high += 1 }
        var merged: Done
        if joins < high && (payment.start == nil || done[joins].start.day <= payment.start!.day) {
            merged = Done(start: done[joins].start, end: to)
        } else {
            guard let start = payment.start, start.day < to.day else { return }
            merged = Done(start: start, end: to)
        }
        if joins < high && done[high - 1].end.day > to.day { merged.end = done[high - 1].end }
        // Intervals joins ..< high become one at `joins`.
        let shift = 1 - (high - joins)
        if shift != 0 {
            move(done, from: high, count: doneCount - high, by: shift)
            doneCount += shift
        }
        done[joins] = merged
        let gone = endOfParts - payment.firstPart
        if gone > 0 {
            move(parts, from: endOfParts, count: partCount - endOfParts, by: -gone)
            partCount -= gone
        }
    }

    /// Notes a day paid in part, not paid before; `at` is its place among the others.
    func insertPart(_ part: Part, at: Int) {
        move(parts, from: at, count: partCount - at, by: 1)
        parts[at] = part
        partCount += 1
    }

    @inline(__always)
    private func move<T>(_ buffer: UnsafeMutableBufferPointer<T>, from: Int, count: Int, by offset: Int) {
        guard count > 0 else { return }
        let base = buffer.baseAddress!
        (base + from + offset).update(from: base + from, count: count)
    }

    /// What the days `from ..< to` have been paid.
    func paid(from: Int, to: Int) -> Int64 {
        var total: Int64 = 0
        var i = firstDone(endingAfter: from)
        while i < doneCount && done[i].start.day < to {
            let start = done[i].start.day < from ? cost(before: from) : done[i].start.costBefore
            let end = done[i].end.day > to ? cost(before: to) : done[i].end.costBefore
            total += end - start
            i += 1
        }
        var q = firstPart(onOrAfter: from)
        while q < partCount && parts[q].at.day < to {
            total += parts[q].paid
            q += 1
        }
        return total
    }

    func gap(from: Int, to: Int) -> Int64 {
        guard from < to else { return 0 }
        return cost(before: to) - cost(before: from) - paid(from: from, to: to)
    }

    /// One done interval holds the whole forecast (a part-paid day never lies inside one),
    /// and no day in it has an unknown cost.
    func paysInFull(_ route: PreparedRoute) -> Bool {
        let first = Int(route.monthStarts[0]), last = Int(route.monthStarts[route.monthStarts.count - 1])
        guard first < last else { return false }
        let i = firstDone(endingAfter: first)
        guard i < doneCount && done[i].start.day <= first && done[i].end.day >= last else { return false }
        return !anyUnknown || unknownDays(before: last) == unknownDays(before: first)
    }

    /// Starts every month at nothing unpaid, then adds the cost of each stretch of days not
    /// paid in full to the months it touches and takes off what the part-paid days were
    /// paid: a route paid for throughout costs one look at its first done interval, whatever
    /// the number of months.
    func monthFigures(of route: PreparedRoute, gaps: UnsafeMutableBufferPointer<Int64>,
                      paidInFull: UnsafeMutableBufferPointer<Bool>) {
        route.monthStarts.withUnsafeBufferPointer { monthStarts in
            let months = gaps.count
            gaps.update(repeating: 0)
            let first = Int(monthStarts[0]), last = Int(monthStarts[months])
            var x = first, m = 0
            var i = firstDone(endingAfter: first)
            while x < last {
                if i < doneCount && done[i].start.day <= x {
                    x = done[i].end.day
                    i += 1
                    continue
                }
                let stretchEnd = i < doneCount ? Swift.min(last, done[i].start.day) : last
                var costAtX = cost(before: x)
                while x < stretchEnd {
                    while Int(monthStarts[m + 1]) <= x { m += 1 }
                    let end = Swift.min(stretchEnd, Int(monthStarts[m + 1]))
                    let costAtEnd = cost(before: end)
                    gaps[m] += costAtEnd - costAtX
                    (x, costAtX) = (end, costAtEnd)
                }
            }
            m = 0
            for q in firstPart(onOrAfter: first)..<partCount {
                let day = parts[q].at.day
                guard day < last else { break }
                while Int(monthStarts[m + 1]) <= day { m += 1 }
                gaps[m] -= parts[q].paid
            }
            for m in 0..<months { paidInFull[m] = gaps[m] == 0 }
            guard anyUnknown else { return }
            for m in 0..<months where paidInFull[m] {
                paidInFull[m] = unknownDays(before: Int(monthStarts[m + 1])) == unknownDays(before: Int(monthStarts[m]))
            }
        }
    }
}
