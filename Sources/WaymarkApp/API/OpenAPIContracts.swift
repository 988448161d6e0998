import Foundation

/// The contracts API's paths and schemas in the OpenAPI document.
enum OpenAPIContracts {
    static var paths: [String: Any] {
        let id: [String: Any] = ["name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]]
        return [
            "/api/v1/t/{tenant}/contracts": OpenAPIFunding.get(
                "listContracts", "Contracts the caller may see (a provider: their own organisations') signed by as_of, with their terms in force and their status that day",
                "ContractList", [OpenAPIFunding.asOf, OpenAPIFunding.asRecorded]).merging(["post": OpenAPIContractRecording.operation]) { a, _ in a },
            "/api/v1/t/{tenant}/contracts/{id}": OpenAPIFunding.get(
                "getContract", "One contract as of as_of (not found before it was signed): its terms in force, KPIs, funding links, every version known by then with what changed, and its payment lines",
                "ContractDetail", [id, OpenAPIFunding.asOf, OpenAPIFunding.asRecorded]),
            "/api/v1/t/{tenant}/payments": OpenAPIFunding.get(
                "listPayments", "Every payment line of the contracts the caller may see, payable first (paid means paid by as_of; payable, its months' returns approved by then)", "PaymentList",
                [OpenAPIFunding.asOf, OpenAPIFunding.asRecorded]),
        ]
    }

    static var schemas: [String: Any] {
        let s = OpenAPISchemas.self
        let pence: [String: Any] = ["type": "integer", "description": "Pence"]
        let isoDay: [String: Any] = ["type": "string", "format": "date"]
        let optionalDay: [String: Any] = ["type": ["string", "null"], "format": "date"]
        let contract = s.object([
            "id": s.string, "url": s.string, "reference": s.string, "title": s.string, "provider": s.string,
            "routes": ["type": "array", "items": s.string, "description": "Codes of the routes still served"],
            "value_pence": pence, "start_date": isoDay, "end_date": isoDay,
            "status": ["type": "string", "enum": ["not_started", "running", "ended", "terminated"], "description": "On as_of (today in London by default)"],
        ], required: ["id", "url", "reference", "title", "provider", "routes", "value_pence", "start_date", "end_date", "status"])
        let route = s.object(["route_code": s.string, "value_pence": pence, "from_date": isoDay, "until_date": optionalDay],
                             required: ["route_code", "value_pence", "from_date"])
        let terms = s.object(["start_date": isoDay, "end_date": isoDay, "terminated": ["type": "boolean"], "value_pence": pence,
                              "routes": ["type": "array", "items": route]],
                             required: ["start_date", "end_date", "terminated", "value_pence", "routes"])
        let link = s.object(["source_id": s.string, "allocation_id": ["type": ["string", "null"]], "amount_pence": pence],
                            required: ["source_id", "amount_pence"])
        let version = s.object([
            "number": s.integer,
            "kind": ["type": "string", "enum": ["original", "extend", "change_values", "add_route", "remove_route", "terminate"]],
            "change": s.string, "reason": s.string, "effective_date": isoDay, "approved_by": s.string,
            "approved_at": ["type": "string", "format": "date-time"], "terms": terms,
        ], required: ["number", "kind", "change", "reason", "effective_date", "approved_by", "approved_at", "terms"])
        let line = s.object([
            "id": s.string, "contract_id": s.string, "contract_reference": s.string, "number": s.integer,
            "quarter": ["type": "string", "description": "Financial quarter, e.g. Q3 2023/24"],
            "start_date": isoDay, "end_date": isoDay, "amount_pence": pence,
            "status": ["type": "string", "enum": ["awaiting_returns", "payable", "paid"]],
            "awaiting_returns_for": ["type": "array", "items": s.string, "description": "Months (YYYY-MM) whose returns are not yet approved"],
            "paid_on": optionalDay, "paid_by": ["type": ["string", "null"]],
        ], required: ["id", "contract_id", "contract_reference", "number", "quarter", "start_date", "end_date", "amount_pence",
                      "status", "awaiting_returns_for"])
        return [
            "ContractList": s.object(["tenant": s.string, "as_of": isoDay, "contracts": ["type": "array", "items": contract]],
                                     required: ["tenant", "as_of", "contracts"]),
            "ContractDetail": s.object([
                "contract": contract, "kpis": ["type": "array", "items": s.string], "funding_links": ["type": "array", "items": link],
                "terms": terms, "versions": ["type": "array", "items": version], "payment_lines": ["type": "array", "items": line],
            ], required: ["contract", "kpis", "funding_links", "terms", "versions", "payment_lines"]),
            "ContractRecording": OpenAPIContractRecording.body,
            "ContractRefusal": OpenAPIContractRecording.refusal,
            "PaymentList": s.object(["tenant": s.string, "payments": ["type": "array", "items": line]], required: ["tenant", "payments"]),
        ]
    }
}
