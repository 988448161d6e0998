/// Where a run's time went. Wall-clock figures add up to `total`; the phase figures are
/// summed over all workers (so with two workers they add up to about twice `sampling`).
public struct SimulationTiming: Hashable, Sendable {
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
    /// Worker time spent pricing days and allocations and running the coverage kernel.
    public var coverage: Duration
    /// Worker time spent turning walks into monthly figures.
    public var aggregation: Duration

    public static let zero = SimulationTiming(preparation: .zero, sampling: .zero, summarising: .zero, total: .zero,
                                              threads: 0, drawing: .zero, coverage: .zero, aggregation: .zero)
}
