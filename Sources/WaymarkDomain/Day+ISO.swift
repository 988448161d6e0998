import Foundation

/// The ISO 8601 calendar-date form `2024-03-31` is how a day is stored (database text
/// columns, JSON, CSV), so parsing is strict: exactly ten characters, zero-padded, and a
/// date that exists. Lenient parsing here would let "2023-2-29" slip into a grant period.
extension Day {
    /// Parses `YYYY-MM-DD`; nil for anything malformed or impossible (2023-02-29, 2024-13-01).
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Day.decimal(bytes[0..<4]),
              let month = Day.decimal(bytes[5..<7]),
              let day = Day.decimal(bytes[8..<10]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `2024-03-31`.
    public var iso: String {
        let (year, month, day) = components
        return Day.pad(year, to: 4) + "-" + Day.pad(month, to: 2) + "-" + Day.pad(day, to: 2)
    }

    /// The day it is at `instant` on the wall clock of `timeZone` — how "today" and
    /// "as of" are derived from a timestamp (Waymark uses Europe/London).
    public init(_ instant: Date, in timeZone: TimeZone) {
        let local = instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))
        let number = Int((local / 86_400).rounded(.down))
        self = Day(daysSinceEpoch: number) ?? (number < 0 ? .earliest : .latest)
    }

    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

extension Day: CustomStringConvertible, LosslessStringConvertible {
    public var description: String { iso }

    public init?(_ description: String) {
        self.init(iso: description)
    }
}

/// Encoded as its ISO text, matching the storage rule, so JSON shows `"2024-03-31"`.
extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a date in the form YYYY-MM-DD")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

extension Day {
    /// The days Waymark accepts from people — forms, query strings, files, the shell: the
    /// years 1900 to 2199. `Day` itself spans years 1 to 9999 and its arithmetic stops the
    /// process outside them, so "as of 9999-12-31 plus 180 days" must never be reachable
    /// from a typed date; two centuries each side of today is room for any real grant.
    public static let acceptedRange = DayRange(start: Day(1900, 1, 1), end: Day(2199, 12, 31))!

    /// An ISO date someone entered, or nil when it is malformed or outside `acceptedRange`.
    public init?(entered text: some StringProtocol) {
        guard let day = Day(iso: text), Day.acceptedRange.contains(day) else { return nil }
        self = day
    }
}
