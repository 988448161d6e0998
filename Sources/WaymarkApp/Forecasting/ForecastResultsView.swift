import Foundation
import WaymarkDomain
import WaymarkSimulation

/// A run's results as the scenario page shows them: charts, their tables, the routes most
/// at risk first, the baseline beside the scenario and what it would take.
struct ForecastResultsView: Encodable {
    struct MonthRow: Encodable {
        let month: String, p10: Int64, p50: Int64, p90: Int64, mean: String
        let baselineP50: String?, difference: String?, childrenP50: String, gapP50: String
    }
    struct RouteRow: Encodable {
        let code: String, name: String, lostFrom: String, baselineLostFrom: String?, lastChance: String, cells: [String]
    }
    struct YearRow: Encodable { let label: String; let period: String; let extra: String }
    struct Excluded: Encodable { let code: String; let reason: String }
    struct Extra: Encodable {
        let years: [YearRow], total: String, achieved: String, withoutExtra: String, target: String, nothingNeeded: Bool, excluded: [Excluded]
    }

    let fanSVG: String
    let heatSVG: String
    let months: [String]
    let monthRows: [MonthRow]
    let routeRows: [RouteRow]
    let hasBaseline: Bool
    let firstMonth: String
    let lastMonth: String
    let routesNow: Int64
    let routesEnd: String
    let routeCount: Int
    let likelyLost: Int
    let lapsed: String
    let extra: Extra?
    let samples: String
    let seconds: String

    init(_ results: ForecastResults, routeNames: [String: String]) {
        let report = results.scenario, baseline = results.baseline
        let monthDays = report.months.compactMap { Day(iso: $0.month + "-01") }
        months = monthDays.map(FanChartSVG.shortMonth)
        hasBaseline = baseline != nil
        let baselineByCode = Dictionary((baseline?.routes ?? []).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        monthRows = report.months.enumerated().map { i, month in
            let base = baseline.flatMap { $0.months.indices.contains(i) ? $0.months[i] : nil }
            let change = base.map { month.routesCovered.mean - $0.routesCovered.mean }
            return MonthRow(month: FanChartSVG.shortMonth(monthDays[i]), p10: month.routesCovered.p10, p50: month.routesCovered.p50,
                            p90: month.routesCovered.p90, mean: String(format: "%.1f", month.routesCovered.mean),
                            baselineP50: base.map { String($0.routesCovered.p50) },
                            difference: change.map { String(format: "%+.1f", $0) },
                            childrenP50: month.childrenCovered.p50.formatted(),
                            gapP50: Money(pence: month.fundingGapPence.p50).display)
        }
        let ordered = report.routes.sorted { a, b in
            switch (a.likelyLostFrom, b.likelyLostFrom) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (a.probabilityCovered.last ?? 0, a.code) < (b.probabilityCovered.last ?? 0, b.code)
            }
        }
        routeRows = ordered.map { route in
            RouteRow(code: route.code, name: routeNames[route.code] ?? "", lostFrom: route.lostFromText,
                     baselineLostFrom: baseline == nil ? nil : baselineByCode[route.code]?.lostFromText ?? "Not in the baseline",
                     lastChance: route.lastChanceText,
                     cells: route.probabilityCovered.map { "\(Int(($0 * 100).rounded()))%" })
        }
        firstMonth = months.first ?? ""
        lastMonth = months.last ?? ""
        routeCount = report.routes.count
        routesNow = report.months.first?.routesCovered.p50 ?? 0
        let end = report.months.last?.routesCovered
        routesEnd = end.map { "\($0.p50) (8 in 10 samples: \($0.p10) to \($0.p90))" } ?? ""
        likelyLost = report.routes.filter { $0.likelyLostFrom != nil }.count
        lapsed = Money(pence: report.lapsedPence.p50).display
        samples = report.samples.formatted()
        seconds = String(format: "%.1f", results.seconds)
        extra = results.extraMoney.map(Self.extraView)

        let series = FanChartSVG.Series(p10: report.months.map { Double($0.routesCovered.p10) },
                                        p50: report.months.map { Double($0.routesCovered.p50) },
                                        p90: report.months.map { Double($0.routesCovered.p90) })
        let summary = "Median routes fully covered: \(routesNow) in \(firstMonth), \(end?.p50 ?? 0) in \(lastMonth)"
            + (end.map { "; in 8 of 10 samples between \($0.p10) and \($0.p90) by then" } ?? "") + ". The table below gives every month."
        fanSVG = FanChartSVG.render(months: monthDays, scenario: series, baseline: baseline?.months.map { Double($0.routesCovered.p50) },
                                    maximum: Double(report.routes.count), yLabel: "Routes fully covered",
                                    title: "Routes fully covered each month", summary: summary)
        heatSVG = HeatMapSVG.render(months: monthDays, rows: ordered.map { HeatMapSVG.Row(label: $0.code, probabilities: $0.probabilityCovered) },
                                    title: "Chance each route is fully covered, month by month",
                                    summary: "\(likelyLost) of \(report.routes.count) routes become more likely lost than kept within the forecast. The table after the map gives every figure.")
    }

    static func extraView(_ need: ExtraMoneyNeeded) -> Extra {
        Extra(years: need.years.map { YearRow(label: $0.label, period: $0.period.display, extra: $0.extra.display) },
              total: need.total.display, achieved: "\(Percent.text((need.achieved * 1000).rounded() / 1000))%",
              withoutExtra: "\(Percent.text((need.coveredWithoutExtra * 1000).rounded() / 1000))%",
              target: "\(Percent.text(need.target))%", nothingNeeded: need.total.isZero,
              excluded: need.excludedRoutes.map { Excluded(code: $0.code, reason: $0.reason) })
    }
}

extension ForecastReport.RouteLine {
    /// The month from which the route is more likely lost than kept, in words.
    var lostFromText: String {
        likelyLostFrom.flatMap { Day(iso: $0) }.map(FanChartSVG.shortMonth) ?? "Not within the forecast"
    }

    /// Its chance of being covered in the forecast's last month, as a whole percentage.
    var lastChanceText: String { "\(Int(((probabilityCovered.last ?? 0) * 100).rounded()))%" }
}
