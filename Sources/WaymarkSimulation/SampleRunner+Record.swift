extension SampleRunner {
    /// Adds the walked route `r` (its days at `offset` in the scratch buffers) to the sample's
    /// monthly figures. A month counts as covered when the route has school days in it and
    /// every one is paid in full; a month without school days (August) takes the next
    /// month's answer, since what matters is whether the route runs when school does; months
    /// before the route's first school day (a route opened later) or after its last are not
    /// covered.
    mutating func record(_ route: PreparedRoute, number r: Int, at offset: Int, sample: Int, into outputs: SampleOutputs) {
        let months = model.months.count, samples = outputs.samples
        let children = Int64(route.children)
        // "What it would take" also sums the gap per financial year of the routes it counts.
        let yearOfMonth = model.needs.flatMap { $0.counted[r] ? $0.yearOfMonth : nil }
        var nextCovered = false
        costs.withUnsafeBufferPointer { costs in
            paid.withUnsafeBufferPointer { paid in
                for m in stride(from: months - 1, through: 0, by: -1) {
                    let first = offset + Int(route.monthStarts[m]), end = offset + Int(route.monthStarts[m + 1])
                    var covered = nextCovered && route.monthStarts[m + 1] > 0
                    if first < end {
                        var gap: Int64 = 0
                        covered = true
                        for i in first..<end {
                            let cost = costs[i]
                            if cost < 0 { covered = false; continue }
                            let unmet = cost - paid[i]
                            gap += unmet
                            if unmet != 0 { covered = false }
                        }
                        outputs.fundingGap[m * samples + sample] += gap
                        if let yearOfMonth { outputs.yearGaps[Int(yearOfMonth[m]) * samples + sample] += gap }
                    }
                    nextCovered = covered
                    if covered {
                        routeMonthCovered[r * months + m] += 1
                        outputs.routesCovered[m * samples + sample] += 1
                        outputs.childrenCovered[m * samples + sample] += children
                    }
                }
            }
        }
    }
}
