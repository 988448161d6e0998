import Foundation
import WaymarkDomain

/// The funding API's paths and schemas in the OpenAPI document.
enum OpenAPIFunding {
    static let asOf: [String: Any] = [
        "name": "as_of", "in": "query", "required": false,
        "description": "As Waymark knew it on this day (YYYY-MM-DD); today in London by default",
        "schema": ["type": "string", "format": "date"],
    ]

    /// The audit reading (`Reading.asRecorded`): what Waymark had been told by a day.
    static let asRecorded: [String: Any] = [
        "name": "as_recorded", "in": "query", "required": false,
        "description": "What Waymark had been told by the end of this day (YYYY-MM-DD), for audit: facts typed in later are left out. Instead of as_of",
        "schema": ["type": "string", "format": "date"],
    ]

    static func get(_ id: String, _ summary: String, _ schema: String, _ parameters: [[String: Any]]) -> [String: Any] {
        ["get": ["operationId": id, "summary": summary, "parameters": [OpenAPIDocument.tenantParameter] + parameters,
                 "responses": OpenAPIDocument.standardErrors.merging([
                     "200": OpenAPIDocument.ok(schema),
                     "400": OpenAPIDocument.errorResponse("A query parameter is malformed; the message names it"),
                 ]) { a, _ in a }]]
    }

    /// `item` with one more documented answer on its GET.
    static func documenting(_ item: [String: Any], _ status: String, _ description: String) -> [String: Any] {
        guard var operation = item["get"] as? [String: Any], var responses = operation["responses"] as? [String: Any] else { return item }
        responses[status] = OpenAPIDocument.errorResponse(description)
        operation["responses"] = responses
        return ["get": operation]
    }

    static var paths: [String: Any] {
        let day = { (name: String, text: String) -> [String: Any] in
            ["name": name, "in": "query", "required": false, "description": text, "schema": ["type": "string", "format": "date"]]
        }
        return [
            "/api/v1/t/{tenant}/coverage": documenting(get("getCoverage", "Each active route's coverage by month: school days, fully and partly covered, cost, paid and gap, on secured and projected money", "Coverage",
                                               [day("from", "First day (default: the first of as_of's month)"), day("to", "Last day (default: twelve months on)"), asOf]),
                                               "422", "to is before from, or more than ten years after it"),
            "/api/v1/t/{tenant}/funding-sources": get("listFundingSources", "Funding sources the caller may see, with allocated, drawn, remaining and lapsing money", "FundingSourceList", [asOf]),
            "/api/v1/t/{tenant}/funding-sources/{id}": get("getFundingSource", "One funding source with its allocations", "FundingSourceDetail",
                                                           [["name": "id", "in": "path", "required": true, "schema": ["type": "string", "format": "uuid"]], asOf]),
            "/api/v1/t/{tenant}/allocations": get("listAllocations", "Allocations of the sources the caller may see, to the routes they may see", "AllocationList",
                                                  [["name": "route", "in": "query", "required": false, "description": "Only this route's code", "schema": ["type": "string"]], asOf]),
            "/api/v1/t/{tenant}/pledges": get("listPledges", "Partners' pledges made by as_of, each as it stood that day (a partner: their own organisations')", "PledgeList", [asOf, asRecorded]),
            "/api/v1/t/{tenant}/alerts": get("listAlerts", "The caller's own funding alerts raised by as_of, newest first, \(FundingAPIBodies.alertsPerPage) to a page", "AlertList",
                                             [asOf, ["name": "page", "in": "query", "required": false,
                                                     "description": "Which page, from 1 (default 1); a page past the last is empty",
                                                     "schema": ["type": "integer", "minimum": 1, "maximum": Pager.lastPossiblePage]]]),
        ]
    }

