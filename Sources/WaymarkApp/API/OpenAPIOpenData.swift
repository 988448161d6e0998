import Foundation

/// The open data files in the OpenAPI document: public, no token, the same as the public site's.
enum OpenAPIOpenData {
    static var paths: [String: Any] {
        func operation(_ id: String, _ summary: String, standard: String, url: String) -> [String: Any] {
            [
                "operationId": id, "summary": summary, "security": [[String: Any]](),
                "externalDocs": ["description": standard, "url": url],
                "parameters": [
                    OpenAPIDocument.tenantParameter,
                    ["name": "as_of", "in": "query", "required": false,
                     "description": "What was public on this day (YYYY-MM-DD); today in London by default",
                     "schema": ["type": "string", "format": "date"]],
                ],
                "responses": [
                    "200": ["description": "The file, as \(standard) defines it", "content": ["application/json": ["schema": ["type": "object"]]]],
                    "400": OpenAPIDocument.errorResponse("as_of is not a date, or a query parameter is repeated or empty"),
                    "404": OpenAPIDocument.errorResponse("No such tenant; or nothing to publish yet: the tenant has not given its identifiers, or has no grant or process"),
                ],
            ]
        }
        return [
            "/api/v1/t/{tenant}/open-data/360giving.json": ["get": operation(
                "getGrants", "Public: the tenant's grants as a 360Giving 1.4 data package",
                standard: "360Giving Data Standard 1.4", url: "https://standard.threesixtygiving.org/en/latest/")],
            "/api/v1/t/{tenant}/open-data/ocds/releases.json": ["get": operation(
                "getContractingReleases", "Public: the tenant's contracting processes as an OCDS 1.1 release package, a release for each step",
                standard: "Open Contracting Data Standard 1.1", url: "https://standard.open-contracting.org/1.1/en/")],
            "/api/v1/t/{tenant}/open-data/ocds/records.json": ["get": operation(
                "getContractingRecords", "Public: the same processes as an OCDS 1.1 record package, each with its compiled release",
                standard: "Open Contracting Data Standard 1.1", url: "https://standard.open-contracting.org/1.1/en/")],
        ]
    }
}
