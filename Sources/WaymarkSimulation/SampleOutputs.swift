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
///
/// Reading the clock around every route costs more than paying a route paid in full, so the
/// route loop is split between paying and monthly figures on one sample in `timedEvery`
/// only (`loopPaying`, `loopTallying`); the other samples time the loop as a whole
/// (`untimedLoops`), shared out in the same proportion at the end.
struct PhaseTimes: Sendable {
    static let timedEvery = 8

    var drawing: UInt64 = 0
    /// Outside the route loop: spending pooled funds, and the routes they pay.
    var coverage: UInt64 = 0
    var aggregation: UInt64 = 0
    var loopPaying: UInt64 = 0
    var loopTallying: UInt64 = 0
    var untimedLoops: UInt64 = 0

    static func + (a: PhaseTimes, b: PhaseTimes) -> PhaseTimes {
        PhaseTimes(drawing: a.drawing + b.drawing, coverage: a.coverage + b.coverage,
                   aggregation: a.aggregation + b.aggregation, loopPaying: a.loopPaying + b.loopPaying,
                   loopTallying: a.loopTallying + b.loopTallying, untimedLoops: a.untimedLoops + b.untimedLoops)
    }

    /// Paying (the coverage rule) and monthly figures in all, the untimed loops shared out.
    var sharedOut: (coverage: UInt64, aggregation: UInt64) {
        let timed = loopPaying + loopTallying
        let tallying = timed == 0 ? 0 : UInt64((Double(untimedLoops) * Double(loopTallying) / Double(timed)).rounded())
        return (coverage + loopPaying + untimedLoops - tallying, aggregation + loopTallying + tallying)
    }
}
