/// Per-sample figures, written by the workers at each sample's own index (so no two workers
/// touch the same element) and read once every worker is done. Laid out month-major: the
/// samples of one month sit together, ready to sort for percentiles.
struct SampleOutputs: @unchecked Sendable {
    let samples: Int
    let months: Int
    let routesCovered: UnsafeMutableBufferPointer<Int32>
    let childrenCovered: UnsafeMutableBufferPointer<Int64>
    let fundingGap: UnsafeMutableBufferPointer<Int64>
    let lapsed: UnsafeMutableBufferPointer<Int64>
    /// Year y of sample s at `y * samples + s`: the gap of the routes "what it would take"
    /// counts, per financial year; empty in a plain run.
    let yearGaps: UnsafeMutableBufferPointer<Int64>

    init(samples: Int, months: Int, years: Int = 0) {
        self.samples = samples
        self.months = months
        routesCovered = .allocate(capacity: samples * months)
        childrenCovered = .allocate(capacity: samples * months)
        fundingGap = .allocate(capacity: samples * months)
        lapsed = .allocate(capacity: samples)
        yearGaps = .allocate(capacity: samples * years)
    }

    func deallocate() {
        routesCovered.deallocate()
        childrenCovered.deallocate()
        fundingGap.deallocate()
        lapsed.deallocate()
        yearGaps.deallocate()
    }

    /// One month's values over all samples.
    func slice<T>(_ buffer: UnsafeMutableBufferPointer<T>, month: Int) -> [T] {
        Array(buffer[(month * samples)..<((month + 1) * samples)])
    }
}

/// Time a worker spent in each phase, in nanoseconds.
struct PhaseTimes: Sendable {
    var drawing: UInt64 = 0
    var coverage: UInt64 = 0
    var aggregation: UInt64 = 0

    static func + (a: PhaseTimes, b: PhaseTimes) -> PhaseTimes {
        PhaseTimes(drawing: a.drawing + b.drawing, coverage: a.coverage + b.coverage,
                   aggregation: a.aggregation + b.aggregation)
    }
}
