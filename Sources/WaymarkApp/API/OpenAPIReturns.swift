import Foundation

/// The monthly-returns API's paths and schemas in the OpenAPI document.
enum OpenAPIReturns {
    static var paths: [String: Any] {
        let id: [String: Any] = ["name": "id", "in": "path", "required": true, "description": "The contract's id", "schema": ["type": "string", "format": "uuid"]]
        let month: [String: Any] = ["name": "month", "in": "path", "required": true, "description": "The month, YYYY-MM",
                                    "schema": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"]]
        let submission = OpenAPISchemas.object([
            "version": ["type": "integer", "description": "The return's `version` when read (0 before anything was saved); a stale one is refused with 409"],
            "narrative": OpenAPISchemas.string, "case_study": OpenAPISchemas.string,
            "personal_data_checked": OpenAPISchemas.personalDataChecked,
            "lines": ["type": "array", "items": OpenAPISchemas.object([
                "route_code": OpenAPISchemas.string, "chaperone_hours": ["type": "number", "minimum": 0],
                "counts": ["type": "object", "additionalProperties": ["type": "integer"],
                           "description": "Figures by the template's column names, e.g. sessions_delivered, incidents_violence; a missing one is 0"],
            ], required: ["route_code"])],
        ], required: ["version", "narrative", "lines"])
        return [
            "/api/v1/t/{tenant}/returns": OpenAPIFunding.get(
                "listReturns", "Every monthly return owed by as_of on the contracts the caller may read, newest month first, with its status and timeliness as they were that day",
                "ReturnList", [OpenAPIFunding.asOf, OpenAPIFunding.asRecorded]),
            "/api/v1/t/{tenant}/contracts/{id}/returns/{month}": [
                "get": OpenAPIForecasting.operation("getReturn", "One month's return: the routes it must cover, every submitted version and every review step",
                                                    ["200": OpenAPIDocument.ok("MonthlyReturn")],
                                                    parameters: [id, month, OpenAPIFunding.asOf, OpenAPIFunding.asRecorded]),
                "post": OpenAPIForecasting.operation(
                    "submitReturn", "Submit the month's return as the contract's provider: checked by the same rules as the web form and the upload",
                    ["201": ["description": "Submitted as a new version", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/MonthlyReturn"]]]],
                     "409": OpenAPIDocument.errorResponse("The return changed since `version`, or is awaiting review or approved"),
                     "422": ["description": "Nothing saved; every problem listed", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/ReturnRefusal"]]]]],
                    parameters: [id, month], body: submission),
            ],
        ]
    }

    static var schemas: [String: Any] {
        let s = OpenAPISchemas.self
        let isoDay: [String: Any] = ["type": "string", "format": "date"]
        let status: [String: Any] = ["type": "string", "enum": ["not_started", "draft", "submitted", "queried", "returned", "approved"]]
        let line = s.object(["route_code": s.string, "school_days": s.integer, "sessions_planned": s.integer, "chaperone_hours": s.number,
                             "counts": ["type": "object", "additionalProperties": ["type": "integer"]]],
                            required: ["route_code", "school_days", "sessions_planned", "chaperone_hours", "counts"])
        let version = s.object(["number": s.integer, "submitted_at": ["type": "string", "format": "date-time"], "submitted_by": s.string,
                                "channel": ["type": "string", "enum": ["form", "csv", "xlsx", "api"]], "narrative": s.string,
                                "case_study": ["type": ["string", "null"]], "lines": ["type": "array", "items": line]],
                               required: ["number", "submitted_at", "submitted_by", "channel", "narrative", "lines"])
        let review = s.object(["version_number": s.integer, "step": ["type": "string", "enum": ["approve", "query", "return"]], "note": s.string,
                               "comments": ["type": "object", "additionalProperties": s.string, "description": "Comment by route code"],
                               "reviewed_at": ["type": "string", "format": "date-time"]],
                              required: ["version_number", "step", "note", "comments", "reviewed_at"])
        let expected = s.object(["route_code": s.string, "school_days": s.integer, "sessions_planned": s.integer],
                                required: ["route_code", "school_days", "sessions_planned"])
        let summary = s.object(["contract_reference": s.string, "month": s.string, "due_date": isoDay, "status": status,
                                "timeliness": s.string, "url": s.string],
                               required: ["contract_reference", "month", "due_date", "status", "timeliness", "url"])
        let problem = s.object(["route_code": ["type": ["string", "null"]], "field": ["type": ["string", "null"]], "message": s.string],
                               required: ["message"])
        return [
            "ReturnList": s.object(["tenant": s.string, "as_of": isoDay, "returns": ["type": "array", "items": summary]],
                                   required: ["tenant", "as_of", "returns"]),
            "MonthlyReturn": s.object([
                "contract_id": s.string, "contract_reference": s.string, "month": s.string, "status": status, "due_date": isoDay,
                "version": s.integer, "expected_routes": ["type": "array", "items": expected],
                "versions": ["type": "array", "items": version], "reviews": ["type": "array", "items": review],
            ], required: ["contract_id", "contract_reference", "month", "status", "due_date", "version", "expected_routes", "versions", "reviews"]),
            "ReturnRefusal": s.object(["error": s.string, "message": s.string, "status": s.integer, "problems": ["type": "array", "items": problem]],
                                      required: ["error", "message", "status", "problems"]),
        ]
    }
}
