/// One worker's month-by-month bookkeeping, in buffers allocated once: each route's months
/// as tallied, the sample's totals, and the running count of samples in which each route is
/// covered each month.
///
/// The sample's totals are summed here and written to the outputs once the sample is done:
/// the outputs keep the samples of one month together, so adding each route straight into
/// them would touch a different line of memory for every month of every route.
///
/// Most routes in most samples are paid in full for the whole forecast, and then which
/// months count as covered depends on the route alone (`PreparedRoute.coveredWhenPaid`). So
/// each sample's totals start as if every route were paid in full, such a route only counts
/// one more sample paid in full, and any other route adds the difference between its months
/// and that pattern.
final class MonthBook {
    let months: Int
    let years: Int
    /// Per month of each slot (slot s at `s * months`): covered or not, and the unpaid cost.
    let covered: UnsafeMutableBufferPointer<Bool>
    let gap: UnsafeMutableBufferPointer<Int64>
    /// Route r, month m at `r * months + m`: 1 when the route is covered that month if paid
    /// in full, and the samples in which it was covered without being paid in full.
    private let pattern: UnsafeMutableBufferPointer<Int32>
    private let routeMonthCovered: UnsafeMutableBufferPointer<Int32>
    /// Per route: the samples in which it was paid in full.
    private let paidInFull: UnsafeMutableBufferPointer<Int32>
    /// Per month: the totals if every route were paid in full.
    private let allPaidRoutes: UnsafeMutableBufferPointer<Int32>
    private let allPaidChildren: UnsafeMutableBufferPointer<Int64>
    /// This sample's totals per month (and per financial year for "what it would take").
    private let routesCovered: UnsafeMutableBufferPointer<Int32>
    private let childrenCovered: UnsafeMutableBufferPointer<Int64>
    private let fundingGap: UnsafeMutableBufferPointer<Int64>
    private let yearGaps: UnsafeMutableBufferPointer<Int64>

    init(routes: [PreparedRoute], months: Int, slots: Int, years: Int) {
        self.months = months
        self.years = years
        covered = .allocate(capacity: slots * months)
        covered.initialize(repeating: false)
        gap = .allocate(capacity: slots * months)
        gap.initialize(repeating: 0)
        pattern = .allocate(capacity: routes.count * months)
        routeMonthCovered = .allocate(capacity: routes.count * months)
        routeMonthCovered.initialize(repeating: 0)
        paidInFull = .allocate(capacity: routes.count)
        paidInFull.initialize(repeating: 0)
        allPaidRoutes = .allocate(capacity: months)
        allPaidRoutes.initialize(repeating: 0)
        allPaidChildren = .allocate(capacity: months)
        allPaidChildren.initialize(repeating: 0)
        for (r, route) in routes.enumerated() {
            for m in 0..<months {
                let one: Int32 = route.coveredWhenPaid[m] ? 1 : 0
                pattern[r * months + m] = one
                allPaidRoutes[m] += one
                allPaidChildren[m] += Int64(one) * Int64(route.children)
            }
        }
        routesCovered = .allocate(capacity: months)
        childrenCovered = .allocate(capacity: months)
        fundingGap = .allocate(capacity: months)
        yearGaps = .allocate(capacity: years)
    }

    deinit {
        covered.deallocate()
        for buffer in [gap, allPaidChildren, childrenCovered, fundingGap, yearGaps] { buffer.deallocate() }
        for buffer in [pattern, routeMonthCovered, paidInFull, allPaidRoutes, routesCovered] { buffer.deallocate() }
    }

    /// Slot `slot`'s months.
    func covered(slot: Int) -> UnsafeMutableBufferPointer<Bool> {
        UnsafeMutableBufferPointer(rebasing: covered[(slot * months)..<((slot + 1) * months)])
    }

    func gaps(slot: Int) -> UnsafeMutableBufferPointer<Int64> {
        UnsafeMutableBufferPointer(rebasing: gap[(slot * months)..<((slot + 1) * months)])
    }

    func startSample() {
        _ = routesCovered.update(fromContentsOf: allPaidRoutes)
        _ = childrenCovered.update(fromContentsOf: allPaidChildren)
        fundingGap.update(repeating: 0)
        yearGaps.update(repeating: 0)
    }

    /// Route `r` was paid in full for the whole forecast this sample.
    func addPaidInFull(route r: Int) {
        paidInFull[r] += 1
    }

    /// Adds route `r`'s tallied months (in `slot`) to the sample's totals; `yearOfMonth`,
    /// when given, also sums its gap per financial year.
    func add(slot: Int, route r: Int, children: Int64, yearOfMonth: [Int32]?) {
        let at = slot * months, counts = r * months
        // No branch on whether a month is covered (as good as random to the processor): add
        // 0 or 1, less the 0 or 1 the totals started with. Wrapping adds, as no count or sum
        // of pence here comes near Int64's or Int32's limits, let the loop run without
        // overflow checks.
        for m in 0..<months {
            let one: Int32 = covered[at + m] ? 1 : 0, change = one &- pattern[counts + m]
            fundingGap[m] &+= gap[at + m]
            routeMonthCovered[counts + m] &+= one
            routesCovered[m] &+= change
            childrenCovered[m] &+= Int64(change) &* children
        }
        if let yearOfMonth {
            for m in 0..<months { yearGaps[Int(yearOfMonth[m])] += gap[at + m] }
        }
    }

    /// Writes the sample's totals at its own index of the outputs.
    func finishSample(_ sample: Int, into outputs: SampleOutputs) {
        let samples = outputs.samples
        for m in 0..<months {
            outputs.routesCovered[m * samples + sample] = routesCovered[m]
            outputs.childrenCovered[m * samples + sample] = childrenCovered[m]
            outputs.fundingGap[m * samples + sample] = fundingGap[m]
        }
        for y in 0..<years { outputs.yearGaps[y * samples + sample] = yearGaps[y] }
    }

    /// Route r, month m at `r * months + m`: the samples in which the route was covered.
    func routeMonthCounts() -> [Int32] {
        (0..<routeMonthCovered.count).map { i in routeMonthCovered[i] + paidInFull[i / months] * pattern[i] }
    }
}
