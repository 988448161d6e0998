import Dispatch
import Foundation
import WaymarkDomain

/// Runs a scenario's samples (DESIGN.md, "Simulation"): each sample draws what chance
/// decides, then runs the coverage rule per route with the money that came, in closed form
/// over runs of days that cost the same (`RunLedger`) or, to check it, day by day
/// (`DayWalkLedger`).
public enum Simulation {
    /// Samples per unit of work. Fixed, so the split never depends on the thread count.
    static let chunkSize = 64

    /// - Parameters:
    ///   - threads: workers to use (default: one per core). The result is the same for any
    ///     count: each sample's numbers come from the seed and its index alone, and the
    ///     figures are integers summed or sorted, never floating-point sums in thread order.
    ///   - engine: how each route's money is worked out; both give the same figures, and
    ///     `.walk` is there to check `.jump` against.
    ///   - progress: called with (samples completed, samples in all) after each chunk of
    ///     samples, from whichever worker finished it, never twice at once; counts only rise.
    public static func run(_ scenario: Scenario, on base: SimulationBase, threads: Int? = nil,
                           engine: SimulationEngine = .jump,
                           progress: (@Sendable (_ completed: Int, _ total: Int) -> Void)? = nil) -> SimulationResult {
        let clock = ContinuousClock()
        let started = clock.now
        let model = PreparedScenario(base: base, scenario: scenario)
        let prepared = clock.now
        let sampled = sample(model, seed: scenario.seed, samples: scenario.samples, threads: threads, engine: engine,
                             progress: progress)
        defer { sampled.outputs.deallocate() }
        let done = clock.now
        var result = SimulationResult(model: model, scenario: scenario, outputs: sampled.outputs,
                                      routeMonthCovered: sampled.counts)
        let finished = clock.now
        let times = sampled.times, (coverage, aggregation) = times.sharedOut
        result.timing = SimulationTiming(
            preparation: prepared - started, sampling: done - prepared, summarising: finished - done,
            total: finished - started, threads: sampled.workers,
            drawing: .nanoseconds(Int64(times.drawing)), coverage: .nanoseconds(Int64(coverage)),
            aggregation: .nanoseconds(Int64(aggregation)))
        return result
    }

    /// Every sample's figures, and each route's covered-month counts merged in worker order.
    /// The caller deallocates `outputs`.
    struct Sampled {
        var outputs: SampleOutputs
        var counts: [Int32]
        var times: PhaseTimes
        var workers: Int
    }

    static func sample(_ model: PreparedScenario, seed: UInt64, samples: Int, threads: Int?, engine: SimulationEngine,
                       progress: (@Sendable (Int, Int) -> Void)?) -> Sampled {
        switch engine {
        case .jump: sample(model, seed: seed, samples: samples, threads: threads, ledger: RunLedger.self, progress: progress)
        case .walk: sample(model, seed: seed, samples: samples, threads: threads, ledger: DayWalkLedger.self, progress: progress)
        }
    }

    private static func sample<Ledger: RouteLedger>(_ model: PreparedScenario, seed: UInt64, samples: Int, threads: Int?,
                                                   ledger: Ledger.Type, progress: (@Sendable (Int, Int) -> Void)?) -> Sampled {
        let outputs = SampleOutputs(samples: samples, months: model.months.count, years: model.needs?.years ?? 0)
        let chunks = (samples + chunkSize - 1) / chunkSize
        let workers = Swift.max(1, Swift.min(threads ?? ProcessInfo.processInfo.activeProcessorCount, chunks))
        let board = WorkBoard(chunks: chunks, workers: workers)

        let work = { @Sendable (worker: Int) in
            var runner = SampleRunner<Ledger>(model: model, seed: seed)
            while let chunk = board.nextChunk() {
                let end = Swift.min(samples, (chunk + 1) * chunkSize)
                for sample in (chunk * chunkSize)..<end { runner.run(sample: sample, into: outputs) }
                board.finished(end - chunk * chunkSize, total: samples, progress: progress)
            }
            board.keep(worker: worker, counts: runner.book.routeMonthCounts(), times: runner.times)
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        let (counts, times) = board.merged(size: model.routes.count * model.months.count)
        return Sampled(outputs: outputs, counts: counts, times: times, workers: workers)
    }
}

/// Hands out chunks of samples, counts progress, and keeps each worker's totals by worker
/// number so they are merged in a fixed order.
final class WorkBoard: @unchecked Sendable {
    private let lock = NSLock()
    private let chunks: Int
    private var next = 0
    private var completed = 0
    private var counts: [[Int32]?]
    private var times: [PhaseTimes]

    init(chunks: Int, workers: Int) {
        self.chunks = chunks
        counts = Array(repeating: nil, count: workers)
        times = Array(repeating: PhaseTimes(), count: workers)
    }

    func nextChunk() -> Int? {
        lock.withLock {
            guard next < chunks else { return nil }
            next += 1
            return next - 1
        }
    }

    func finished(_ samples: Int, total: Int, progress: (@Sendable (Int, Int) -> Void)?) {
        lock.withLock {
            completed += samples
            progress?(completed, total)
        }
    }

    func keep(worker: Int, counts: [Int32], times: PhaseTimes) {
        lock.withLock {
            self.counts[worker] = counts
            self.times[worker] = times
        }
    }

    func merged(size: Int) -> (counts: [Int32], times: PhaseTimes) {
        lock.withLock {
            var total = [Int32](repeating: 0, count: size)
            for case let worker? in counts {
                for i in 0..<size { total[i] += worker[i] }
            }
            return (total, times.reduce(PhaseTimes(), +))
        }
    }
}
