import Foundation

/// How a page reads Waymark's dated facts (DESIGN.md, "Time: as of"). Every dated fact has
/// two times: the day it took effect in the world (its effective day: a source confirmed on
/// a day, an allocation agreed on a day, a contract signed on a day) and the moment Waymark
/// was told (recorded at).
///
/// - `asOf(D)`, the default everywhere: the world on D as Waymark knows it now. Only facts
///   effective on or before D count, each in the state it was in on D, however late they were
///   typed in. History imported today reads correctly on past days.
/// - `asRecorded(D)`, for audit: what Waymark had been told by the end of D (London time).
///   A fact counts once it was recorded by then and had taken effect by then; something
///   back-dated later is left out, just as nobody could have seen it on D.
///
/// This is the one place the rule is written; pages, CSVs, charts and the API ask it.
public enum Reading: Hashable, Sendable {
    case asOf(Day)
    case asRecorded(Day)

    public var day: Day {
        switch self {
        case .asOf(let day), .asRecorded(let day): day
        }
    }

    public var isAsRecorded: Bool { if case .asRecorded = self { true } else { false } }

    /// The instant the reading looks at, for facts dated to the moment (a specification
    /// published, a bid submitted, an alert raised): `now` while its day is today or later,
    /// otherwise the end of its day in London.
    public func moment(now: Date) -> Date {
        guard day < Day(now, in: LondonWallTime.timeZone) else { return now }
        return LondonWallTime(day: day.next, hour: 0, minute: 0)?.instant ?? now
    }

    /// Whether the reading is of the present: today as known now (forms and decisions are
    /// offered only there).
    public func isPresent(now: Date) -> Bool {
        !isAsRecorded && day == Day(now, in: LondonWallTime.timeZone)
    }

    /// Whether a fact effective on `effective` and recorded at `recorded` is part of the world
    /// this reading shows.
    public func includes(effective: Day, recorded: Date) -> Bool {
        switch self {
        case .asOf(let day): effective <= day
        case .asRecorded(let day): effective <= day && Day(recorded, in: LondonWallTime.timeZone) <= day
        }
    }

    /// The state a thing was in on the day: the value of the last of its `changes` this reading
    /// includes, by effective day, then by when it was recorded (a correction recorded later for
    /// the same day wins). Nil when none is included: the thing did not exist yet.
    public func state<Value>(of changes: [DatedChange<Value>]) -> Value? {
        var latest: DatedChange<Value>?
        for change in changes where includes(effective: change.effective, recorded: change.recorded) {
            guard let known = latest else { latest = change; continue }
            if (change.effective, change.recorded) >= (known.effective, known.recorded) { latest = change }
        }
        return latest?.value
    }
}

/// One change of something's state, with its two times.
public struct DatedChange<Value> {
    public let effective: Day
    public let recorded: Date
    public let value: Value

    public init(effective: Day, recorded: Date, value: Value) {
        self.effective = effective
        self.recorded = recorded
        self.value = value
    }
}

extension DatedChange: Sendable where Value: Sendable {}

/// Days people enter as when something took effect: today by default, the past allowed, the
/// future refused (a payment is never paid tomorrow; a status is not confirmed ahead of time).
public enum EffectiveDay {
    public enum Problem: Error, Hashable, Sendable {
        case unreadable(String)
        case inTheFuture(Day)

        /// What to tell the person, after the field's name ("Confirmed on: …").
        public var message: String {
            switch self {
            case .unreadable(let text): "'\(text)' is not a date: write it as 2024-09-02"
            case .inTheFuture(let day): "\(day.display) is in the future: give the day it happened, today at the latest"
            }
        }
    }

    /// The typed day, or `today` when blank; a problem for a day that cannot be read or lies
    /// after today.
    public static func parse(_ text: String, today: Day) -> Result<Day, Problem> {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return .success(today) }
        guard let day = Day(entered: trimmed) else { return .failure(.unreadable(trimmed)) }
        return day > today ? .failure(.inTheFuture(day)) : .success(day)
    }
}
