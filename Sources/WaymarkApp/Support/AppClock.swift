import Foundation
import NIOConcurrencyHelpers
import Vapor

/// The application's idea of "now". Deadlines are judged on it, so tests can stand a second
/// either side of a closing time — across a clock change — without waiting for the calendar.
/// Runs of the real server never set it and read the system clock.
final class AppClock: @unchecked Sendable {
    private let lock = NIOLock()
    private var fixed: Date?

    func now() -> Date { lock.withLock { fixed ?? Date() } }

    /// Stops the clock at `date`; nil starts it again.
    func set(_ date: Date?) { lock.withLock { fixed = date } }
}

extension Application {
    private struct AppClockKey: StorageKey { typealias Value = AppClock }

    func installClock() { storage[AppClockKey.self] = AppClock() }

    var clock: AppClock {
        guard let clock = storage[AppClockKey.self] else { preconditionFailure("installClock() runs in configure") }
        return clock
    }
}

extension Request {
    /// Now, as the application's clock tells it.
    var now: Date { application.clock.now() }
}
