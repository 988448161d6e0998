import Foundation

/// An audit entry's before and after as a person reads them: one line per field that was
/// added, removed or changed, in the order the record names them, values as text. A record
/// written whole (created) lists its fields; nested values are shown as compact JSON.
enum AuditChange {
    struct Field: Encodable, Sendable, Equatable {
        let name: String
        let before: String?
        let after: String?
    }

    static func fields(before: String?, after: String?) -> [Field] {
        let old = object(before), new = object(after)
        guard old != nil || new != nil else {
            // Not an object: shown as it is, whole.
            return before == nil && after == nil ? [] : [Field(name: "value", before: before, after: after)]
        }
        var names: [String] = []
        for key in (old?.keys.sorted() ?? []) + (new?.keys.sorted() ?? []) where !names.contains(key) { names.append(key) }
        return names.compactMap { name in
            let was = old?[name].map(text), now = new?[name].map(text)
            guard was != now else { return nil }
            return Field(name: readable(name), before: was, after: now)
        }
    }

    private static func object(_ json: String?) -> [String: JSONValue]? {
        guard let json, case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8)) else { return nil }
        return fields
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return "—"
        case .bool(let yes): return yes ? "yes" : "no"
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .string(let string): return string.isEmpty ? "(empty)" : string
        case .array, .object:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    /// Any JSON value, kept as its kind so a flag reads "yes" and a count stays a whole number.
    enum JSONValue: Codable, Equatable {
        case null, bool(Bool), integer(Int64), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { self = .null }
            else if let value = try? container.decode(Bool.self) { self = .bool(value) }
            else if let value = try? container.decode(Int64.self) { self = .integer(value) }
            else if let value = try? container.decode(Double.self) { self = .number(value) }
            else if let value = try? container.decode(String.self) { self = .string(value) }
            else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
            else { self = .object(try container.decode([String: JSONValue].self)) }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let value): try container.encode(value)
            case .integer(let value): try container.encode(value)
            case .number(let value): try container.encode(value)
            case .string(let value): try container.encode(value)
            case .array(let value): try container.encode(value)
            case .object(let value): try container.encode(value)
            }
        }
    }

    /// "fundingSourceID" and "funding_source_id" both read "funding source id".
    static func readable(_ key: String) -> String {
        var words = "", previousLower = false
        for character in key {
            if character == "_" { words += " "; previousLower = false; continue }
            if character.isUppercase, previousLower { words += " " }
            words += String(character).lowercased()
            previousLower = character.isLowercase || character.isNumber
        }
        return words
    }
}
