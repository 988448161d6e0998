import Foundation

/// When background work runs: the daily run's time on London's clock, and how long a failed
/// job or email waits before it is tried again.
public enum JobTiming {
    /// The wait after the `attempt`-th failure (1-based): `base`, then doubling, never over
    /// `cap`, so a mail server that is down for an hour is not hammered, and one back in a
    /// minute is not waited on for a day.
    public static func backoff(afterAttempt attempt: Int, base: TimeInterval = 60, cap: TimeInterval = 3_600) -> TimeInterval {
        guard attempt > 0 else { return 0 }
        let doublings = min(attempt - 1, 30)
        return min(base * pow(2, Double(doublings)), cap)
    }
}

/// A time of day on London's clock at which something happens once a day, 07:00 by default.
public struct DailyTime: Hashable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public static let alertsDefault = DailyTime(hour: 7, minute: 0)!

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// "07:00" or "7:00"; nil for anything else.
    public init?(clock text: String) {
        guard let wall = LondonWallTime(day: Day(2000, 1, 1), clock: text) else { return nil }
        self.init(hour: wall.hour, minute: wall.minute)
    }

    public var description: String { Day.pad(hour, to: 2) + ":" + Day.pad(minute, to: 2) }

    /// The London day whose run is due at `instant`: today's once its time has come, nil
    /// before then. A day the service was down for is not made up: the next day's run
    /// reads the state as it then is, so nothing it would have said is lost.
    public func dueDay(at instant: Date) -> Day? {
        let wall = LondonWallTime(instant)
        return (wall.hour, wall.minute) >= (hour, minute) ? wall.day : nil
    }
}
