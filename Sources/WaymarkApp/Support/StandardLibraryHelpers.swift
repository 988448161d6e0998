import Foundation

extension String {
    /// Without leading and trailing spaces and newlines: how every form field is read.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension Optional {
    /// `flatMap` for an async transform (looking a typed id up in the database, say).
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension Array {
    /// Slices of at most `size` elements, for batched inserts that stay under the
    /// databases' limits on bound parameters.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension Sequence {
    /// Sorted by a key worked out once for each element, not twice for each comparison: a
    /// UUID's text, say, which is formatted anew every time it is asked for.
    func sorted<Key: Comparable>(onKey key: (Element) -> Key) -> [Element] {
        map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
