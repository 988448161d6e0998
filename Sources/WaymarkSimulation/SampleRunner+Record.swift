extension SampleRunner {
    /// Works out, from the route just paid, whether it is covered in each month and what
    /// each month leaves unpaid, into `slot` of the month buffers. A month counts as covered
    /// when the route has school days in it and every one is paid in full; a month without
    /// school days (August) takes the next month's answer, since what matters is whether the
    /// route runs when school does; months before the route's first school day (a route
    /// opened later) or after its last are not covered. Months without school days at the
    /// very end of the forecast have no next month to take: while the route runs on past the
    /// horizon they take the last school month's answer instead.
    ///
    /// Which month each month without school days takes its answer from depends on the
    /// route alone, so it is worked out once (`PreparedRoute.monthsWithoutSchool`).
    mutating func tally(_ route: PreparedRoute, slot: Int) {
        let covered = book.covered(slot: slot), gaps = book.gaps(slot: slot)
        ledger.monthFigures(of: route, gaps: gaps, paidInFull: covered)
        for borrowed in route.monthsWithoutSchool {
            let m = Int(borrowed.month)
            covered[m] = borrowed.from >= 0 && covered[Int(borrowed.from)]
            gaps[m] = 0
        }
    }

    /// Adds route `r`'s tallied months (in `slot`) to the sample's figures.
    func add(_ route: PreparedRoute, number r: Int, slot: Int) {
        // "What it would take" also sums the gap per financial year of the routes it counts.
        let yearOfMonth = model.needs.flatMap { $0.counted[r] ? $0.yearOfMonth : nil }
        book.add(slot: slot, route: r, children: Int64(route.children), yearOfMonth: yearOfMonth)
    }
}

/// A month in which a route has no school days, and the month whose answer it takes (-1:
/// it is not covered).
struct BorrowedAnswer: Sendable, Equatable {
    var month: Int32
    var from: Int32

    /// The rules of `SampleRunner.tally`, latest month first so each answer is settled
    /// before a month that takes it: a month without school days takes the next month's
    /// answer once the route has begun, that month's own if it has school days or the one it
    /// took if not; at the end, while the route runs past the horizon, the last school
    /// month's.
    static func months(monthStarts: [Int32], runsPastHorizon: Bool) -> [BorrowedAnswer] {
        var borrowed: [BorrowedAnswer] = []
        var next: Int32 = -1, lastSchoolMonth: Int32?
        for m in stride(from: monthStarts.count - 2, through: 0, by: -1) {
            if monthStarts[m] < monthStarts[m + 1] {
                next = Int32(m)
                if lastSchoolMonth == nil { lastSchoolMonth = Int32(m) }
            } else {
                next = monthStarts[m + 1] > 0 ? next : -1
                borrowed.append(BorrowedAnswer(month: Int32(m), from: next))
            }
        }
        if runsPastHorizon, let last = lastSchoolMonth {
            for i in borrowed.indices where borrowed[i].month > last { borrowed[i].from = last }
        }
        return borrowed
    }
}