    static var schemas: [String: Any] {
        let s = OpenAPISchemas.self
        let pence: [String: Any] = ["type": "integer", "description": "Pence"]
        let optionalPence: [String: Any] = ["type": ["integer", "null"], "description": "Pence; null when no walk counts the money"]
        let isoDay: [String: Any] = ["type": "string", "format": "date"]
        let figures = s.object(["fully_covered": s.integer, "partly_covered": s.integer, "uncovered": s.integer,
                                "unknown_cost_days": s.integer, "cost_pence": pence, "paid_pence": pence, "gap_pence": pence],
                               required: ["fully_covered", "partly_covered", "uncovered", "unknown_cost_days", "cost_pence", "paid_pence", "gap_pence"])
        let month = s.object(["month": s.string, "from": isoDay, "to": isoDay, "school_days": s.integer, "secured": figures, "projected": figures],
                             required: ["month", "from", "to", "school_days", "secured", "projected"])
        let allocation = s.object(["id": s.string, "source_id": s.string, "route_code": s.string, "amount_pence": pence,
                                   "start_date": isoDay, "end_date": isoDay, "drawn_to_date_pence": optionalPence,
                                   "remaining_pence": optionalPence, "lapsed_pence": optionalPence, "will_lapse_pence": optionalPence],
                                  required: ["id", "source_id", "route_code", "amount_pence", "start_date", "end_date"])
        let sourceProperties: [String: Any] = [
            "id": s.string, "url": s.string, "funder": s.string, "programme": s.string, "kind": s.string,
            "status": ["type": ["string", "null"], "description": "As of as_of; null when Waymark did not yet know the source"],
            "start_date": isoDay, "end_date": isoDay, "amount_pence": pence, "allocated_pence": pence, "drawn_to_date_pence": pence,
            "remaining_pence": pence, "lapsed_pence": pence, "will_lapse_pence": pence, "renewable": ["type": "boolean"],
            "reference": s.string, "known_on_as_of": ["type": "boolean"],
        ]
        let source = s.object(sourceProperties, required: ["id", "url", "funder", "programme", "kind", "start_date", "end_date", "amount_pence"])
        let pledge = s.object([
            "id": s.string, "organisation": s.string, "programme": s.string,
            "state": ["type": "string", "enum": ["awaiting_decision", "confirmed", "declined", "withdrawn"]],
            "amount_pence": pence, "start_date": isoDay, "end_date": isoDay, "pledged_at": ["type": "string", "format": "date-time"],
            "decision_reason": ["type": ["string", "null"]], "source_id": s.string,
            "routes": ["type": "array", "items": s.object(["route_code": s.string, "amount_pence": pence], required: ["route_code", "amount_pence"])],
        ], required: ["id", "organisation", "programme", "state", "amount_pence", "start_date", "end_date", "routes", "source_id"])
        let alert = s.object([
            "id": s.string, "kind": ["type": "string", "enum": NoticeKind.allCases.map(\.rawValue),
                     "description": "What the alert is about; the kinds a person turns email on or off for at /account/notifications"], "headline": s.string, "body": s.string,
            "link": s.string, "as_of": isoDay, "received_at": ["type": "string", "format": "date-time"], "read": ["type": "boolean"],
        ], required: ["id", "kind", "headline", "body", "link", "as_of", "received_at", "read"])
        let list = { (key: String, item: [String: Any], extra: [String: Any]) -> [String: Any] in
            s.object(extra.merging([key: ["type": "array", "items": item]]) { a, _ in a }, required: Array(extra.keys) + [key])
        }
        return [
            "Coverage": s.object([
                "tenant": s.string, "as_of": isoDay, "from": isoDay, "to": isoDay,
                "routes": ["type": "array", "items": s.object(["code": s.string, "name": s.string, "funding_status": s.string,
                                                               "months": ["type": "array", "items": month]],
                                                              required: ["code", "name", "funding_status", "months"])],
            ], required: ["tenant", "as_of", "from", "to", "routes"]),
            "FundingSourceList": list("sources", source, ["tenant": s.string, "as_of": isoDay]),
            "FundingSourceDetail": s.object(["as_of": isoDay, "source": source, "allocations": ["type": "array", "items": allocation]],
                                            required: ["as_of", "source", "allocations"]),
            "AllocationList": list("allocations", allocation, ["tenant": s.string, "as_of": isoDay]),
            "PledgeList": list("pledges", pledge, ["tenant": s.string]),
            "AlertList": list("alerts", alert, ["tenant": s.string, "total": s.integer, "page": s.integer, "pages": s.integer,
                                                "next": ["type": ["string", "null"], "description": "The next page's address; null on the last"]]),
        ]
    }
}
