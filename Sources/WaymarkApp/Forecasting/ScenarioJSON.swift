import Foundation
import WaymarkSimulation

/// The scenario file format (docs/scenario-format.md) read and written in one place, for
/// the shell, the API and the saved scenarios: a file the decoder refuses gives one
/// message naming the key, never a decoder's dump.
enum ScenarioJSON {
    struct Invalid: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func decode(_ data: Data) throws -> Scenario {
        do {
            return try JSONDecoder().decode(Scenario.self, from: data)
        } catch let DecodingError.dataCorrupted(context), let DecodingError.typeMismatch(_, context),
                let DecodingError.valueNotFound(_, context) {
            let at = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw Invalid(message: "\(at.isEmpty ? "" : at + ": ")\(context.debugDescription)")
        } catch DecodingError.keyNotFound(let key, let context) {
            throw Invalid(message: "\((context.codingPath + [key]).map(\.stringValue).joined(separator: ".")) is missing")
        }
    }

    /// Pretty and with sorted keys, so the same scenario is always the same text (the
    /// saved results compare definitions as text).
    static func encode(_ scenario: Scenario) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(scenario), as: UTF8.self)
    }
}
