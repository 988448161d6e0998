/// A month of a year — the unit providers' monthly returns are made and approved in.
///
/// A payment line becomes payable when every month it covers has an approved return, so the
/// month needs an identity of its own: the 1st of the month as a `Day` would do, but a value
/// that cannot hold the 2nd is one mistake fewer.
public struct CalendarMonth: Hashable, Comparable, Sendable {
    public let year: Int
    /// 1...12.
    public let month: Int

    /// Nil for a month outside 1...12 or a year outside 1...9999.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// The month a day falls in.
    public init(containing day: Day) {
        let (year, month, _) = day.components
        self.year = year
        self.month = month
    }

    /// First to last day of the month.
    public var range: DayRange { Day(year, month, 1).monthRange }

    /// The month after (December → January of the next year).
    public var next: CalendarMonth { CalendarMonth(containing: range.end.next) }

    /// "Mar 2024", matching `Day.display`.
    public var display: String { "\(Day.monthAbbreviations[month - 1]) \(year)" }

    /// "March 2024".
    public var longDisplay: String { "\(Day.monthName(month)) \(year)" }

    /// Every month with at least one day in `range`, in order.
    public static func months(in range: DayRange) -> [CalendarMonth] {
        var months: [CalendarMonth] = []
        var month = CalendarMonth(containing: range.start)
        let last = CalendarMonth(containing: range.end)
        while month <= last {
            months.append(month)
            month = month.next
        }
        return months
    }

    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

extension CalendarMonth: CustomStringConvertible {
    /// "2024-03", for logs and test failures.
    public var description: String { Day.pad(year, to: 4) + "-" + Day.pad(month, to: 2) }
}

extension CalendarMonth {
    /// "2024-03"; nil for anything else, or a month that does not exist.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        self.init(year: year, month: month)
    }
}

/// Encoded as "2024-03"; decoding refuses a month that does not exist.
extension CalendarMonth: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = CalendarMonth(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a month like 2024-03")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
