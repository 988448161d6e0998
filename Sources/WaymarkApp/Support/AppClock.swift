import Foundation
import NIOConcurrencyHelpers
import Vapor
import WaymarkDomain

/// The application's idea of "now". Deadlines are judged on it, so tests can stand a second
/// either side of a closing time — across a clock change — without waiting for the calendar.
/// Runs of the real server never set it and read the system clock.
///
/// There is one clock for the process: code with no request, tenant context or application at
/// hand (the audit log, the imports' plans, default arguments) reads `AppClock.shared`, so
/// setting the application's clock sets every "now" at once.
final class AppClock: @unchecked Sendable {
    static let shared = AppClock()

    private let lock = NIOLock()
    private var fixed: Date?

    func now() -> Date { lock.withLock { fixed ?? Date() } }

    /// Today in London by this clock.
    var today: Day { Day(now(), in: London.timeZone) }

    /// Stops the clock at `date`; nil starts it again.
    func set(_ date: Date?) { lock.withLock { fixed = date } }
}

extension Application {
    private struct AppClockKey: StorageKey { typealias Value = AppClock }

    /// Each application starts on the system's time (a stopped clock never outlives its app).
    func installClock() {
        AppClock.shared.set(nil)
        storage[AppClockKey.self] = AppClock.shared
    }

    var clock: AppClock {
        guard let clock = storage[AppClockKey.self] else { preconditionFailure("installClock() runs in configure") }
        return clock
    }
}

extension Request {
    /// Now, as the application's clock tells it.
    var now: Date { application.clock.now() }
}
