/// Where a run's time went. Wall-clock figures add up to `total`; the phase figures are
/// summed over all workers (so with two workers they add up to about twice `sampling`).
/// How the route loop splits between `coverage` and `aggregation` is measured on one sample
/// in eight and the rest shared out alike: reading the clock around every route would cost
/// more than most routes take.
///
/// In JSON each duration is a number of seconds, read back to the nanosecond (the clock's
/// own resolution), so a stored timing reads back equal.
public struct SimulationTiming: Hashable, Sendable, Codable {
    enum CodingKeys: String, CodingKey { case preparation, sampling, summarising, total, threads, drawing, coverage, aggregation }

    /// Applying interventions and laying out slots and routes, once per run.
    public var preparation: Duration
    /// The samples, on all workers.
    public var sampling: Duration
    /// Percentiles and per-route probabilities from the samples' figures.
    public var summarising: Duration
    public var total: Duration
    public var threads: Int
    /// Worker time spent drawing materialisation, renewals and inflation.
    public var drawing: Duration
    /// Worker time spent pricing days and allocations, paying them (the coverage rule) and
    /// spending pooled funds.
    public var coverage: Duration
    /// Worker time spent turning what was paid into monthly figures (a route paid in full
    /// throughout needs none: it is counted as it is paid).
    public var aggregation: Duration

    public static let zero = SimulationTiming(preparation: .zero, sampling: .zero, summarising: .zero, total: .zero,
                                              threads: 0, drawing: .zero, coverage: .zero, aggregation: .zero)

    public init(preparation: Duration, sampling: Duration, summarising: Duration, total: Duration, threads: Int,
                drawing: Duration, coverage: Duration, aggregation: Duration) {
        self.preparation = preparation
        self.sampling = sampling
        self.summarising = summarising
        self.total = total
        self.threads = threads
        self.drawing = drawing
        self.coverage = coverage
        self.aggregation = aggregation
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func duration(_ key: CodingKeys) throws -> Duration {
            let seconds = try c.decode(Double.self, forKey: key)
            guard seconds.isFinite, abs(seconds) < 9e9 else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(key.rawValue): not a duration in seconds")
            }
            return .nanoseconds(Int64((seconds * 1e9).rounded()))
        }
        self.init(preparation: try duration(.preparation), sampling: try duration(.sampling),
                  summarising: try duration(.summarising), total: try duration(.total),
                  threads: try c.decode(Int.self, forKey: .threads), drawing: try duration(.drawing),
                  coverage: try duration(.coverage), aggregation: try duration(.aggregation))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for (key, value) in [(CodingKeys.preparation, preparation), (.sampling, sampling), (.summarising, summarising),
                             (.total, total), (.drawing, drawing), (.coverage, coverage), (.aggregation, aggregation)] {
            let (seconds, attoseconds) = value.components
            try c.encode(Double(seconds) + Double(attoseconds) * 1e-18, forKey: key)
        }
        try c.encode(threads, forKey: .threads)
    }
}
