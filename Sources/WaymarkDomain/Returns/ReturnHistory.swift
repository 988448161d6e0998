import Foundation

/// A return's submissions and review steps, each on the moment it happened: what "as of a
/// day" reads a return's state from (DESIGN.md, "Time: as of"). A submission or a review takes
/// effect when it is made and Waymark is told at once (a bulk import keeps the moment each
/// was made), so its effective day is the London day of that moment.
public struct ReturnHistory: Hashable, Sendable {
    public struct Submission: Hashable, Sendable {
        public let number: Int
        public let at: Date
        public init(number: Int, at: Date) { self.number = number; self.at = at }
    }

    public struct Review: Hashable, Sendable {
        public let version: Int
        public let step: ReturnReview.Step
        public let at: Date
        public init(version: Int, step: ReturnReview.Step, at: Date) { self.version = version; self.step = step; self.at = at }
    }

    public var submissions: [Submission]
    public var reviews: [Review]

    public init(submissions: [Submission], reviews: [Review]) {
        self.submissions = submissions
        self.reviews = reviews
    }

    /// The history as `reading` shows it: the submissions and reviews made by its day.
    public func read(in reading: Reading) -> ReturnHistory {
        ReturnHistory(submissions: submissions.filter { reading.includes(effective: Self.day($0.at), recorded: $0.at) },
                      reviews: reviews.filter { reading.includes(effective: Self.day($0.at), recorded: $0.at) })
    }

    /// Where the return stood after its last step: submitted after a submission, the review's
    /// outcome after a review; nil before its first submission (a draft, or not started).
    public var status: ReturnStatus? {
        let changes = submissions.map { DatedChange(effective: Self.day($0.at), recorded: $0.at, value: ReturnStatus.submitted) }
            + reviews.map { DatedChange(effective: Self.day($0.at), recorded: $0.at, value: $0.step.resulting) }
        // Every change is included: the history has been read already.
        return Reading.asOf(.latest).state(of: changes)
    }

    /// The number of the latest submission; 0 before the first.
    public var latestVersion: Int { submissions.map(\.number).max() ?? 0 }

    /// When it was first submitted.
    public var firstSubmitted: Date? { submissions.map(\.at).min() }

    private static func day(_ instant: Date) -> Day { Day(instant, in: LondonWallTime.timeZone) }
}
