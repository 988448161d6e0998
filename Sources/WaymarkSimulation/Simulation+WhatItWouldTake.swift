import Foundation
import WaymarkDomain

extension Simulation {
    /// The least extra money per financial year — certain, available for that year's school
    /// days only, and spent where routes are short (as a pooled fund) — such that in at least
    /// `target` of the samples every route money can cover is covered in every month of the
    /// horizon in which it has school days.
    ///
    /// Found by search, then checked (docs/scenario-format.md, "What it would take"): one run
    /// records each sample's unpaid cost per financial year; `ExtraMoneySearch` picks the
    /// amounts; a second run adds them as cheapest-first pooled funds over the counted routes,
    /// one per year, and `achieved` is what that run shows. Common random numbers make the
    /// second run's samples the first run's, so `achieved` is at least `target`. When
    /// nothing is needed the second run would be the first, so it is not repeated.
    ///
    /// - Parameters:
    ///   - target: share of samples, from 0 to 1.
    ///   - engine: as for `run`: both give the same answer.
    ///   - progress: (completed, total) over both runs: total is twice the samples.
    public static func whatItWouldTake(_ scenario: Scenario, on base: SimulationBase, target: Double = 0.9,
                                       threads: Int? = nil, engine: SimulationEngine = .jump,
                                       progress: (@Sendable (_ completed: Int, _ total: Int) -> Void)? = nil) -> ExtraMoneyNeeded {
        precondition((0...1).contains(target), "the target is a share of samples, from 0 to 1")
        let samples = scenario.samples
        let years = ForecastYears(base)
        var model = PreparedScenario(base: base, scenario: scenario)
        let excluded = excludedRoutes(model)
        let excludedIDs = Set(excluded.map(\.routeID))
        let layout = NeedLayout(yearOfMonth: years.yearOfMonth, years: years.periods.count,
                                counted: model.routes.map { !excludedIDs.contains($0.id) })
        model.needs = layout

        let first = sample(model, seed: scenario.seed, samples: samples, threads: threads, engine: engine) { done, _ in
            progress?(done, 2 * samples)
        }
        let gaps = (0..<layout.years).map { y in Array(first.outputs.yearGaps[(y * samples)..<((y + 1) * samples)]) }
        first.outputs.deallocate()
        // ⌈target × samples⌉, not thrown off by 0.9 × 10,000 landing a hair above 9,000.
        let required = Swift.min(samples, Int((target * Double(samples) - 1e-9).rounded(.up)))
        var search = ExtraMoneySearch(gaps: gaps, required: Swift.max(required, 0))
        search.solve()
        let withoutExtra = search.passingWithNothing

        var achieved = withoutExtra
        if search.amounts.contains(where: { $0 > 0 }) {
            var checked = scenario
            // Only counted routes may draw on it: money spent on a route that cannot be
            // covered would be taken from one that can.
            let counted = excluded.isEmpty ? [] : model.routes.map(\.id).filter { !excludedIDs.contains($0) }
            for (y, amount) in search.amounts.enumerated() where amount > 0 {
                checked.interventions.append(.pooledFund(fund: PooledFund(
                    id: UUID.scenarioItem(.extraMoney, number: y), name: "Extra money \(years.labels[y])",
                    amount: Money(pence: amount), period: years.periods[y], probability: 1, policy: .cheapestFirst,
                    routeIDs: counted)))
            }
            var checking = PreparedScenario(base: base, scenario: checked)
            checking.needs = layout   // pooled funds add no routes: the same routes, the same order
            let second = sample(checking, seed: scenario.seed, samples: samples, threads: threads, engine: engine) { done, _ in
                progress?(samples + done, 2 * samples)
            }
            achieved = (0..<samples).filter { s in (0..<layout.years).allSatisfy { second.outputs.yearGaps[$0 * samples + s] == 0 } }.count
            second.outputs.deallocate()
        } else {
            progress?(2 * samples, 2 * samples)
        }
        let needs = zip(years.labels, years.periods).enumerated().map { y, year in
            YearNeed(label: year.0, period: year.1, extra: Money(pence: search.amounts[y]))
        }
        return ExtraMoneyNeeded(target: target, years: needs, total: Money(pence: search.amounts.reduce(0, +)),
                                achieved: Double(achieved) / Double(samples),
                                coveredWithoutExtra: Double(withoutExtra) / Double(samples),
                                excludedRoutes: excluded, samples: samples)
    }

    /// Routes with a school day of unknown cost inside the forecast: no money pays such a day,
    /// so the route can never be covered in that month.
    static func excludedRoutes(_ model: PreparedScenario) -> [ExcludedRoute] {
        model.routes.compactMap { route in
            let start = Int(route.monthStarts[0])
            let unknown = route.costs[start...].indices.filter { route.costs[$0] < 0 }
            guard let first = unknown.first else { return nil }
            let month = route.monthStarts.lastIndex { Int($0) <= first }.map { model.months[Swift.min($0, model.months.count - 1)] }
            let when = month.map { " from \(Day.monthName($0.month)) \($0.year)" } ?? ""
            let days = unknown.count == 1 ? "1 school day" : "\(unknown.count) school days"
            return ExcludedRoute(routeID: route.id, code: route.code,
                                 reason: "\(days)\(when) \(unknown.count == 1 ? "has" : "have") no known cost (no daily rate is set then), "
                                     + "so no amount of money can cover the route in \(unknown.count == 1 ? "that month" : "those months")")
        }
    }
}

/// The financial years (1 April to 31 March) of a forecast, each cut to the forecast's own
/// span: from the as-of month's first day to the horizon's end.
struct ForecastYears {
    var labels: [String] = []
    var periods: [DayRange] = []
    /// Index into the years of each month of the horizon.
    var yearOfMonth: [Int32]

    init(_ base: SimulationBase) {
        let months = base.months
        let start = months[0], end = base.horizonEnd
        var year = FinancialYear(containing: start)
        while year.range.start <= end {
            labels.append(year.label)
            periods.append(DayRange(start: Swift.max(year.range.start, start), end: Swift.min(year.range.end, end))!)
            year = year.next
        }
        let first = FinancialYear(containing: start).startYear
        yearOfMonth = months.map { Int32(FinancialYear(containing: $0).startYear - first) }
    }
}
