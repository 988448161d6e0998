extension SampleRunner {
    /// Adds the walked route to the sample's monthly figures. A month counts as covered when
    /// the route has school days in it and every one is paid in full; a month without school
    /// days (August) takes the next month's answer, since what matters is whether the route
    /// runs when school does; months after the route's last school day are not covered.
    mutating func record(route r: Int, sample: Int, into outputs: SampleOutputs) {
        let route = model.routes[r]
        let months = model.months.count, samples = outputs.samples
        let children = Int64(route.children)
        var nextCovered = false
        costs.withUnsafeBufferPointer { costs in
            paid.withUnsafeBufferPointer { paid in
                for m in stride(from: months - 1, through: 0, by: -1) {
                    let first = Int(route.monthStarts[m]), end = Int(route.monthStarts[m + 1])
                    var covered = nextCovered
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
