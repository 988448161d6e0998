import Fluent
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// The parts of a scenario with a form each: its changes (interventions), added one at a
/// time and removed one at a time, and the chances set per source or funder.
struct ForecastChangesController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.forecastChances, .editForecasts, chances)
        routes.post(SiteMap.Tenant.forecastChances, .editForecasts, saveChances)
        routes.get(SiteMap.Tenant.forecastChangeNew, .editForecasts, newChange)
        routes.post(SiteMap.Tenant.forecastChangeNew, .editForecasts, addChange)
        routes.post(SiteMap.Tenant.forecastChangeRemove, .editForecasts, removeChange)
    }

    struct VersionForm: Content { var version: Int? }

    // MARK: Changes

    struct Option: Encodable { let value: String; let label: String; let selected: Bool }
    struct ScoreLine: Encodable { let id: String; let code: String; let name: String; let score: String; let error: String? }

    struct ChangePage: Encodable {
        let kind: String
        let title: String
        let hint: String
        let scenarioName: String
        let form: ForecastInterventionForm.Values
        let version: Int
        let sources: [Option]
        let routes: [Option]
        let authorities: [Option]
        let authorityChecks: [Option]
        let routeChecks: [Option]
        let policies: [PolicyOption]
        let scores: [ScoreLine]
        let action: String
        let cancelHref: String
    }

    struct PolicyOption: Encodable { let value: String; let label: String; let hint: String; let checked: Bool }

    func newChange(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        guard let kind = ForecastInterventionForm.Kind(rawValue: req.parameters.get("kind") ?? "") else { throw WaymarkError.notFound }
        var values = ForecastInterventionForm.Values()
        values.from = record.asOfDay
        return try await renderChange(req, context, record, kind, values, version: record.version, [])
    }

    func addChange(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        guard let kind = ForecastInterventionForm.Kind(rawValue: req.parameters.get("kind") ?? "") else { throw WaymarkError.notFound }
        let form = try req.content.decode(ForecastInterventionForm.Form.self)
        let version = try req.content.decode(VersionForm.self).version ?? 0
        let values = ForecastInterventionForm.Values(form)
        let choices = try await ForecastChoices.load(context, asOf: Day(iso: record.asOfDay))
        var scenario = try record.scenario
        switch ForecastInterventionForm.parse(kind, values, choices: choices, scenario: scenario) {
        case .failure(let problems):
            return try await renderChange(req, context, record, kind, values, version: version, problems.errors, status: .unprocessableEntity)
        case .success(let intervention):
            scenario.interventions.append(intervention)
            let definition = try ScenarioJSON.encode(scenario)
            try await ForecastWriting.update(context, record, expected: version, audit: "forecast.change_added") { $0.definition = definition }
            return req.redirect(to: SiteMap.Tenant.forecast.path(context.tenant.slug, record.id!.uuidString),
                                flash: "Change added: \(choices.describe(intervention, in: scenario)). Run the scenario to see its effect.")
        }
    }

    func removeChange(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        var scenario = try record.scenario
        guard let index = req.parameters.get("index").flatMap(Int.init), scenario.interventions.indices.contains(index) else {
            throw WaymarkError.notFound
        }
        let version = try req.content.decode(VersionForm.self).version ?? 0
        let removed = scenario.interventions.remove(at: index)
        // A change others depend on (an added source that a later change scales) goes with
        // them only by the person's choice: refuse, and say which.
        if let dependent = Self.dependents(of: removed, in: scenario) {
            return req.redirect(to: SiteMap.Tenant.forecast.path(context.tenant.slug, record.id!.uuidString),
                                flash: "That change cannot be removed while change \(dependent + 1) refers to it. Remove that one first.")
        }
        if case .addSource(let source) = removed {
            scenario.uncertainty.overrides.removeAll { $0.sourceID != nil && $0.sourceID == source.id }
        }
        let remaining = try ScenarioJSON.encode(scenario)
        try await ForecastWriting.update(context, record, expected: version, audit: "forecast.change_removed") { $0.definition = remaining }
        return req.redirect(to: SiteMap.Tenant.forecast.path(context.tenant.slug, record.id!.uuidString), flash: "Change removed.")
    }

    /// The first remaining change that names the source or route `removed` added.
    static func dependents(of removed: Intervention, in scenario: Scenario) -> Int? {
        let id: UUID?
        switch removed {
        case .addSource(let source): id = source.id
        case .openRoute(let route): id = route.id
        default: id = nil
        }
        guard let id else { return nil }
        return scenario.interventions.firstIndex { intervention in
            switch intervention {
            case .withdrawSource(let source, _), .scaleSource(let source, _): source == id
            case .changeDailyCost(let route, _, _), .closeRoute(let route, _): route == id
            case .addSource(let source): source.routeIDs.contains(id)
            case .pooledFund(let fund):
                fund.routeIDs.contains(id) || { if case .priority(let scores) = fund.policy { scores.contains { $0.routeID == id } } else { false } }()
            case .openRoute: false
            }
        }
    }

    private func renderChange(_ req: Request, _ context: TenantContext, _ record: ForecastScenarioRecord, _ kind: ForecastInterventionForm.Kind,
                              _ values: ForecastInterventionForm.Values, version: Int, _ errors: [FieldError],
                              status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug, id = record.id!.uuidString
        let choices = try await ForecastChoices.load(context, asOf: Day(iso: record.asOfDay))
        let scenario = try record.scenario
        var routes = choices.routes.map { (id: $0.id.uuidString, code: $0.code, name: $0.name) }
        for case .openRoute(let opened) in scenario.interventions {
            if let openedID = opened.id { routes.append((openedID.uuidString, opened.code, "opened by this scenario")) }
        }
        var sources = choices.sources.map { (id: $0.id.uuidString, label: $0.label) }
        for case .addSource(let added) in scenario.interventions {
            if let addedID = added.id { sources.append((addedID.uuidString, choices.sourceName(addedID, in: scenario))) }
        }
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let page = ChangePage(
            kind: kind.rawValue, title: kind.title, hint: kind.hint, scenarioName: record.name, form: values, version: version,
            sources: sources.map { Option(value: $0.id, label: $0.label, selected: $0.id == values.source) },
            routes: routes.map { Option(value: $0.id, label: "\($0.code) \($0.name)", selected: $0.id == values.route) },
            authorities: choices.authorities.map { Option(value: $0.id.uuidString, label: $0.name, selected: $0.id.uuidString == values.authority) },
            authorityChecks: choices.authorities.map { Option(value: $0.id.uuidString, label: $0.name, selected: values.authorities.contains($0.id.uuidString)) },
            routeChecks: routes.map { Option(value: $0.id, label: "\($0.code) \($0.name)", selected: values.routes.contains($0.id)) },
            policies: ForecastPoolPolicy.choices.map { PolicyOption(value: $0.value, label: $0.label, hint: $0.hint, checked: $0.value == values.policy) },
            scores: routes.map { ScoreLine(id: $0.id, code: $0.code, name: $0.name, score: values.scores[$0.id] ?? "", error: errorFor["score-\($0.id)"]) },
            action: SiteMap.Tenant.forecastChangeNew.path(slug, id, kind.rawValue), cancelHref: SiteMap.Tenant.forecast.path(slug, id))
        return try await PageRenderer.render(req, "forecasting/change-form", title: kind.title, page, errors: errors, status: status)
    }

    // MARK: Chances

    struct ChancesPage: Encodable {
        struct Line: Encodable { let key: String; let label: String; let defaultChance: String; let value: String; let error: String? }
        let scenarioName: String
        let funders: [Line]
        let sources: [Line]
        let groups: String
        let version: Int
        let action: String
        let cancelHref: String
    }

    func chances(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        let choices = try await ForecastChoices.load(context, asOf: Day(iso: record.asOfDay))
        let values = ForecastOverridesForm.values(try record.scenario, choices: choices)
        return try await renderChances(req, context, record, choices, values, version: record.version, [])
    }

    func saveChances(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        let choices = try await ForecastChoices.load(context, asOf: Day(iso: record.asOfDay))
        let values = ForecastOverridesForm.values(try req.content.decode(ForecastOverridesForm.Form.self))
        let version = try req.content.decode(VersionForm.self).version ?? 0
        switch ForecastOverridesForm.parse(values, onto: try record.scenario, choices: choices) {
        case .failure(let problems):
            return try await renderChances(req, context, record, choices, values, version: version, problems.errors, status: .unprocessableEntity)
        case .success(let scenario):
            let definition = try ScenarioJSON.encode(scenario)
            try await ForecastWriting.update(context, record, expected: version, audit: "forecast.chances_changed") { $0.definition = definition }
            return req.redirect(to: SiteMap.Tenant.forecast.path(context.tenant.slug, record.id!.uuidString), flash: "Chances saved.")
        }
    }

    private func renderChances(_ req: Request, _ context: TenantContext, _ record: ForecastScenarioRecord, _ choices: ForecastChoices,
                               _ values: ForecastOverridesForm.Values, version: Int, _ errors: [FieldError],
                               status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug, id = record.id!.uuidString
        let byStatus = try record.scenario.uncertainty.byStatus
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let page = ChancesPage(
            scenarioName: record.name,
            funders: choices.funders.enumerated().map { index, name in
                .init(key: String(index), label: name, defaultChance: "By each source's status", value: values.funders[String(index)] ?? "",
                      error: errorFor["funder-\(index)"])
            },
            sources: choices.sources.map { source in
                .init(key: source.id.uuidString, label: source.label,
                      defaultChance: "\(Percent.text(byStatus.probability(for: source.status)))% (\(source.status.displayName.lowercased()))",
                      value: values.sources[source.id.uuidString] ?? "", error: errorFor["source-\(source.id.uuidString)"])
            },
            groups: values.groups, version: version,
            action: SiteMap.Tenant.forecastChances.path(slug, id), cancelHref: SiteMap.Tenant.forecast.path(slug, id))
        return try await PageRenderer.render(req, "forecasting/chances", title: "Chances per source and funder", page, errors: errors, status: status)
    }
}
