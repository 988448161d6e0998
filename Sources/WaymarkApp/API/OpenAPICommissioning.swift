import Foundation

/// The commissioning API's paths and schemas in the OpenAPI document.
enum OpenAPICommissioning {
    static var paths: [String: Any] {
        // The same shape of operation as the forecasting API's: the tenant parameter and the standard errors.
        let operation = OpenAPIForecasting.operation, id = [OpenAPIForecasting.idParameter]
        var calls = operation("listPublishedCalls", "Public, no sign-in: the tenant's specifications open for bids now, soonest closing first",
                              [:], [], nil)
        calls["security"] = [[String: Any]]()
        calls["responses"] = ["200": OpenAPIDocument.ok("PublishedCallList"), "404": OpenAPIDocument.errorResponse("No such tenant")]
        return [
            "/api/v1/t/{tenant}/specifications": [
                "get": operation("listSpecifications", "Specifications, latest closing first: commissioners see drafts too, everyone else those published",
                                 ["200": OpenAPIDocument.ok("SpecificationList")], [], nil),
            ],
            "/api/v1/t/{tenant}/specifications/{id}": [
                "get": operation("getSpecification", "One specification: the service, routes and value, questions and weights, dates, and the clarification questions answered (never who asked)",
                                 ["200": OpenAPIDocument.ok("Specification")], id, nil),
            ],
            "/api/v1/t/{tenant}/specifications/{id}/bids": [
                "get": operation("listBids", "The bids that count, each as last submitted before the deadline, under the same seal as the pages: all of them, or none",
                                 ["200": OpenAPIDocument.ok("BidList"),
                                  "403": OpenAPIDocument.errorResponse("Not a commissioner or assessor; or the seal refuses, and the message says why: before the deadline, an assessor not on the panel, declarations outstanding, or a declared conflict")],
                                 id, nil),
            ],
            "/api/v1/public/{tenant}/calls": ["get": calls],
        ]
    }

    static var schemas: [String: Any] {
        let s = OpenAPISchemas.self
        let pence: [String: Any] = ["type": "integer", "description": "Pence"]
        let isoDay: [String: Any] = ["type": "string", "format": "date"]
        let instant: [String: Any] = ["type": "string", "format": "date-time", "description": "UTC"]
        let percent: [String: Any] = ["type": "number", "description": "Percent of the whole score"]
        let strings: [String: Any] = ["type": "array", "items": s.string]
        let route = s.object(["code": s.string, "name": s.string, "value_pence": pence], required: ["code", "name"])
        let summary: [String: Any] = [
            "id": s.string, "url": s.string,
            "public_url": ["type": "string", "description": "The public page; absent for a specification never published"],
            "title": s.string,
            "status": ["type": "string", "enum": ["draft", "published", "closed", "inEvaluation", "awarded", "cancelled"],
                       "description": "As of now: a published specification whose deadline has passed is closed"],
            "total_value_pence": pence, "routes": ["type": "array", "items": route],
            "service_period": s.object(["start": isoDay, "end": isoDay], required: ["start", "end"]),
            "closes": s.object(["uk_time": ["type": "string", "description": "The deadline as set, on a London clock: 2023-06-30T12:00"],
                                "time_zone": s.string, "utc": instant], required: ["uk_time", "time_zone", "utc"]),
            "award": s.object(["provider": s.string, "price_pence": pence, "decided_at": instant], required: ["provider", "decided_at"]),
        ]
        let summaryRequired = ["id", "url", "title", "status", "total_value_pence", "routes", "service_period", "closes"]
        let detail: [String: Any] = [
            "context": s.string, "services_required": s.string,
            "local_authorities": ["type": "array", "items": s.object(["name": s.string, "gss_code": s.string], required: ["name", "gss_code"])],
            "value_split": ["type": "string", "enum": ["proportional_to_cost", "stated_shares"]],
            "go_live": isoDay, "term_time_delivery": ["type": "boolean"], "pricing": ["type": "string", "enum": ["total", "per_route"]],
            "questions": ["type": "array", "items": s.object(["id": s.string, "text": s.string, "weight_percent": percent, "character_limit": s.integer],
                                                             required: ["id", "text", "weight_percent", "character_limit"])],
            "criteria": s.object(["quality_percent": percent, "price_percent": percent, "social_value_percent": percent,
                                  "price_formula": ["type": "string", "enum": ["lowest_over_bid", "relative_to_budget"]]],
                                 required: ["quality_percent", "price_percent", "social_value_percent", "price_formula"]),
            "scale": ["type": "array", "items": s.object(["score": s.integer, "label": s.string], required: ["score", "label"])],
            "kpis": strings, "attachments": strings,
            "clarifications": ["type": "array", "description": "Answered questions only, never who asked",
                               "items": s.object(["question": s.string, "answer": s.string, "answered_at": instant], required: ["question", "answer"])],
        ]
        let bid = s.object([
            "id": s.string, "bidder": s.string, "version": ["type": "integer", "description": "The submission that counts"],
            "submitted_at": instant, "price_pence": pence,
            "route_prices": ["type": "array", "items": s.object(["code": s.string, "price_pence": pence], required: ["code", "price_pence"])],
            "proposed_routes": strings,
            "answers": ["type": "array", "items": s.object(["question_id": s.string, "answer": s.string], required: ["question_id", "answer"])],
            "social_value": s.string,
        ], required: ["id", "bidder", "version", "submitted_at", "price_pence", "route_prices", "proposed_routes", "answers", "social_value"])
        let summaryObject = s.object(summary, required: summaryRequired)
        return [
            "SpecificationList": s.object(["tenant": s.string, "specifications": ["type": "array", "items": summaryObject]],
                                          required: ["tenant", "specifications"]),
            "Specification": s.object(summary.merging(detail) { a, _ in a }, required: summaryRequired + Array(detail.keys).sorted()),
            "BidList": s.object(["specification_id": s.string, "closes": summary["closes"]!, "bids": ["type": "array", "items": bid]],
                                required: ["specification_id", "closes", "bids"]),
            "PublishedCallList": s.object(["tenant": s.string, "calls": ["type": "array", "items": summaryObject]], required: ["tenant", "calls"]),
        ]
    }
}
