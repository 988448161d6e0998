import Fluent
import Foundation
import WaymarkDomain
import WaymarkSimulation

/// A saved forecast scenario: what people built (the engine's scenario, with the day and
/// horizon it starts from) and its latest run with the results, kept to be revisited and,
/// when `shared`, read by partners.
final class ForecastScenarioRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "forecast_scenarios"

    enum RunState: String, Codable, Sendable {
        case notRun = "not_run"
        case queued
        case running
        case finished
        case failed
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "description") var description: String
    /// The scenario as docs/scenario-format.md describes it.
    @Field(key: "definition") var definition: String
    @Field(key: "as_of_day") var asOfDay: String
    @Field(key: "horizon_months") var horizonMonths: Int
    @Field(key: "shared") var shared: Bool
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @Field(key: "version") var version: Int
    @Field(key: "run_state") var runState: String
    @OptionalField(key: "run_by") var runBy: String?
    /// Who asked for the run, who hears when it finishes (M019).
    @OptionalField(key: "run_by_person_id") var runByPersonID: UUID?
    @OptionalField(key: "run_requested_at") var runRequestedAt: Date?
    @OptionalField(key: "run_finished_at") var runFinishedAt: Date?
    @OptionalField(key: "run_error") var runError: String?
    /// The definition, as-of day and horizon the results came from (see `runKey`).
    @OptionalField(key: "run_definition") var runDefinition: String?
    /// `ForecastResults` as JSON.
    @OptionalField(key: "results") var results: String?

    init() {}

    init(tenantID: UUID, name: String, description: String, definition: String, asOf: Day, horizonMonths: Int,
         shared: Bool, createdBy: String, at: Date) {
        self.tenantID = tenantID
        self.name = name
        self.description = description
        self.definition = definition
        self.asOfDay = asOf.iso
        self.horizonMonths = horizonMonths
        self.shared = shared
        self.createdBy = createdBy
        self.createdAt = at
        self.updatedAt = at
        self.version = 1
        self.runState = RunState.notRun.rawValue
    }

    var state: RunState { RunState(rawValue: runState) ?? .notRun }

    /// A new run asked for: the last one's outcome is cleared, its results kept until replaced.
    func markQueued(by actor: AuditActor) {
        runState = RunState.queued.rawValue
        runBy = actor.label
        runByPersonID = actor.id
        runRequestedAt = AppClock.shared.now()
        runFinishedAt = nil
        runError = nil
    }
    var asOf: Day { Day(iso: asOfDay) ?? Day(1900, 1, 1) }

    /// Everything a run depends on besides the tenant's data, so a page can tell whether
    /// the results still describe the scenario as it now stands.
    var runKey: String { "\(asOfDay)|\(horizonMonths)|\(definition)" }

    var scenario: Scenario {
        get throws { try ScenarioJSON.decode(Data(definition.utf8)) }
    }

    var storedResults: ForecastResults? {
        results.flatMap { try? JSONDecoder().decode(ForecastResults.self, from: Data($0.utf8)) }
    }
}

/// What a finished run keeps: the scenario's forecast, the same scenario without its
/// interventions (the baseline, drawn with the same random numbers so the difference is
/// the interventions' alone), and what it would take to keep every route covered.
struct ForecastResults: Codable, Sendable {
    var scenario: ForecastReport
    /// Nil when the scenario has no interventions: it is its own baseline.
    var baseline: ForecastReport?
    var extraMoney: ExtraMoneyNeeded?
    /// Seconds each part took, for the page's footnote.
    var seconds: Double
}
