import Foundation
import WaymarkDomain
import WaymarkSimulation

/// Times `Simulation.whatItWouldTake` on the simulation benchmark's two tenants: one run
/// recording each sample's gap per financial year, the search, then a checking run with the
/// amounts added as pooled funds over every route (so every route's walk is kept and funds
/// are spent on all of them in every sample). With more than one engine, each runs in turn
/// and their answers must be equal.
enum WhatItWouldTakeBenchmark {
    /// When each phase ended, noted from the progress callback (called under the work board's lock).
    final class Phases: @unchecked Sendable {
        let lock = NSLock()
        let clock = ContinuousClock()
        var firstRunEnded: ContinuousClock.Instant?
    }

    /// Returns whether every case's engines agreed.
    static func run(cases: [String], samples: Int, threads: Int?, target: Double, engines: [SimulationEngine]) -> Bool {
        var agreed = true
        for name in cases {
            let base = name == "demo"
                ? SimulationTenant.base(routes: 24, authorities: 7, sources: 40, allocationsPerRoute: 4)
                : SimulationTenant.base(routes: 1_000, authorities: 20, sources: 5_000, allocationsPerRoute: 12)
            let scenario = SimulationTenant.scenario(base, samples: samples)
            print("\n== what it would take, \(name): \(base.routes.count) routes, \(samples) samples, target \(target)")
            var answers: [(ExtraMoneyNeeded, Duration)] = []
            for engine in engines {
                print("-- \(engine) engine")
                answers.append(run(scenario, on: base, samples: samples, threads: threads, target: target, engine: engine))
                if engine == .jump, name == "national", samples == 10_000 {
                    print(SimulationBenchmark.verdict(answers[answers.count - 1].1, target: 15_000))
                }
            }
            for (answer, engine) in zip(answers.dropFirst(), engines.dropFirst()) {
                let same = answer.0 == answers[0].0
                let ratio = CoverageBenchmark.milliseconds(answer.1) / CoverageBenchmark.milliseconds(answers[0].1)
                print(String(format: "%@ is %.1f× faster than %@; ", "\(engines[0])", ratio, "\(engine)")
                      + (same ? "the same answer" : "ANSWERS DIFFER"))
                agreed = agreed && same
            }
        }
        print("\nPeak memory (VmHWM): \(SimulationBenchmark.peakMemory())")
        return agreed
    }

    private static func run(_ scenario: Scenario, on base: SimulationBase, samples: Int, threads: Int?, target: Double,
                            engine: SimulationEngine) -> (ExtraMoneyNeeded, Duration) {
        let phases = Phases()
        let started = phases.clock.now
        let need = Simulation.whatItWouldTake(scenario, on: base, target: target, threads: threads, engine: engine) { done, _ in
            if done == samples { phases.lock.withLock { phases.firstRunEnded = phases.clock.now } }
        }
        let total = phases.clock.now - started
        let first = phases.lock.withLock { phases.firstRunEnded.map { $0 - started } } ?? total
        let ms = CoverageBenchmark.format
        print("Wall \(ms(total)): recording run \(ms(first)), search and checking run \(ms(total - first))")
        for year in need.years {
            print("  \(year.label) (\(year.period.start.iso) to \(year.period.end.iso)): \(year.extra.display)")
        }
        print("Total \(need.total.display); every route covered in "
              + String(format: "%.1f%% of samples with it (%.1f%% without)", need.achieved * 100, need.coveredWithoutExtra * 100)
              + "; \(need.excludedRoutes.count) routes money cannot cover")
        return (need, total)
    }
}
