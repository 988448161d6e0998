/// A closed run of days, `start...end`, both included.
///
/// Closed because every period Waymark deals with is written that way by people: a term
/// "5 Sep – 16 Dec", a grant "1 Apr 2022 – 31 Mar 2023". A range always holds at least one
/// day: an end before the start is refused at construction, so code that receives a
/// `DayRange` never has to ask whether it is backwards.
public struct DayRange: Hashable, Sendable {
    public let start: Day
    public let end: Day

    /// Nil when `end` is before `start`.
    public init?(start: Day, end: Day) {
        guard start <= end else { return nil }
        self.start = start
        self.end = end
    }

    /// A one-day range.
    public init(single day: Day) {
        self.start = day
        self.end = day
    }

    /// For callers that have already established `start <= end`.
    init(uncheckedStart start: Day, end: Day) {
        precondition(start <= end, "DayRange \(start)...\(end) ends before it starts")
        self.start = start
        self.end = end
    }

    /// Number of days, counting both ends (a one-day range has 1).
    public var dayCount: Int { end.days(from: start) + 1 }

    public func contains(_ day: Day) -> Bool {
        start <= day && day <= end
    }

    /// Whether every day of `other` is in this range.
    public func contains(_ other: DayRange) -> Bool {
        start <= other.start && other.end <= end
    }

    /// Whether the two ranges share at least one day (touching ends count: they share that day).
    public func overlaps(_ other: DayRange) -> Bool {
        start <= other.end && other.start <= end
    }

    /// The days common to both, or nil when they share none.
    public func clamped(to limits: DayRange) -> DayRange? {
        DayRange(start: Swift.max(start, limits.start), end: Swift.min(end, limits.end))
    }

    /// The first day after this range — handy for "what comes next" and adjacency checks.
    public var dayAfter: Day { end.next }

    /// "5 Sep 2022 to 16 Dec 2022", for messages and reasons.
    public var display: String { "\(start.display) to \(end.display)" }
}

/// A collection of its days, so `for day in range`, `range.count`, `range.first`, `map` work
/// without allocating an array; indexing is O(1) arithmetic.
extension DayRange: RandomAccessCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { dayCount }

    public subscript(position: Int) -> Day {
        precondition(position >= 0 && position < dayCount, "index \(position) outside \(self)")
        return start.adding(days: position)
    }
}

extension DayRange: CustomStringConvertible {
    /// ISO form `2022-09-05...2022-12-16`, for logs and test failures.
    public var description: String { "\(start.iso)...\(end.iso)" }
}

/// Encoded as `{"start": "2022-09-05", "end": "2022-12-16"}`; decoding refuses a backwards range.
extension DayRange: Codable {
    private enum CodingKeys: String, CodingKey { case start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Day.self, forKey: .start)
        let end = try container.decode(Day.self, forKey: .end)
        guard let range = DayRange(start: start, end: end) else {
            throw DecodingError.dataCorruptedError(
                forKey: .end, in: container, debugDescription: "end \(end) is before start \(start)")
        }
        self = range
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}
