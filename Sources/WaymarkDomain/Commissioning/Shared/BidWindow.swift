import Foundation

/// When bids may be submitted, changed or withdrawn: until the closing instant, not at it.
///
/// One rule, used everywhere (pages, the API, the seal): the window is open while
/// `now < closesAt`. At the deadline's exact second the window is already shut, so
/// "closes at 12:00" means a bid stamped 11:59:59 is in and one stamped 12:00:00 is out.
public struct BidWindow: Hashable, Sendable {
    public let closesAt: Date

    public init(closesAt: Date) {
        self.closesAt = closesAt
    }

    /// The window of a deadline entered on a London clock.
    public init(closing: LondonWallTime) {
        self.closesAt = closing.instant
    }

    /// Bids may be submitted, resubmitted or withdrawn.
    public func isOpen(at now: Date) -> Bool { now < closesAt }

    /// The deadline has passed: bids are fixed, and may be read by the evaluation.
    public func hasClosed(at now: Date) -> Bool { !isOpen(at: now) }

    /// "12:00 on 29 Mar 2024".
    public var closingDisplay: String { closesAt.londonDisplay }
}
