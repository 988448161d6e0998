import Foundation

/// The forecasting API's paths and schemas in the OpenAPI document.
enum OpenAPIForecasting {
    static let idParameter: [String: Any] = ["name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]

    static func operation(_ id: String, _ summary: String, _ responses: [String: Any], parameters: [[String: Any]] = [],
                          body: [String: Any]? = nil) -> [String: Any] {
        var operation: [String: Any] = [
            "operationId": id, "summary": summary, "parameters": [OpenAPIDocument.tenantParameter] + parameters,
            "responses": OpenAPIDocument.standardErrors.merging(responses) { _, new in new },
        ]
        if let body { operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": body]]] }
        return operation
    }

    static func scenario(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/ForecastScenario"]]]]
    }

    static var paths: [String: Any] {
        let create: [String: Any] = OpenAPISchemas.object([
            "scenario": ["type": "object", "description": "The scenario in the format of docs/scenario-format.md (camelCase keys)"],
            "as_of": ["type": "string", "format": "date", "description": "Start from the tenant's funding as known on this day"],
            // Optional members may be null, which means the same as leaving them out.
            "horizon_months": ["type": ["integer", "null"], "minimum": 1, "maximum": 120, "default": 36],
            "name": ["type": ["string", "null"], "minLength": 1, "maxLength": 120, "pattern": "\\S", "description": "Default: the scenario's own name"],
            "description": ["type": ["string", "null"], "maxLength": 2000],
            "personal_data_checked": OpenAPISchemas.personalDataChecked,
            "shared": ["type": ["boolean", "null"], "default": false, "description": "Partners and viewers may read it"],
            "run": ["type": ["boolean", "null"], "default": true, "description": "Start the run at once"],
        ], required: ["scenario", "as_of"])
        return [
            "/api/v1/t/{tenant}/scenarios": [
                "get": operation("listScenarios", "Saved forecast scenarios the caller may see (partners and viewers: those shared with them)",
                                 ["200": OpenAPIDocument.ok("ForecastScenarioList")]),
                "post": operation("createScenario", "Save a scenario and (by default) run it in the background; read it back for progress and results",
                                  ["201": scenario("Saved, not run"), "202": scenario("Saved and queued to run"),
                                   "400": OpenAPIDocument.errorResponse("The body or the scenario is invalid; the message names the key")],
                                  body: create),
            ],
            "/api/v1/t/{tenant}/scenarios/{id}": [
                "get": operation("getScenario", "One scenario: its definition, run state, progress while it runs, and results when finished",
                                 ["200": scenario("The scenario")], parameters: [idParameter]),
            ],
            "/api/v1/t/{tenant}/scenarios/{id}/run": [
                "post": operation("runScenario", "Run the scenario again with the tenant's data as it now stands",
                                  ["202": scenario("Queued to run"), "409": OpenAPIDocument.errorResponse("It is already running")],
                                  parameters: [idParameter]),
            ],
        ]
    }

    static var schemas: [String: Any] {
        let s = OpenAPISchemas.self
        let spread = s.object(["p10": s.integer, "p50": s.integer, "p90": s.integer, "mean": s.number], required: ["p10", "p50", "p90", "mean"])
        let report = s.object([
            "scenario": s.string, "as_of": s.string, "samples": s.integer, "seed": s.integer,
            "months": ["type": "array", "items": s.object(["month": s.string, "routes_covered": spread, "children_covered": spread,
                                                           "funding_gap_pence": spread],
                                                          required: ["month", "routes_covered", "children_covered", "funding_gap_pence"])],
            "routes": ["type": "array", "items": s.object(["route_id": s.string, "code": s.string,
                                                           "probability_covered": ["type": "array", "items": s.number],
                                                           "likely_lost_from": s.date],
                                                          required: ["route_id", "code", "probability_covered"])],
            "lapsed_pence": spread,
            "timing": ["type": "object", "description": "Milliseconds the run took, by part"],
        ], required: ["scenario", "as_of", "samples", "seed", "months", "routes", "lapsed_pence"])
        let extra = s.object([
            "target": s.number, "total": ["type": "integer", "description": "Pence"], "achieved": s.number, "samples": s.integer,
            "covered_without_extra": ["type": "number", "description": "The share of samples in which the routes are covered with no extra money"],
            "years": ["type": "array", "items": s.object(["label": s.string, "period": ["type": "object"], "extra": ["type": "integer", "description": "Pence"]],
                                                         required: ["label", "period", "extra"])],
            "excluded_routes": ["type": "array", "items": s.object(["route_id": s.string, "code": s.string, "reason": s.string],
                                                                   required: ["route_id", "code", "reason"])],
        ], required: ["target", "total", "achieved", "years", "excluded_routes"])
        let summary: [String: Any] = [
            "id": s.string, "url": s.string, "name": s.string, "description": s.string, "as_of": ["type": "string", "format": "date"],
            "horizon_months": s.integer, "shared": ["type": "boolean"],
            "state": ["type": "string", "enum": ["not_run", "queued", "running", "finished", "failed", "interrupted"]],
            "updated_at": ["type": "string", "format": "date-time"],
        ]
        let summaryRequired = ["id", "url", "name", "as_of", "horizon_months", "shared", "state"]
        return [
            "ForecastScenarioList": s.object(["tenant": s.string, "scenarios": ["type": "array", "items": s.object(summary, required: summaryRequired)]],
                                             required: ["tenant", "scenarios"]),
            "ForecastScenario": s.object(summary.merging([
                "scenario": ["type": "object", "description": "The definition, in the format of docs/scenario-format.md"],
                "progress": s.object(["phase": s.string, "completed": s.integer, "total": s.integer], required: ["phase", "completed", "total"]),
                "error": s.string,
                "results": s.object(["scenario": report, "baseline": report, "what_it_would_take": extra, "outdated": ["type": "boolean"]],
                                    required: ["scenario", "outdated"]),
            ]) { a, _ in a }, required: summaryRequired + ["scenario"]),
        ]
    }
}
