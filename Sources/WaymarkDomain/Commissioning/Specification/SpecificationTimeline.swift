import Foundation

/// When a specification reached each status, and so the status it had at any moment (DESIGN.md,
/// "Time: as of"). Statuses only move forward and each is reached at most once, so one instant
/// each is the whole history. A published specification is closed for bidding from its deadline
/// whether or not anyone recorded the close; a step nobody recorded reads as not taken.
public struct SpecificationTimeline: Hashable, Sendable {
    public var created: Date
    public var published: Date?
    public var closesAt: Date
    public var closed: Date?
    public var evaluationBegan: Date?
    public var awarded: Date?
    public var cancelled: Date?

    public init(created: Date, published: Date? = nil, closesAt: Date, closed: Date? = nil, evaluationBegan: Date? = nil,
                awarded: Date? = nil, cancelled: Date? = nil) {
        self.created = created
        self.published = published
        self.closesAt = closesAt
        self.closed = closed
        self.evaluationBegan = evaluationBegan
        self.awarded = awarded
        self.cancelled = cancelled
    }

    /// The status at `moment`; nil before the specification was written.
    public func status(at moment: Date) -> SpecificationStatus? {
        func reached(_ instant: Date?) -> Bool { instant.map { $0 <= moment } ?? false }
        guard created <= moment else { return nil }
        if reached(cancelled) { return .cancelled }
        if reached(awarded) { return .awarded }
        if reached(evaluationBegan) { return .inEvaluation }
        if reached(closed) { return .closed }
        guard reached(published) else { return .draft }
        return BidWindow(closesAt: closesAt).hasClosed(at: moment) ? .closed : .published
    }
}
