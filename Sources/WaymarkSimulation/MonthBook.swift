/// One worker's month-by-month bookkeeping, in buffers allocated once: each route's months
/// as tallied, the sample's totals, and the running count of samples in which each route is
/// covered each month.
///
/// The sample's totals are summed here and written to the outputs once the sample is done:
/// the outputs keep the samples of one month together, so adding each route straight into
/// them would touch a different line of memory for every month of every route.
final class MonthBook {
    let months: Int
    let years: Int
    /// Per month of each slot (slot s at `s * months`): covered or not, and the unpaid cost.
    let covered: UnsafeMutableBufferPointer<Bool>
    let gap: UnsafeMutableBufferPointer<Int64>
    /// Route r, month m at `r * months + m`.
    let routeMonthCovered: UnsafeMutableBufferPointer<Int32>
    /// This sample's totals per month (and per financial year for "what it would take").
    private let routesCovered: UnsafeMutableBufferPointer<Int32>
    private let childrenCovered: UnsafeMutableBufferPointer<Int64>
    private let fundingGap: UnsafeMutableBufferPointer<Int64>
    private let yearGaps: UnsafeMutableBufferPointer<Int64>

    init(months: Int, slots: Int, routes: Int, years: Int) {
        self.months = months
        self.years = years
        covered = .allocate(capacity: slots * months)
        covered.initialize(repeating: false)
        gap = .allocate(capacity: slots * months)
        gap.initialize(repeating: 0)
        routeMonthCovered = .allocate(capacity: routes * months)
        routeMonthCovered.initialize(repeating: 0)
        routesCovered = .allocate(capacity: months)
        childrenCovered = .allocate(capacity: months)
        fundingGap = .allocate(capacity: months)
        yearGaps = .allocate(capacity: years)
    }

    deinit {
        covered.deallocate()
        for buffer in [gap, childrenCovered, fundingGap, yearGaps] { buffer.deallocate() }
        routeMonthCovered.deallocate()
        routesCovered.deallocate()
    }

    /// Slot `slot`'s months.
    func covered(slot: Int) -> UnsafeMutableBufferPointer<Bool> {
        UnsafeMutableBufferPointer(rebasing: covered[(slot * months)..<((slot + 1) * months)])
    }

    func gaps(slot: Int) -> UnsafeMutableBufferPointer<Int64> {
        UnsafeMutableBufferPointer(rebasing: gap[(slot * months)..<((slot + 1) * months)])
    }

    func startSample() {
        routesCovered.update(repeating: 0)
        childrenCovered.update(repeating: 0)
        fundingGap.update(repeating: 0)
        yearGaps.update(repeating: 0)
    }

    /// Adds route `r`'s tallied months (in `slot`) to the sample's totals; `yearOfMonth`,
    /// when given, also sums its gap per financial year.
    func add(slot: Int, route r: Int, children: Int64, yearOfMonth: [Int32]?) {
        let at = slot * months, counts = r * months
        // No branch on whether a month is covered (as good as random to the processor): add
        // 0 or 1. Wrapping adds, as no count or sum of pence here comes near Int64's or
        // Int32's limits, let the loop run without overflow checks.
        for m in 0..<months {
            let one: Int32 = covered[at + m] ? 1 : 0
            fundingGap[m] &+= gap[at + m]
            routeMonthCovered[counts + m] &+= one
            routesCovered[m] &+= one
            childrenCovered[m] &+= Int64(one) &* children
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
}
