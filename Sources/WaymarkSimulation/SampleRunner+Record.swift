extension SampleRunner {
    /// Works out, from the walk in the scratch buffers, whether the route is covered in each
    /// month and what each month leaves unpaid, into `slot` of the month buffers. A month
    /// counts as covered when the route has school days in it and every one is paid in full;
    /// a month without school days (August) takes the next month's answer, since what
    /// matters is whether the route runs when school does; months before the route's first
    /// school day (a route opened later) or after its last are not covered. Months without
    /// school days at the very end of the forecast have no next month to take: while the
    /// route runs on past the horizon they take the last school month's answer instead.
    mutating func tally(_ route: PreparedRoute, slot: Int) {
        let months = model.months.count, at = slot * months
        var nextCovered = false, lastSchoolMonth: Int?
        costs.withUnsafeBufferPointer { costs in
            paid.withUnsafeBufferPointer { paid in
                for m in stride(from: months - 1, through: 0, by: -1) {
                    let first = Int(route.monthStarts[m]), end = Int(route.monthStarts[m + 1])
                    var covered = nextCovered && end > 0
                    var gap: Int64 = 0
                    if first < end {
                        if lastSchoolMonth == nil { lastSchoolMonth = m }
                        covered = true
                        for i in first..<end {
                            let cost = costs[i]
                            if cost < 0 { covered = false; continue }
                            let unmet = cost - paid[i]
                            gap += unmet
                            if unmet != 0 { covered = false }
                        }
                    }
                    nextCovered = covered
                    monthCovered[at + m] = covered
                    monthGap[at + m] = gap
                }
            }
        }
        if route.runsPastHorizon, let last = lastSchoolMonth {
            for m in (last + 1)..<months { monthCovered[at + m] = monthCovered[at + last] }
        }
    }

    /// Adds route `r`'s tallied months (in `slot`) to the sample's figures.
    mutating func add(_ route: PreparedRoute, number r: Int, slot: Int, sample: Int, into outputs: SampleOutputs) {
        let months = model.months.count, samples = outputs.samples, at = slot * months
        let children = Int64(route.children)
        // "What it would take" also sums the gap per financial year of the routes it counts.
        let yearOfMonth = model.needs.flatMap { $0.counted[r] ? $0.yearOfMonth : nil }
        for m in 0..<months {
            let gap = monthGap[at + m]
            outputs.fundingGap[m * samples + sample] += gap
            if let yearOfMonth { outputs.yearGaps[Int(yearOfMonth[m]) * samples + sample] += gap }
            if monthCovered[at + m] {
                routeMonthCovered[r * months + m] += 1
                outputs.routesCovered[m * samples + sample] += 1
                outputs.childrenCovered[m * samples + sample] += children
            }
        }
    }
}
