import WaymarkDomain

/// Times what the dashboard needs for a whole tenant: both coverage walks, funded-until and
/// status (with reasons) for every route, from schedules already built. Schedules are built
/// when term dates or costs change, not per request, so building them is timed separately.
enum CoverageBenchmark {
    static let requirementMilliseconds = 50.0

    static func run(runs: Int, warmUps: Int, asOf: Day) {
        let clock = ContinuousClock()
        var tenant: SyntheticTenant?
        let setup = clock.measure { tenant = SyntheticTenant() }
        let synthetic = tenant!
        let days = synthetic.inputs.reduce(0) { $0 + $1.schedule.count }
        print("Synthetic tenant: \(synthetic.inputs.count) routes, \(synthetic.calendars.count) calendars, "
              + "\(synthetic.sources.count) sources, \(synthetic.allocationCount) allocations, \(days) route school days")
        print("Built (calendars, schedules with daily costs) in \(format(setup))")
        print("As of \(asOf.display); \(warmUps) warm-up runs, then \(runs) timed runs on one thread")

        var results: [RouteCoverageResult] = []
        for _ in 0..<warmUps { results = TenantCoverage.run(synthetic.inputs, asOf: asOf) }
        var timings: [Duration] = []
        for _ in 0..<runs {
            results = []   // free the previous run's results outside the timing
            timings.append(clock.measure { results = TenantCoverage.run(synthetic.inputs, asOf: asOf) })
        }
        timings.sort()
        let best = timings[0], median = timings[timings.count / 2], worst = timings[timings.count - 1]
        print("Walks + funded-until + status for all routes: best \(format(best)), median \(format(median)), worst \(format(worst))")
        summarise(results)
        let verdict = milliseconds(median) < requirementMilliseconds ? "meets" : "MISSES"
        print("Median \(verdict) the \(Int(requirementMilliseconds)) ms requirement")
    }

    /// Figures that change if the engine's answers change, so a faster build that computes
    /// something different shows up here too.
    private static func summarise(_ results: [RouteCoverageResult]) {
        let counts = TenantCoverage.statusCounts(results)
        print("Statuses: " + RouteStatus.allCases.map { "\($0.displayName) \(counts[$0] ?? 0)" }.joined(separator: ", "))
        var secured = Money.zero, projected = Money.zero, lapsed = Money.zero, coveredDays = 0
        for result in results {
            secured += result.coverage.secured.paidTotal
            projected += result.coverage.projected.paidTotal
            lapsed += result.coverage.projected.lapsedTotal
            coveredDays += result.coverage.secured.coveredDayCount
        }
        print("Paid: secured \(secured.display), projected \(projected.display); projected lapse \(lapsed.display); "
              + "secured covered days \(coveredDays)")
        if let example = results.first(where: { $0.status.status == .atRisk }) ?? results.first {
            print("Example (\(example.status.status.displayName)): " + example.status.text.joined(separator: " | "))
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
    }

    static func format(_ duration: Duration) -> String {
        let ms = milliseconds(duration)
        return ms < 10 ? String(format: "%.2f ms", ms) : String(format: "%.1f ms", ms)
    }
}
