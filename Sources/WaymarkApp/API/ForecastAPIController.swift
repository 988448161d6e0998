import Fluent
import Foundation
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// The forecasting API: saved scenarios listed and read (with their results when run), a
/// scenario created from the JSON format of docs/scenario-format.md and run, and a run
/// started again. Runs happen in the background: create answers 202 at once, and reading
/// the scenario shows its progress until the results are there.
struct ForecastAPIController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.API.scenarios, .viewForecasts, list)
        routes.post(SiteMap.API.scenarios, .editForecasts, create)
        routes.get(SiteMap.API.scenario, .viewForecasts, read)
        routes.post(SiteMap.API.scenarioRun, .editForecasts, run)
    }

    struct Summary: Encodable {
        let id: String, url: String, name: String, description: String, asOf: String, horizonMonths: Int
        let shared: Bool, state: String, updatedAt: Date

        init(_ record: ForecastScenarioRecord, slug: String, runner: ForecastRunner.Runs) {
            id = record.id!.uuidString.lowercased()
            url = SiteMap.API.scenario.path(slug, id)
            name = record.name
            description = record.description
            asOf = record.asOfDay
            horizonMonths = record.horizonMonths
            shared = record.shared
            state = ForecastQueries.displayedState(record, runs: runner).interrupted ? "interrupted" : record.runState
            updatedAt = record.updatedAt
        }
    }

    struct Detail: Encodable {
        struct Progress: Encodable { let phase: String; let completed: Int; let total: Int }
        struct Results: Encodable {
            let scenario: ForecastReport
            let baseline: ForecastReport?
            let whatItWouldTake: ExtraMoneyNeeded?
            let outdated: Bool
        }
        let scenarioSummary: Summary
        let progress: Progress?
        let error: String?
        let results: Results?
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        let records = try await ForecastQueries.visible(context)
        let runner = try await ForecastRunner.runs(records, req, context)
        struct Body: Encodable { let tenant: String; let scenarios: [Summary] }
        return try APIJSON.response(Body(tenant: context.tenant.slug,
                                         scenarios: records.map { Summary($0, slug: context.tenant.slug, runner: runner) }))
    }

    func read(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        return try detail(record, context: context, runner: try await ForecastRunner.runs([record], req, context))
    }

    /// The scenario resource. Its `scenario` member is the definition in the scenario
    /// file's own (camelCase) format, so what is read back can be sent again unchanged.
    private func detail(_ record: ForecastScenarioRecord, context: TenantContext, runner: ForecastRunner.Runs, status: HTTPStatus = .ok) throws -> Response {
        let live = runner.progress(of: record.id!)
        let results = record.storedResults.map {
            Detail.Results(scenario: $0.scenario, baseline: $0.baseline, whatItWouldTake: $0.extraMoney,
                           outdated: record.runDefinition != record.runKey)
        }
        let body = Detail(scenarioSummary: Summary(record, slug: context.tenant.slug, runner: runner),
                          progress: live.map { .init(phase: $0.phase, completed: $0.completed, total: $0.total) },
                          error: record.state == .failed ? record.runError : nil, results: results)
        guard var object = try JSONSerialization.jsonObject(with: APIJSON.encoder.encode(body)) as? [String: Any],
              let summary = object.removeValue(forKey: "scenario_summary") as? [String: Any] else { throw Abort(.internalServerError) }
        object.merge(summary) { current, _ in current }
        object["scenario"] = try JSONSerialization.jsonObject(with: Data(record.definition.utf8))
        var headers = HTTPHeaders()
        headers.contentType = .json
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return Response(status: status, headers: headers, body: .init(data: data))
    }

    struct CreateBody: Decodable {
        let name: String?
        let description: String?
        let asOf: String?
        let horizonMonths: Int?
        let shared: Bool?
        let run: Bool?
        let personalDataChecked: Bool?

        enum CodingKeys: String, CodingKey {
            case name, description, asOf = "as_of", horizonMonths = "horizon_months", shared, run
            case personalDataChecked = "personal_data_checked"
        }
    }

    func create(req: Request, context: TenantContext) async throws -> Response {
        let raw = Data(buffer: req.body.data ?? ByteBuffer())
        let body: CreateBody
        do { body = try JSONDecoder().decode(CreateBody.self, from: raw) } catch {
            throw WaymarkError.badRequest("The body must be a JSON object with as_of, scenario and optional name, description, horizon_months, shared and run")
        }
        // Every problem at once, each naming its member.
        var problems: [String] = []
        let asOf = body.asOf.flatMap(Day.init(entered:))
        if asOf == nil { problems.append("as_of: give the day the forecast starts from, YYYY-MM-DD, from 1900 to 2199") }
        let horizon = body.horizonMonths ?? 36
        if !(1...120).contains(horizon) { problems.append("horizon_months: must be from 1 to 120") }
        // Only an object may go back through JSONSerialization: on Linux a string or number at
        // the top level is a fatal error there, not a thrown one.
        var scenario: Scenario?
        if let object = try? JSONSerialization.jsonObject(with: raw) as? [String: Any],
           let definition = object["scenario"] as? [String: Any],
           let definitionData = try? JSONSerialization.data(withJSONObject: definition) {
            do { scenario = try ScenarioJSON.decode(definitionData) } catch let invalid as ScenarioJSON.Invalid {
                problems.append("scenario: \(invalid.message)")
            }
        } else {
            problems.append("scenario: give the scenario as a JSON object (docs/scenario-format.md)")
        }
        if let samples = scenario?.samples, samples > ForecastSettingsForm.maxSamples {
            problems.append("scenario.samples: at most \(ForecastSettingsForm.maxSamples.formatted()) through the API; the shell runs more")
        }
        let name = (body.name ?? scenario?.name ?? "").trimmed
        if name.isEmpty || name.count > 120 { problems.append("name: give a name of 1 to 120 characters") }
        let description = (body.description ?? "").trimmed
        if description.count > 2_000 { problems.append("description: at most 2,000 characters") }
        // The tenant's own ids are checked now, so a typo is a 400 rather than a failed run.
        if let asOf, (1...120).contains(horizon), let read = scenario {
            let base = try await SimulationBaseLoader.load(context, asOf: asOf, horizonMonths: horizon)
            let unknown = read.problems(against: base)
            if !unknown.isEmpty { problems.append("scenario: " + unknown.joined(separator: "; ")) }
        }
        let flagged = PersonalDataCheck.problems([.init(field: "description", label: "description", text: description)],
                                                 confirmed: body.personalDataChecked == true, channel: .api)
        guard problems.isEmpty, let asOf, var scenario else {
            throw WaymarkError.badRequest((problems + flagged.map(\.message)).joined(separator: "; "))
        }
        if let problem = flagged.first { throw WaymarkError.unprocessable(problem.message) }
        scenario.name = name

        let record = ForecastScenarioRecord(tenantID: context.tenantID, name: name, description: description,
                                            definition: try ScenarioJSON.encode(scenario), asOf: asOf, horizonMonths: horizon,
                                            shared: body.shared ?? false, createdBy: context.actor.label, at: AppClock.shared.now())
        let run = body.run ?? true
        if run { record.markQueued(by: context.actor) }
        try await context.transaction { tx in
            try await record.save(on: tx.db)
            try await tx.audit("forecast.created", "forecast_scenario", record.id!.uuidString, after: ForecastWriting.AuditSnapshot(record))
            if run { try await ForecastRunner.enqueue(req, tenantID: context.tenantID, scenarioID: record.id!, on: tx.db) }
        }
        let runner = try await ForecastRunner.runs([record], req, context)
        let response = try detail(record, context: context, runner: runner, status: run ? .accepted : .created)
        response.headers.replaceOrAdd(name: .location, value: SiteMap.API.scenario.path(context.tenant.slug, record.id!.uuidString.lowercased()))
        return response
    }

    func run(req: Request, context: TenantContext) async throws -> Response {
        let record = try await ForecastQueries.find(context, id: req.parameters.get("id"))
        if try await ForecastRunner.runs([record], req, context).isRunning(record) {
            throw WaymarkError.conflict("The scenario is already running")
        }
        try await ForecastWriting.startRun(req, context, record, expected: record.version)
        return try detail(record, context: context, runner: try await ForecastRunner.runs([record], req, context), status: .accepted)
    }
}
