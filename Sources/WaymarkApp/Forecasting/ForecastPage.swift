import Fluent
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// A saved scenario's page: what it assumes and changes, its run's progress, and the
/// results — the fan chart, the route × month heat map (with its table), the comparison
/// with the baseline and what it would take. Read-only for those who may not edit.
enum ForecastPage {
    struct Line: Encodable { let text: String }
    struct Change: Encodable { let number: Int; let text: String; let removeAction: String }
    struct KindLink: Encodable { let href: String; let label: String }
    /// `queued`: no samples drawn yet, so there is nothing to count.
    struct Progress: Encodable { let phase: String; let percent: Int; let completed: String; let total: String; let queued: Bool }

    struct Page: Encodable {
        let name: String
        let description: String?
        /// Not `asOf`: the layout would read that as the page's "figures as of" date.
        let startsFrom: String
        let horizon: String
        let samples: String
        let seed: String
        let shared: Bool
        let createdBy: String
        let state: String
        let stateTag: String
        let assumptions: [Line]
        let changes: [Change]
        let canEdit: Bool
        let version: Int
        let editHref: String
        let chancesHref: String
        let changeLinks: [KindLink]
        let runAction: String
        let deleteAction: String
        let running: Bool
        let progress: Progress?
        let refreshSeconds: Int?
        let stopRefreshHref: String?
        let interrupted: Bool
        let runError: String?
        let outdated: Bool
        let lastRun: String?
        let results: ForecastResultsView?
        let csvHref: String?
        let jsonHref: String
        let backHref: String
        let wide: Bool
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        let scenario = try record.scenario
        let choices = try await ForecastChoices.load(context, asOf: Day(iso: record.asOfDay))
        let slug = context.tenant.slug, id = record.id!.uuidString
        let runner = try await ForecastRunner.runs([record], req, context)
        let state = ForecastQueries.displayedState(record, runs: runner)
        let live = runner.progress(of: record.id!)
        let running = runner.isRunning(record)
        let refresh = running && req.query[String.self, at: "refresh"] != "off"
        let results = record.storedResults
        let page = Page(
            name: record.name, description: record.description.isEmpty ? nil : record.description,
            startsFrom: record.asOf.display, horizon: "\(record.horizonMonths) months", samples: scenario.samples.formatted(),
            seed: String(scenario.seed), shared: record.shared, createdBy: record.createdBy,
            state: state.label, stateTag: state.tag,
            assumptions: assumptions(scenario).map(Line.init),
            changes: scenario.interventions.enumerated().map { index, intervention in
                Change(number: index + 1, text: choices.describe(intervention, in: scenario),
                       removeAction: SiteMap.Tenant.forecastChangeRemove.path(slug, id, String(index)))
            },
            canEdit: context.can(.editForecasts), version: record.version,
            editHref: SiteMap.Tenant.forecastEdit.path(slug, id), chancesHref: SiteMap.Tenant.forecastChances.path(slug, id),
            changeLinks: ForecastInterventionForm.Kind.allCases.map {
                KindLink(href: SiteMap.Tenant.forecastChangeNew.path(slug, id, $0.rawValue), label: $0.title)
            },
            runAction: SiteMap.Tenant.forecastRun.path(slug, id), deleteAction: SiteMap.Tenant.forecastDelete.path(slug, id),
            running: running,
            progress: running ? live.map {
                Progress(phase: $0.phase, percent: $0.percent, completed: $0.completed.formatted(), total: $0.total.formatted(), queued: $0.total == 0)
            } : nil,
            refreshSeconds: refresh ? 3 : nil,
            stopRefreshHref: refresh ? SiteMap.Tenant.forecast.path(slug, id, query: [("refresh", "off")]) : nil,
            interrupted: state.interrupted,
            runError: record.state == .failed ? record.runError : nil,
            outdated: results != nil && record.runDefinition != record.runKey,
            lastRun: record.runFinishedAt.map { "\(Day($0, in: London.timeZone).display) by \(record.runBy ?? "someone")" },
            results: results.map { ForecastResultsView($0, routeNames: Dictionary(choices.routes.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })) },
            csvHref: results == nil ? nil : SiteMap.Tenant.forecastCSV.path(slug, id),
            jsonHref: SiteMap.Tenant.forecastScenarioJSON.path(slug, id), backHref: SiteMap.Tenant.forecasts.path(slug), wide: true)
        return try await PageRenderer.render(req, "forecasting/scenario", title: record.name, page)
    }

    /// The scenario's chances in sentences.
    static func assumptions(_ scenario: Scenario) -> [String] {
        let u = scenario.uncertainty, p = Percent.text
        var lines = [
            "Money comes with these chances by status: prospective \(p(u.byStatus.prospective))%, pledged \(p(u.byStatus.pledged))%, "
                + "confirmed \(p(u.byStatus.confirmed))%, received \(p(u.byStatus.received))%.",
        ]
        if let renewal = u.renewal {
            let factor = renewal.amountFactor.low == renewal.amountFactor.high
                ? "\(p(renewal.amountFactor.low))% of the amount before"
                : "between \(p(renewal.amountFactor.low))% and \(p(renewal.amountFactor.high))% of the amount before"
            lines.append("Renewable sources renew at their end with a \(p(renewal.probability))% chance each time, at \(factor), "
                         + "spendable \(renewal.decisionDelayDays) days after the end.")
        } else {
            lines.append("Renewable sources are not renewed: they end when they end.")
        }
        lines.append(u.inflation.low == u.inflation.high
            ? "Route costs rise \(p(u.inflation.low))% each 1 April."
            : "Route costs rise between \(p(u.inflation.low))% and \(p(u.inflation.high))% each 1 April, drawn year by year.")
        if !u.overrides.isEmpty { lines.append("\(u.overrides.count) chance\(u.overrides.count == 1 ? " is" : "s are") set per source or funder.") }
        for group in u.funderGroups { lines.append("\(group.joined(separator: ", ")) decide together.") }
        return lines
    }
}
