import Foundation
import Vapor

/// A URL pattern defined once: routes register its components and pages build links
/// with `path(...)`, so a URL cannot be spelled two ways.
struct PathTemplate: Sendable {
    let pattern: String

    init(_ pattern: String) { self.pattern = pattern }

    var components: [PathComponent] { pattern.pathComponents }

    /// Fills the `:parameters` in order. Values are percent-encoded as path segments.
    func path(_ values: String...) -> String {
        var remaining = values[...]
        let segments = pattern.split(separator: "/").map { segment -> String in
            guard segment.hasPrefix(":") else { return String(segment) }
            guard let value = remaining.popFirst() else {
                preconditionFailure("\(pattern) needs a value for \(segment)")
            }
            return value.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? value
        }
        precondition(remaining.isEmpty, "\(pattern) was given too many values")
        return "/" + segments.joined(separator: "/")
    }
}
