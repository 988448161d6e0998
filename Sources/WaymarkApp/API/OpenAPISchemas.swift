import Foundation
/// JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the API's bodies.
enum OpenAPISchemas {
    static func object(_ properties: [String: Any], required: [String]) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required, "additionalProperties": false]
    }

    static let string: [String: Any] = ["type": "string"]
    /// The one confirmation a body carries for free text the personal-data check flagged (`PersonalDataCheck`).
    static let personalDataChecked: [String: Any] = [
        "type": ["boolean", "null"],
        "description": "Send true once you have checked the free text a 422 flagged as looking like personal data; published text is refused whatever this says",
    ]
    static let integer: [String: Any] = ["type": "integer"]
    static let number: [String: Any] = ["type": "number"]
    static let date: [String: Any] = ["type": ["string", "null"], "format": "date"]
    static let status: [String: Any] = ["type": "string", "enum": ["proposed", "active", "paused", "closed"]]

    static var all: [String: Any] {
        [
            "Error": object(["error": string, "message": string, "status": integer], required: ["error", "message", "status"]),
            "RouteSummary": object([
                "code": string, "name": string, "local_authority": string, "gss_code": string,
                "area": ["type": ["string", "null"]], "status": status, "children_per_day": integer,
                "length_metres": integer, "url": string,
                "funding_status": ["type": ["string", "null"], "enum": ["unfunded", "atRisk", "watch", "secure", NSNull()],
                                   "description": "Coverage status as of as_of; null for a route that is not active"],
                "funded_until": ["type": ["string", "null"], "format": "date", "description": "Secured funding lasts to this school day"],
                "funded_until_projected": ["type": ["string", "null"], "format": "date", "description": "Counting pledged money too"],
                "reasons": ["type": "array", "items": string],
            ], required: ["code", "name", "local_authority", "gss_code", "status", "children_per_day", "length_metres", "url", "reasons"]),
            "RouteList": object([
                "tenant": string, "count": integer, "as_of": ["type": "string", "format": "date"],
                "routes": ["type": "array", "items": ["$ref": "#/components/schemas/RouteSummary"]],
            ], required: ["tenant", "count", "routes"]),
            "Route": object([
                "code": string, "name": string, "status": status,
                "local_authority": object(["name": string, "gss_code": string], required: ["name", "gss_code"]),
                "area": ["type": ["string", "null"]], "children_per_day": integer,
                "start_date": date, "end_date": date, "length_metres": integer,
                "schools": ["type": "array", "items": object(["name": string, "urn": string, "phase": string], required: ["name", "urn", "phase"])],
                "path": ["type": "array", "items": object(["latitude": number, "longitude": number], required: ["latitude", "longitude"])],
                "chaperone_points": ["type": "array", "items": object(["label": string, "latitude": number, "longitude": number], required: ["label", "latitude", "longitude"])],
                "costs": ["type": "array", "items": object([
                    "effective_from": ["type": "string", "format": "date"], "chaperones": integer, "minutes_per_day": integer,
                    "hourly_rate_pence": integer, "daily_management_pence": integer, "daily_cost_pence": ["type": ["integer", "null"]],
                ], required: ["effective_from", "chaperones", "minutes_per_day", "hourly_rate_pence", "daily_management_pence"])],
            ], required: ["code", "name", "status", "local_authority", "children_per_day", "length_metres", "schools", "path", "chaperone_points", "costs"]),
        ]
    }
}
