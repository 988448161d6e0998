import Foundation

/// A date and time on a clock in London — how people write a deadline ("12:00 on 29 March 2024").
///
/// Deadlines are entered and shown in UK time but compared as UTC instants (DESIGN.md:
/// instants are UTC, shown in Europe/London). The conversion uses the Europe/London rules from
/// the time-zone database, never the server's own zone, so a server in UTC and a laptop in
/// London agree on when bids close.
///
/// Twice a year the London clock does something a wall time cannot describe on its own:
/// - **Spring forward** (last Sunday of March): 01:00 GMT jumps to 02:00 BST, so 01:00–01:59
///   never happens. A wall time in that gap is moved *forward to the first instant that does
///   exist*, 02:00 BST (01:00 UTC): a deadline can move later, never earlier, so no bidder
///   loses time they were promised.
/// - **Fall back** (last Sunday of October): 02:00 BST goes back to 01:00 GMT, so 01:00–01:59
///   happens twice. The *earlier* occurrence (BST) is taken: the first moment the clock shows
///   the deadline is when it has been reached.
/// The page that takes a closing time should still steer people away from 01:00–02:00 on
/// those Sundays; these rules only make sure the answer is defined.
public struct LondonWallTime: Hashable, Comparable, Sendable {
    public let day: Day
    /// 0...23.
    public let hour: Int
    /// 0...59.
    public let minute: Int

    /// Nil unless `hour` is 0...23 and `minute` 0...59.
    public init?(day: Day, hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.day = day
        self.hour = hour
        self.minute = minute
    }

    /// A typed 24-hour time, "12:00" or "9:30"; nil for anything else ("12", "12:5", "24:00", "noon").
    public init?(day: Day, clock text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]) else { return nil }
        self.init(day: day, hour: hour, minute: minute)
    }

    /// The wall time in London at `instant`, to the minute (seconds are dropped).
    public init(_ instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let local = seconds + LondonWallTime.timeZone.secondsFromGMT(for: instant)
        let dayNumber = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - dayNumber * 86_400
        self.day = Day(daysSinceEpoch: dayNumber) ?? (dayNumber < 0 ? .earliest : .latest)
        self.hour = secondOfDay / 3_600
        self.minute = secondOfDay % 3_600 / 60
    }

    /// Europe/London from the time-zone database. Its absence is an installation fault (the
    /// tzdata package is missing), and guessing an offset would move every deadline silently.
    public static let timeZone: TimeZone = {
        guard let zone = TimeZone(identifier: "Europe/London") else {
            preconditionFailure("The Europe/London time zone is not installed (tzdata); deadlines cannot be worked out")
        }
        return zone
    }()

    /// "12:00".
    public var clock: String { Day.pad(hour, to: 2) + ":" + Day.pad(minute, to: 2) }

    /// "12:00 on 29 Mar 2024".
    public var display: String { "\(clock) on \(day.display)" }

    /// "12:00 on 29 March 2024".
    public var longDisplay: String { "\(clock) on \(day.longDisplay)" }

    /// The instant this wall time names, following the clock-change rules above.
    public var instant: Date {
        let zone = LondonWallTime.timeZone
        // The wall time read as if it were UTC; the real instant is this minus London's offset.
        let local = Double(day.daysSinceEpoch) * 86_400 + Double(hour * 3_600 + minute * 60)
        func offset(_ seconds: Double) -> Double {
            Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds)))
        }
        // London changes its clocks months apart, so the offsets a day either side are every
        // offset this wall time could be read with.
        let offsets = Set([offset(local - 86_400), offset(local + 86_400)])
        let candidates = offsets.map { local - $0 }
        let valid = candidates.filter { local - offset($0) == $0 }
        if let earliest = valid.min() { return Date(timeIntervalSince1970: earliest) }

        // In the spring gap: no candidate reads back as this wall time. The clock change lies
        // between the two candidates; find its first second, which shows the first valid time.
        guard var before = candidates.min(), var after = candidates.max(), before < after else {
            return Date(timeIntervalSince1970: local - offset(local))
        }
        let newOffset = offset(after)
        while after - before > 1 {
            let middle = ((before + after) / 2).rounded(.down)
            if offset(middle) == newOffset { after = middle } else { before = middle }
        }
        return Date(timeIntervalSince1970: after)
    }

    public static func < (lhs: LondonWallTime, rhs: LondonWallTime) -> Bool {
        (lhs.day, lhs.hour, lhs.minute) < (rhs.day, rhs.hour, rhs.minute)
    }
}

/// Encoded as `{"day": "2024-03-29", "time": "12:00"}`, what was typed; decoding refuses an
/// impossible time.
extension LondonWallTime: Codable {
    private enum CodingKeys: String, CodingKey { case day, time }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let day = try container.decode(Day.self, forKey: .day)
        let text = try container.decode(String.self, forKey: .time)
        guard let value = LondonWallTime(day: day, clock: text) else {
            throw DecodingError.dataCorruptedError(forKey: .time, in: container, debugDescription: "\"\(text)\" is not a time like 12:00")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(day, forKey: .day)
        try container.encode(clock, forKey: .time)
    }
}

extension LondonWallTime: CustomStringConvertible {
    public var description: String { "\(day.iso) \(clock) Europe/London" }
}

extension Date {
    /// "12:00 on 29 Mar 2024": an instant as a London clock shows it, for messages.
    public var londonDisplay: String { LondonWallTime(self).display }
}
