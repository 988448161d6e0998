import Foundation
import WaymarkDomain

/// The rules every operation of the API shares, written into the OpenAPI document in one place
/// so the document and the server cannot drift apart on them (issue 16, finding 9):
/// - a date is a day from 1900 to 2199 (`Day(entered:)`), so every `format: date` carries that
///   range as a pattern;
/// - a query value is given once and is never empty (`APIQueryRules`), so every query
///   parameter says so;
/// - any operation with a query parameter or a body may answer 400 naming the problem, and one
///   with a body 415 when it is not JSON; one that reads as of a day or as recorded on one, 422
///   when given both; one whose body carries free text (`personal_data_checked`), 422 when the
///   text looks like personal data.
enum OpenAPIRules {
    static let datePattern = "^(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"

    static func apply(_ document: [String: Any]) -> [String: Any] {
        var document = withDateRange(document) as? [String: Any] ?? document
        guard var paths = document["paths"] as? [String: Any] else { return document }
        for (path, item) in paths {
            guard var operations = item as? [String: Any] else { continue }
            for (method, value) in operations {
                guard var operation = value as? [String: Any], var responses = operation["responses"] as? [String: Any] else { continue }
                var parameters = operation["parameters"] as? [[String: Any]] ?? []
                parameters = parameters.map { parameter in
                    guard parameter["in"] as? String == "query", var schema = parameter["schema"] as? [String: Any] else { return parameter }
                    if schema["type"] as? String == "string", schema["minLength"] == nil { schema["minLength"] = 1 }
                    var copy = parameter
                    copy["schema"] = schema
                    copy["allowEmptyValue"] = false
                    return copy
                }
                if !parameters.isEmpty { operation["parameters"] = parameters }
                let hasQuery = parameters.contains { $0["in"] as? String == "query" }
                let hasBody = operation["requestBody"] != nil
                if (hasQuery || hasBody), responses["400"] == nil {
                    responses["400"] = OpenAPIDocument.errorResponse("A query value or the body is malformed; the message names it")
                }
                let names = Set(parameters.compactMap { $0["name"] as? String })
                if names.isSuperset(of: ["as_of", "as_recorded"]), responses["422"] == nil {
                    responses["422"] = OpenAPIDocument.errorResponse("as_of and as_recorded were both given: they are two readings, give one")
                }
                if takesFreeText(operation, in: document), responses["422"] == nil {
                    responses["422"] = OpenAPIDocument.errorResponse("Free text looks like personal data: the message names the field and what was found")
                }
                if hasBody, responses["415"] == nil {
                    responses["415"] = OpenAPIDocument.errorResponse("The body is not JSON (Content-Type: application/json)")
                }
                operation["responses"] = responses
                operations[method] = operation
            }
            paths[path] = operations
        }
        document["paths"] = paths
        return document
    }

    /// The body declares `personal_data_checked`: it carries free text `PersonalDataCheck` reads.
    private static func takesFreeText(_ operation: [String: Any], in document: [String: Any]) -> Bool {
        let content = (operation["requestBody"] as? [String: Any])?["content"] as? [String: Any]
        guard var schema = (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any] else { return false }
        if let ref = schema["$ref"] as? String {
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any]
            schema = schemas?[String(ref.split(separator: "/").last ?? "")] as? [String: Any] ?? [:]
        }
        return (schema["properties"] as? [String: Any])?[PersonalDataCheck.confirmationField] != nil
    }

    /// Every `format: date` schema, wherever it is, with the range Waymark accepts.
    private static func withDateRange(_ value: Any) -> Any {
        if var object = value as? [String: Any] {
            for (key, inner) in object { object[key] = withDateRange(inner) }
            if object["format"] as? String == "date", object["pattern"] == nil { object["pattern"] = datePattern }
            return object
        }
        if let array = value as? [Any] { return array.map(withDateRange) }
        return value
    }

    /// For each operation whose JSON body the document closes (`additionalProperties: false`),
    /// the members it declares, by "METHOD /path/{param}": read from the document itself, so
    /// the server's check and the document cannot disagree.
    static let closedBodies: [String: Set<String>] = {
        let document = OpenAPIDocument.document
        let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
        func resolved(_ schema: [String: Any]) -> [String: Any] {
            guard let ref = schema["$ref"] as? String, let name = ref.split(separator: "/").last else { return schema }
            return schemas[String(name)] as? [String: Any] ?? schema
        }
        var closed: [String: Set<String>] = [:]
        for (path, item) in document["paths"] as? [String: Any] ?? [:] {
            for (method, value) in item as? [String: Any] ?? [:] {
                guard let operation = value as? [String: Any],
                      let body = operation["requestBody"] as? [String: Any],
                      let content = body["content"] as? [String: Any],
                      let json = content["application/json"] as? [String: Any],
                      let raw = json["schema"] as? [String: Any] else { continue }
                let schema = resolved(raw)
                guard schema["additionalProperties"] as? Bool == false, let properties = schema["properties"] as? [String: Any] else { continue }
                closed[method.uppercased() + " " + path] = Set(properties.keys)
            }
        }
        return closed
    }()
}
