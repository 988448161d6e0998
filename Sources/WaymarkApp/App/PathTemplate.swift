import Foundation
import Vapor

/// A URL pattern defined once: routes register its components and pages build links
/// with `path(...)`, so a URL cannot be spelled two ways.
struct PathTemplate: Sendable, Equatable {
    let pattern: String

    init(_ pattern: String) { self.pattern = pattern }

    var components: [PathComponent] { pattern.pathComponents }

    /// Whether the page shows the world as of a day, so links to it carry the day being looked at.
    var readsAsOf: Bool { SiteMap.asOfPatterns.contains(pattern) }

    /// Fills the `:parameters` in order, then adds `query`. A link to a page that reads "as of",
    /// built while answering a page asked about a day, carries `as_of` (`AsOfCarry`) unless
    /// `query` names its own.
    func path(_ values: String..., query: [(name: String, value: String)]) -> String {
        link(fill(values), query: query)
    }

    /// Fills the `:parameters` in order, carrying the day being looked at as `path(_:query:)` does.
    func path(_ values: String...) -> String { link(fill(values), query: []) }

    private func link(_ base: String, query: [(name: String, value: String)]) -> String {
        var items = query
        if readsAsOf, let day = AsOfCarry.carriedDay, !items.contains(where: { $0.name == "as_of" }) {
            items.append(("as_of", day.iso))
        }
        guard !items.isEmpty else { return base }
        var components = URLComponents()
        components.queryItems = items.map { URLQueryItem(name: $0.name, value: $0.value) }
        return base + "?" + (components.percentEncodedQuery ?? "")
    }

    /// The path alone, never carrying a day: for comparing with the address asked for.
    func bare(_ values: String...) -> String { fill(values) }

    /// What a value may hold unencoded in one path segment. Made once: every page builds a few
    /// dozen links (the menu alone is seventeen), and a character set is costly to make.
    private static let segmentAllowed = CharacterSet.urlPathAllowed.subtracting(["/"])

    /// Values are percent-encoded as path segments.
    private func fill(_ values: [String]) -> String {
        var remaining = values[...]
        let segments = pattern.split(separator: "/").map { segment -> String in
            guard segment.hasPrefix(":") else { return String(segment) }
            guard let value = remaining.popFirst() else {
                preconditionFailure("\(pattern) needs a value for \(segment)")
            }
            // Codes, slugs and ids, nearly every value, need no encoding at all.
            if value.utf8.allSatisfy({ $0 < 0x80 && ($0 == 0x2D || $0 == 0x5F || $0 == 0x2E || (0x30...0x39).contains($0)
                                                      || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0)) }) {
                return value
            }
            return value.addingPercentEncoding(withAllowedCharacters: Self.segmentAllowed) ?? value
        }
        precondition(remaining.isEmpty, "\(pattern) was given too many values")
        return "/" + segments.joined(separator: "/")
    }
}
