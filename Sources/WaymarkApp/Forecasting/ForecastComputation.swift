import Dispatch
import WaymarkDomain
import WaymarkSimulation

/// One saved run's work, in plain values: the scenario, its baseline and what it would
/// take, reported in phases so the page can say which part is under way.
enum ForecastComputation {
    typealias Report = @Sendable (_ phase: String, _ completed: Int, _ total: Int) -> Void

    static func compute(_ scenario: Scenario, base: SimulationBase, progress: @escaping Report) -> ForecastResults {
        let forecast = Simulation.run(scenario, on: base) { done, total in progress("Running the scenario", done, total) }
        // Without interventions the scenario is its own baseline; with them, the baseline
        // draws the same random numbers, so the difference is the interventions' alone.
        let baseline = scenario.interventions.isEmpty ? nil : Simulation.run(Simulation.baseline(of: scenario), on: base) { done, total in
            progress("Running the baseline (the scenario without its changes)", done, total)
        }
        let extra = Simulation.whatItWouldTake(scenario, on: base) { done, total in
            progress("Working out what it would take to keep every route covered", done, total)
        }
        return ForecastResults(scenario: ForecastReport(forecast, asOf: base.asOf),
                               baseline: baseline.map { ForecastReport($0, asOf: base.asOf) },
                               extraMoney: extra, seconds: 0)
    }

    /// Runs CPU-bound work on a dispatch queue: the simulation fans out over every core
    /// itself, and must not sit on Swift concurrency's few cooperative threads meanwhile.
    static func offloaded<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
