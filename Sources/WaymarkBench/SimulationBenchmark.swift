import Foundation
import WaymarkDomain
import WaymarkSimulation

/// Times the Monte Carlo engine on the two cases of the forecasting issue: a 24-route tenant
/// like the demo (target under 1 s) and a national one of 1,000 routes over 20 authorities
/// with 5,000 sources (target under 60 s and 2 GB), 36 months and 10,000 samples each.
enum SimulationBenchmark {
    static func run(cases: [String], samples: Int, threads: Int?) {
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
            let result = Simulation.run(scenario, on: base, threads: threads)
            report(result, routes: base.routes.count)
        }
        print("\nPeak memory (VmHWM): \(peakMemory())")
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
