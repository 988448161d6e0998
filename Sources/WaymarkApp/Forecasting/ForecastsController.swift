import Fluent
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// Saved forecast scenarios: the list, the settings form (new and edit), running one,
/// deleting one and its downloads. The scenario's own page is `ForecastPage`; its changes
/// and chances are `ForecastChangesController`.
struct ForecastsController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.forecasts, .viewForecasts, list)
        routes.get(SiteMap.Tenant.forecastNew, .editForecasts, new)
        routes.post(SiteMap.Tenant.forecastNew, .editForecasts, create)
        routes.get(SiteMap.Tenant.forecastCompare, .viewForecasts, ForecastComparePage.show)
        routes.get(SiteMap.Tenant.forecast, .viewForecasts, ForecastPage.show)
        routes.get(SiteMap.Tenant.forecastEdit, .editForecasts, edit)
        routes.post(SiteMap.Tenant.forecastEdit, .editForecasts, update)
        routes.post(SiteMap.Tenant.forecastRun, .editForecasts, run)
        routes.post(SiteMap.Tenant.forecastDelete, .editForecasts, delete)
        routes.get(SiteMap.Tenant.forecastCSV, .viewForecasts, csv)
        routes.get(SiteMap.Tenant.forecastScenarioJSON, .viewForecasts, scenarioJSON)
        ForecastChangesController().register(routes)
    }

    struct Row: Encodable {
        let name: String, href: String, asOf: String, horizon: String, state: String, stateTag: String
        let shared: Bool, updated: String, id: String, comparable: Bool
    }

    struct ListPage: Encodable {
        let rows: [Row]
        let canEdit: Bool
        let newHref: String
        let compareAction: String
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        let slug = context.tenant.slug
        let records = try await ForecastQueries.visible(context)
        let runs = try await ForecastRunner.runs(records, req, context)
        let rows = records.map { record in
            let state = ForecastQueries.displayedState(record, runs: runs)
            return Row(name: record.name, href: SiteMap.Tenant.forecast.path(slug, record.id!.uuidString), asOf: record.asOf.display,
                       horizon: "\(record.horizonMonths) months", state: state.label, stateTag: state.tag, shared: record.shared,
                       updated: Day(record.updatedAt, in: London.timeZone).display, id: record.id!.uuidString,
                       comparable: record.results != nil)
        }
        return try await PageRenderer.render(req, "forecasting/list", title: "Forecasts", ListPage(
            rows: rows, canEdit: context.can(.editForecasts), newHref: SiteMap.Tenant.forecastNew.path(slug),
            compareAction: SiteMap.Tenant.forecastCompare.path(slug)))
    }

    struct PercentField: Encodable { let id: String; let label: String; let value: String; let error: String? }

    struct FormPage: Encodable {
        let form: ForecastSettingsForm.Values
        let statusFields: [PercentField]
        let renewalFields: [PercentField]
        let inflationFields: [PercentField]
        let action: String
        let cancelHref: String
        let isNew: Bool
    }

    func new(req: Request, context: TenantContext) async throws -> Response {
        var values = ForecastSettingsForm.Values()
        values.asOf = AppClock.shared.today.iso
        return try await renderForm(req, context, values, record: nil, [])
    }

    func create(req: Request, context: TenantContext) async throws -> Response {
        let values = ForecastSettingsForm.values(try req.content.decode(ForecastSettingsForm.Form.self))
        let flagged = PersonalDataGate.errors(req, [.init(field: "description", label: "The description", text: values.description)])
        switch ForecastSettingsForm.parse(values, onto: Scenario(name: "Scenario")) {
        case .failure(let problems):
            return try await renderForm(req, context, values, record: nil, problems.errors + flagged, status: .unprocessableEntity)
        case .success where !flagged.isEmpty:
            return try await renderForm(req, context, values, record: nil, flagged, status: .unprocessableEntity)
        case .success(let parsed):
            let record = ForecastScenarioRecord(
                tenantID: context.tenantID, name: parsed.name, description: parsed.description,
                definition: try ScenarioJSON.encode(parsed.scenario), asOf: parsed.asOf, horizonMonths: parsed.horizonMonths,
                shared: parsed.shared, createdBy: context.actor.label, at: AppClock.shared.now())
            try await context.transaction { tx in
                try await record.save(on: tx.db)
                try await tx.audit("forecast.created", "forecast_scenario", record.id!.uuidString, after: ForecastWriting.AuditSnapshot(record))
            }
            return req.redirect(to: SiteMap.Tenant.forecast.path(context.tenant.slug, record.id!.uuidString),
                                flash: "Scenario saved. Add the changes it makes, then run it.")
        }
    }

    func edit(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        return try await renderForm(req, context, ForecastSettingsForm.values(record, try record.scenario), record: record, [])
    }

    func update(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        let values = ForecastSettingsForm.values(try req.content.decode(ForecastSettingsForm.Form.self))
        let flagged = PersonalDataGate.errors(req, [.init(field: "description", label: "The description", text: values.description)])
        switch ForecastSettingsForm.parse(values, onto: try record.scenario) {
        case .failure(let problems):
            return try await renderForm(req, context, values, record: record, problems.errors + flagged, status: .unprocessableEntity)
        case .success where !flagged.isEmpty:
            return try await renderForm(req, context, values, record: record, flagged, status: .unprocessableEntity)
        case .success(let parsed):
            let definition = try ScenarioJSON.encode(parsed.scenario)
            try await ForecastWriting.update(context, record, expected: values.version, audit: "forecast.updated") { record in
                record.name = parsed.name
                record.description = parsed.description
                record.asOfDay = parsed.asOf.iso
                record.horizonMonths = parsed.horizonMonths
                record.shared = parsed.shared
                record.definition = definition
            }
            return req.redirect(to: SiteMap.Tenant.forecast.path(context.tenant.slug, record.id!.uuidString), flash: "Scenario saved.")
        }
    }

    private func renderForm(_ req: Request, _ context: TenantContext, _ values: ForecastSettingsForm.Values,
                            record: ForecastScenarioRecord?, _ errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let field = { (id: String, label: String, value: String) in PercentField(id: id, label: label, value: value, error: errorFor[id]) }
        let page = FormPage(
            form: values,
            statusFields: [field("p_prospective", "Prospective (applied for, hoped for)", values.pProspective),
                           field("p_pledged", "Pledged", values.pPledged), field("p_confirmed", "Confirmed", values.pConfirmed),
                           field("p_received", "Received", values.pReceived)],
            renewalFields: [field("renewal_probability", "Chance of each renewal", values.renewalProbability),
                            field("renewal_factor_low", "Smallest renewal, as a percentage of the amount before", values.renewalFactorLow),
                            field("renewal_factor_high", "Largest renewal, as a percentage of the amount before", values.renewalFactorHigh)],
            inflationFields: [field("inflation_low", "Lowest rise", values.inflationLow), field("inflation_high", "Highest rise", values.inflationHigh)],
            action: record.map { SiteMap.Tenant.forecastEdit.path(slug, $0.id!.uuidString) } ?? SiteMap.Tenant.forecastNew.path(slug),
            cancelHref: record.map { SiteMap.Tenant.forecast.path(slug, $0.id!.uuidString) } ?? SiteMap.Tenant.forecasts.path(slug),
            isNew: record == nil)
        return try await PageRenderer.render(req, "forecasting/settings-form", title: record == nil ? "New forecast scenario" : "Change the scenario's settings",
                                             page, errors: errors, status: status)
    }

    struct RunForm: Content { var version: Int? }

    func run(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        let slug = context.tenant.slug, page = SiteMap.Tenant.forecast.path(slug, record.id!.uuidString)
        if try await ForecastRunner.runs([record], req, context).isRunning(record) {
            return req.redirect(to: page, flash: "This scenario is already running.")
        }
        let form = try req.content.decode(RunForm.self)
        try await ForecastWriting.startRun(req, context, record, expected: form.version ?? record.version)
        return req.redirect(to: page, flash: "Forecast started. This page shows its progress and then the results.")
    }

    func delete(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        try await context.transaction { tx in
            try await tx.audit("forecast.deleted", "forecast_scenario", record.id!.uuidString, before: ForecastWriting.AuditSnapshot(record))
            try await record.delete(on: tx.db)
        }
        return req.redirect(to: SiteMap.Tenant.forecasts.path(context.tenant.slug), flash: "Scenario “\(record.name)” deleted.")
    }

    func csv(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        guard let results = record.storedResults else { throw WaymarkError.notFound }
        return CSVResponse.make(results.scenario.csv, filename: "\(context.tenant.slug)-forecast-\(record.id!.uuidString.prefix(8).lowercased()).csv")
    }

    /// The definition as a scenario file, to run from the shell (`waymark simulate`) or send to the API.
    func scenarioJSON(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.contentDisposition = .init(.attachment, filename: "\(context.tenant.slug)-scenario-\(record.id!.uuidString.prefix(8).lowercased()).json")
        return Response(status: .ok, headers: headers, body: .init(string: record.definition + "\n"))
    }
}
