/// How safe an active route's funding is as of a date (DESIGN.md, "Status"). The cases are
/// in order of urgency, worst first, so sorting by status puts the routes to act on at the top.
public enum RouteStatus: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    /// The next school day is not fully covered, even counting pledged money.
    case unfunded
    /// Projected funding (confirmed + pledged) ends within the first window.
    case atRisk
    /// Secured funding (confirmed) ends within the second window — including a route kept
    /// going only by pledges.
    case watch
    case secure

    public var displayName: String {
        switch self {
        case .unfunded: "Unfunded"
        case .atRisk: "At risk"
        case .watch: "Watch"
        case .secure: "Secure"
        }
    }

    private var urgency: Int { RouteStatus.allCases.firstIndex(of: self)! }

    public static func < (lhs: RouteStatus, rhs: RouteStatus) -> Bool { lhs.urgency < rhs.urgency }
}

/// The tenant's look-ahead windows in calendar days (DESIGN.md defaults: 90 and 180).
public struct StatusWindows: Hashable, Sendable, Codable {
    /// `atRisk` when projected funding ends within this many days.
    public var atRiskDays: Int
    /// `watch` when secured funding ends within this many days.
    public var watchDays: Int

    public init(atRiskDays: Int = 90, watchDays: Int = 180) {
        self.atRiskDays = atRiskDays
        self.watchDays = watchDays
    }

    public static let standard = StatusWindows()
}

/// A route's status as of a date, with the reasons for it as values (for the app to show,
/// filter or translate) and as sentences.
public struct RouteStatusReport: Hashable, Sendable {
    public let status: RouteStatus
    public let reasons: [StatusReason]
    public let asOf: Day
    /// The first school day on or after the as-of date, if the schedule has one.
    public let nextSchoolDay: Day?
    public let securedFundedUntil: Day?
    public let projectedFundedUntil: Day?

    /// The reasons as sentences, in order of importance.
    public var text: [String] { reasons.map(\.text) }
}
