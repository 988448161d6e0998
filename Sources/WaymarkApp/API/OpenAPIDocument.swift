import Foundation
import Vapor

/// The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Each
/// endpoint added to the API is described here; a test checks that every API route
/// the app registers appears in this document.
enum OpenAPIDocument {
    /// The finished document, built once: it never changes while the server runs.
    static let finished: Data = (try? JSONSerialization.data(withJSONObject: OpenAPIRules.apply(document),
                                                            options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)

    static func response() throws -> Response {
        let data = finished
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    static let tenantParameter: [String: Any] = [
        "name": "tenant", "in": "path", "required": true, "description": "The tenant's short name, e.g. west-midlands",
        "schema": ["type": "string", "pattern": "^[a-z0-9-]{2,40}$"],
    ]

    static func errorResponse(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
    }

    static func ok(_ schema: String) -> [String: Any] {
        ["description": "OK", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(schema)"]]]]
    }

    static let standardErrors: [String: Any] = [
        "401": errorResponse("No valid token or session for this tenant"),
        "403": errorResponse("The person's roles do not allow this"),
        "404": errorResponse("No such tenant, route or membership"),
    ]

    static var document: [String: Any] {
        [
            "openapi": "3.1.0",
            "info": [
                "title": "Waymark API", "version": "1.0.0",
                "description": "Routes, funding and commissioning of a Waymark tenant. Authenticate with a personal API token (Authorization: Bearer wmk_…) created on the tenant's API tokens page, or with a signed-in browser session. A token works for its own tenant only. The published calls for bids under /api/v1/public need neither.",
            ],
            "servers": [["url": "/"]],
            "security": [["bearerToken": [String]()], ["session": [String]()]],
            "paths": paths.merging(OpenAPIFunding.paths) { a, _ in a }.merging(OpenAPIForecasting.paths) { a, _ in a }
                .merging(OpenAPIContracts.paths) { a, _ in a }
                .merging(OpenAPICommissioning.paths) { a, _ in a }
                .merging(OpenAPIReturns.paths) { a, _ in a }
                .merging(OpenAPIOpenData.paths) { a, _ in a },
            "components": [
                "securitySchemes": [
                    "bearerToken": ["type": "http", "scheme": "bearer", "description": "A personal API token"],
                    "session": ["type": "apiKey", "in": "cookie", "name": "waymark_session"],
                ],
                "schemas": OpenAPISchemas.all.merging(OpenAPIFunding.schemas) { a, _ in a }.merging(OpenAPIForecasting.schemas) { a, _ in a }
                    .merging(OpenAPIContracts.schemas) { a, _ in a }
                    .merging(OpenAPICommissioning.schemas) { a, _ in a }
                    .merging(OpenAPIReturns.schemas) { a, _ in a },
            ],
        ]
    }

    static var paths: [String: Any] {
        [
            "/api/v1/openapi.json": [
                "get": [
                    "operationId": "getOpenAPI", "summary": "This document", "security": [[String: Any]](),
                    "responses": ["200": ["description": "The OpenAPI document", "content": ["application/json": ["schema": ["type": "object"]]]]],
                ],
            ],
            "/api/v1/t/{tenant}/routes": [
                "get": [
                    "operationId": "listRoutes", "summary": "The routes the caller may see",
                    "parameters": [
                        tenantParameter,
                        ["name": "local_authority", "in": "query", "required": false, "description": "A GSS code, e.g. E08000031", "schema": ["type": "string"]],
                        ["name": "status", "in": "query", "required": false, "schema": ["type": "string", "enum": ["proposed", "active", "paused", "closed"]]],
                        ["name": "sort", "in": "query", "required": false, "schema": ["type": "string", "enum": RouteFilter.sortKeys]],
                        ["name": "order", "in": "query", "required": false, "schema": ["type": "string", "enum": ["asc", "desc"]]],
                        ["name": "as_of", "in": "query", "required": false,
                         "description": "The world on this day (YYYY-MM-DD) as Waymark knows it now: funding facts effective by then; today in London by default",
                         "schema": ["type": "string", "format": "date"]],
                        OpenAPIFunding.asRecorded,
                    ],
                    "responses": standardErrors.merging(["200": ok("RouteList")]) { a, _ in a },
                ],
            ],
            "/api/v1/t/{tenant}/routes/{code}": [
                "get": [
                    "operationId": "getRoute", "summary": "One route with its schools, path, chaperone points and costs",
                    "parameters": [tenantParameter, ["name": "code", "in": "path", "required": true, "schema": ["type": "string"]]],
                    "responses": standardErrors.merging(["200": ok("Route")]) { a, _ in a },
                ],
            ],
        ]
    }
}
