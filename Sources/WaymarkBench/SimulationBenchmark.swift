import Foundation
import WaymarkDomain
import WaymarkSimulation

/// Times the Monte Carlo engine on the two cases of the forecasting issue: a 24-route tenant
/// like the demo (target under 100 ms) and a national one of 1,000 routes over 20 authorities
/// with 5,000 sources (target under 5 s and 2 GB), 36 months and 10,000 samples each.
///
/// Each case runs on the jumping engine and then on the day-by-day walk it replaced, and the
/// two results must be equal figure for figure: a faster engine that answers differently
/// fails here, not only in the tests.
enum SimulationBenchmark {
    /// Each case's target for the whole run on two cores, in milliseconds.
    static let targets = ["demo": 100.0, "national": 5_000.0]

    /// Returns whether every case's engines agreed.
    static func run(cases: [String], samples: Int, threads: Int?, engines: [SimulationEngine]) -> Bool {
        var agreed = true
        for name in cases {
            let clock = ContinuousClock()
            let started = clock.now
            let base = name == "demo"
                ? SimulationTenant.base(routes: 24, authorities: 7, sources: 40, allocationsPerRoute: 4)
                : SimulationTenant.base(routes: 1_000, authorities: 20, sources: 5_000, allocationsPerRoute: 12)
            let built = clock.now - started
            let days = base.routes.reduce(0) { $0 + $1.schedule.count }
            print("\n== \(name): \(base.routes.count) routes, \(base.sources.count) sources, \(base.allocations.count) allocations, "
                  + "\(days) route school days; \(base.horizonMonths) months from \(base.asOf.iso); \(samples) samples")
            print("Base built in \(CoverageBenchmark.format(built))")
            let scenario = SimulationTenant.scenario(base, samples: samples)
            var results: [SimulationResult] = []
            for engine in engines {
                print("-- \(engine) engine")
                let result = Simulation.run(scenario, on: base, threads: threads, engine: engine)
                report(result, routes: base.routes.count)
                if engine == .jump, samples == 10_000, let target = targets[name] {
                    print(verdict(result.timing.total, target: target))
                }
                results.append(result)
            }
            agreed = compare(results, engines: engines) && agreed
        }
        print("\nPeak memory (VmHWM): \(peakMemory())")
        return agreed
    }

    static func verdict(_ wall: Duration, target: Double) -> String {
        let met = CoverageBenchmark.milliseconds(wall) < target
        return "Wall \(met ? "meets" : "MISSES") the target of \(CoverageBenchmark.format(.milliseconds(target)))"
    }

    /// Says how much faster the first engine was than each other one, and whether they gave
    /// the same figures.
    private static func compare(_ results: [SimulationResult], engines: [SimulationEngine]) -> Bool {
        guard let first = results.first, results.count > 1 else { return true }
        var agreed = true
        for (result, engine) in zip(results.dropFirst(), engines.dropFirst()) {
            let same = first.routesCovered == result.routesCovered && first.childrenCovered == result.childrenCovered
                && first.fundingGap == result.fundingGap && first.routes == result.routes && first.lapsed == result.lapsed
            let ratio = CoverageBenchmark.milliseconds(result.timing.total) / CoverageBenchmark.milliseconds(first.timing.total)
            print(String(format: "%@ is %.1f× faster than %@; ", "\(engines[0])", ratio, "\(engine)")
                  + (same ? "every figure equal" : "FIGURES DIFFER"))
            agreed = agreed && same
        }
        return agreed
    }

    private static func report(_ result: SimulationResult, routes: Int) {
        let t = result.timing
        let ms = CoverageBenchmark.format
        print("Wall \(ms(t.total)) on \(t.threads) threads: preparation \(ms(t.preparation)), sampling \(ms(t.sampling)), "
              + "summarising \(ms(t.summarising))")
        let busy = t.drawing + t.coverage + t.aggregation
        let share = { (d: Duration) in String(format: "%.0f%%", CoverageBenchmark.milliseconds(d) / CoverageBenchmark.milliseconds(busy) * 100) }
        print("Worker time \(ms(busy)): drawing \(ms(t.drawing)) (\(share(t.drawing))), coverage \(ms(t.coverage)) "
              + "(\(share(t.coverage))), aggregation \(ms(t.aggregation)) (\(share(t.aggregation)))")
        let perWalk = CoverageBenchmark.milliseconds(t.coverage) * 1e6 / Double(result.samples * routes)
        print(String(format: "Coverage per route per sample: %.0f ns", perWalk))
        for m in [0, 3, 12, 24, result.months.count - 1] where m < result.months.count {
            let c = result.routesCovered[m], g = result.fundingGap[m]
            print("  \(result.months[m].iso.prefix(7)): routes covered P10 \(c.p10) P50 \(c.p50) P90 \(c.p90) "
                  + String(format: "mean %.1f", c.mean) + "; gap P50 \(Money(pence: g.p50).display)")
        }
        let lost = result.routes.filter { $0.likelyLostFrom != nil }.count
        print("Routes more likely lost than not within the horizon: \(lost); lapsed P50 \(Money(pence: result.lapsed.p50).display)")
    }

    static func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM") }) else { return "unknown" }
        return line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)
    }
}
