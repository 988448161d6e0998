import Foundation
import Vapor

/// The API reference for people: the finished OpenAPI document (`OpenAPIDocument.finished`,
/// the one the server enforces) rendered as a page, so the words and the behaviour cannot drift.
struct APIReferencePage: Encodable {
    struct Field: Encodable { let name: String; let location: String; let type: String; let required: Bool; let description: String }
    struct Answer: Encodable { let status: String; let description: String; let schema: String? }
    struct Operation: Encodable {
        let id: String; let method: String; let path: String; let summary: String
        let parameters: [Field]; let body: [Field]; let bodySchema: String?; let answers: [Answer]
    }
    struct Group: Encodable { let heading: String; let anchor: String; let operations: [Operation] }
    struct Schema: Encodable { let name: String; let description: String; let fields: [Field] }

    let introduction: String
    let documentHref: String
    let groups: [Group]
    let schemas: [Schema]

    static let methods = ["get", "post", "put", "patch", "delete"]

    static func build() throws -> APIReferencePage {
        let document = try JSONSerialization.jsonObject(with: OpenAPIDocument.finished) as? [String: Any] ?? [:]
        let info = document["info"] as? [String: Any] ?? [:]
        let paths = document["paths"] as? [String: Any] ?? [:]
        let components = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        var operations: [Operation] = []
        for (path, value) in paths {
            guard let item = value as? [String: Any] else { continue }
            for method in methods {
                guard let operation = item[method] as? [String: Any] else { continue }
                operations.append(Self.operation(method, path, operation, components: components))
            }
        }
        // Grouped by what follows the tenant in the path ("routes", "funding-sources"…), in path order.
        let grouped = Dictionary(grouping: operations) { group(of: $0.path) }
        let groups = grouped.keys.sorted().map { key in
            Group(heading: key, anchor: "group-" + key.lowercased().replacingOccurrences(of: " ", with: "-"),
                  operations: grouped[key]!.sorted { ($0.path, methods.firstIndex(of: $0.method.lowercased()) ?? 0)
                                                     < ($1.path, methods.firstIndex(of: $1.method.lowercased()) ?? 0) })
        }
        let schemas = components.keys.sorted().compactMap { name -> Schema? in
            guard let schema = components[name] as? [String: Any] else { return nil }
            return Schema(name: name, description: schema["description"] as? String ?? "", fields: fields(of: schema, location: "body"))
        }
        return APIReferencePage(introduction: info["description"] as? String ?? "", documentHref: SiteMap.API.openAPI.path(),
                                groups: groups, schemas: schemas)
    }

    private static func operation(_ method: String, _ path: String, _ operation: [String: Any], components: [String: Any]) -> Operation {
        let parameters = (operation["parameters"] as? [[String: Any]] ?? []).map { parameter in
            let schema = parameter["schema"] as? [String: Any] ?? [:]
            return Field(name: parameter["name"] as? String ?? "", location: parameter["in"] as? String ?? "", type: typeName(schema),
                         required: parameter["required"] as? Bool ?? false,
                         description: parameter["description"] as? String ?? schema["description"] as? String ?? "")
        }
        let bodySchema = (((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
        let bodyRef = bodySchema.flatMap(reference)
        let resolved = bodyRef.flatMap { components[$0] as? [String: Any] } ?? bodySchema ?? [:]
        let responses = operation["responses"] as? [String: Any] ?? [:]
        let answers = responses.keys.sorted().map { status -> Answer in
            let response = responses[status] as? [String: Any] ?? [:]
            let schema = ((response["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
            return Answer(status: status, description: response["description"] as? String ?? "", schema: schema.flatMap(reference))
        }
        return Operation(id: operation["operationId"] as? String ?? "\(method)-\(path)", method: method.uppercased(), path: path,
                         summary: operation["summary"] as? String ?? operation["description"] as? String ?? "",
                         parameters: parameters, body: fields(of: resolved, location: "body"), bodySchema: bodyRef, answers: answers)
    }

    private static func fields(of schema: [String: Any], location: String) -> [Field] {
        let properties = schema["properties"] as? [String: Any] ?? [:]
        let required = Set(schema["required"] as? [String] ?? [])
        return properties.keys.sorted().map { name in
            let property = properties[name] as? [String: Any] ?? [:]
            return Field(name: name, location: location, type: typeName(property), required: required.contains(name),
                         description: property["description"] as? String ?? "")
        }
    }

    /// "string (date)", "array of RouteSummary", "integer"…
    private static func typeName(_ schema: [String: Any]) -> String {
        if let ref = reference(schema) { return ref }
        let type: String = switch schema["type"] {
        case let name as String: name
        case let names as [String]: names.filter { $0 != "null" }.joined(separator: " or ") + (names.contains("null") ? ", or null" : "")
        default: "object"
        }
        if type == "array", let items = schema["items"] as? [String: Any] { return "array of \(typeName(items))" }
        if let format = schema["format"] as? String { return "\(type) (\(format))" }
        if let values = schema["enum"] as? [Any] { return "\(type): one of \(values.map { "\($0)" }.joined(separator: ", "))" }
        return type
    }

    private static func reference(_ schema: [String: Any]) -> String? {
        (schema["$ref"] as? String).map { String($0.split(separator: "/").last ?? "") }
    }

    private static func group(of path: String) -> String {
        let parts = path.split(separator: "/").map(String.init)
        if parts.contains("public") { return "Public calls for bids" }
        guard let tenant = parts.firstIndex(of: "{tenant}"), tenant + 1 < parts.count else { return "The document" }
        return parts[tenant + 1].replacingOccurrences(of: "-", with: " ").capitalized
    }
}
