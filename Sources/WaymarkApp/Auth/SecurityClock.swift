import Foundation

/// The one deliberate exception to the application clock (`AppClock`): sessions, sign-in
/// lock-outs and API token use run on the machine's real time. Moving "today" for a test, the
/// demo or a look at the past must never sign anyone out, keep a session alive past its limit,
/// or lift a lock-out early.
enum SecurityClock {
    static func now() -> Date { Date() }
}
