import Fluent
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// Two saved scenarios side by side: routes covered month by month, each route's month of
/// likely loss, and what each would take. Both must have been run over the same months.
enum ForecastComparePage {
    struct Option: Encodable { let value: String; let label: String; let selected: Bool }
    struct MonthRow: Encodable { let month: String; let firstP50: Int64; let firstMean: String; let secondP50: Int64; let secondMean: String; let difference: String }
    struct RouteRow: Encodable { let code: String; let firstLost: String; let secondLost: String; let firstChance: String; let secondChance: String; let changed: Bool }

    struct Page: Encodable {
        let firstOptions: [Option]
        let secondOptions: [Option]
        let action: String
        let first: String?
        let second: String?
        let firstHref: String?
        let secondHref: String?
        let problem: String?
        let fanSVG: String?
        let months: [MonthRow]
        let routes: [RouteRow]
        let firstExtra: String?
        let secondExtra: String?
        let backHref: String
        let wide: Bool
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let slug = context.tenant.slug
        let records = try await ForecastQueries.visible(context).filter { $0.results != nil }
        let a = req.query[String.self, at: "a"] ?? "", b = req.query[String.self, at: "b"] ?? ""
        let options = { (chosen: String) in
            records.map { Option(value: $0.id!.uuidString, label: "\($0.name) (from \($0.asOf.display))", selected: $0.id!.uuidString == chosen) }
        }
        let first = records.first { $0.id!.uuidString == a }, second = records.first { $0.id!.uuidString == b }
        var problem: String?
        if !a.isEmpty || !b.isEmpty {
            if first == nil || second == nil { problem = "Choose two scenarios that have been run." }
        }
        var months: [MonthRow] = [], routes: [RouteRow] = [], fan: String?
        let firstResults = first?.storedResults, secondResults = second?.storedResults
        if let first, let second, let x = firstResults?.scenario, let y = secondResults?.scenario {
            if x.months.map(\.month) != y.months.map(\.month) {
                problem = "These scenarios forecast different months (\(first.asOf.display), \(first.horizonMonths) months; \(second.asOf.display), \(second.horizonMonths) months). Compare scenarios that start on the same day and run as long."
            } else {
                (months, routes, fan) = compare(x, y, firstName: first.name, secondName: second.name)
            }
        }
        let extra = { (results: ForecastResults?) in results?.extraMoney.map { $0.total.display } }
        let page = Page(firstOptions: options(a), secondOptions: options(b), action: SiteMap.Tenant.forecastCompare.path(slug),
                        first: first?.name, second: second?.name,
                        firstHref: first.map { SiteMap.Tenant.forecast.path(slug, $0.id!.uuidString) },
                        secondHref: second.map { SiteMap.Tenant.forecast.path(slug, $0.id!.uuidString) },
                        problem: problem, fanSVG: fan, months: months, routes: routes,
                        firstExtra: problem == nil ? extra(firstResults) : nil, secondExtra: problem == nil ? extra(secondResults) : nil,
                        backHref: SiteMap.Tenant.forecasts.path(slug), wide: true)
        return try await PageRenderer.render(req, "forecasting/compare", title: "Compare forecasts", page,
                                             errors: problem.map { [FieldError(field: "a", message: $0)] } ?? [])
    }

    static func compare(_ x: ForecastReport, _ y: ForecastReport, firstName: String, secondName: String) -> ([MonthRow], [RouteRow], String) {
        let days = x.months.compactMap { Day(iso: $0.month + "-01") }
        let months = zip(x.months, y.months).enumerated().map { i, pair in
            MonthRow(month: FanChartSVG.shortMonth(days[i]), firstP50: pair.0.routesCovered.p50, firstMean: String(format: "%.1f", pair.0.routesCovered.mean),
                     secondP50: pair.1.routesCovered.p50, secondMean: String(format: "%.1f", pair.1.routesCovered.mean),
                     difference: String(format: "%+.1f", pair.1.routesCovered.mean - pair.0.routesCovered.mean))
        }
        let byCode = Dictionary(y.routes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let codes = (x.routes.map(\.code) + y.routes.map(\.code).filter { code in !x.routes.contains { $0.code == code } })
        let xByCode = Dictionary(x.routes.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let routes = codes.map { code in
            let first = xByCode[code], second = byCode[code]
            let absent = "Not in this scenario"
            return RouteRow(code: code, firstLost: first?.lostFromText ?? absent, secondLost: second?.lostFromText ?? absent,
                            firstChance: first?.lastChanceText ?? absent, secondChance: second?.lastChanceText ?? absent,
                            changed: first?.likelyLostFrom != second?.likelyLostFrom)
        }.sorted { ($0.changed ? 0 : 1, $0.code) < ($1.changed ? 0 : 1, $1.code) }
        let series = FanChartSVG.Series(p10: x.months.map { Double($0.routesCovered.p10) }, p50: x.months.map { Double($0.routesCovered.p50) },
                                        p90: x.months.map { Double($0.routesCovered.p90) })
        let fan = FanChartSVG.render(months: days, scenario: series, baseline: y.months.map { Double($0.routesCovered.p50) },
                                     baselineLabel: "Median of \(secondName)", maximum: Double(max(x.routes.count, y.routes.count)),
                                     yLabel: "Routes fully covered", title: "Routes fully covered: \(firstName) and \(secondName)",
                                     summary: "The band and solid line are \(firstName); the dashed line is the median of \(secondName). The table below gives every month.")
        return (months, routes, fan)
    }
}
