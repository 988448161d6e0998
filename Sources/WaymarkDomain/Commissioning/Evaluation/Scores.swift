import Foundation

/// One assessor's score for one item of one bid, with their reasons in writing.
public struct AssessorScore: Hashable, Sendable, Codable {
    public var assessorID: UUID
    public var bidID: UUID
    public var item: ScoreItem
    public var score: Int
    public var justification: String
    public var scoredAt: Date

    public init(assessorID: UUID, bidID: UUID, item: ScoreItem, score: Int, justification: String, scoredAt: Date) {
        self.assessorID = assessorID
        self.bidID = bidID
        self.item = item
        self.score = score
        self.justification = justification
        self.scoredAt = scoredAt
    }
}

/// The score the panel agreed for one item of one bid at moderation, and why. Only agreed
/// scores feed the ranking; individual scores are the evidence behind them. When an item is
/// moderated again, the latest agreement counts.
public struct ModeratedScore: Hashable, Sendable, Codable {
    public var bidID: UUID
    public var item: ScoreItem
    public var score: Int
    /// The reasons for the agreed score; bidders read it in their feedback.
    public var note: String
    public var moderatedBy: UUID
    public var moderatedAt: Date

    public init(bidID: UUID, item: ScoreItem, score: Int, note: String, moderatedBy: UUID, moderatedAt: Date) {
        self.bidID = bidID
        self.item = item
        self.score = score
        self.note = note
        self.moderatedBy = moderatedBy
        self.moderatedAt = moderatedAt
    }
}

/// What must hold before a score is recorded.
public enum ScoreRules {
    /// The shortest justification, note or conflict reason accepted: long enough that "ok" or
    /// "see above" is refused, short enough never to get in the way of a real sentence.
    public static let minimumWrittenLength = 10

    /// Every problem with recording `score` for `bid`; empty when it may be saved.
    ///
    /// An assessor scores only while the specification is in evaluation, only once they have
    /// declared for every bidder (`bidders`, the organisations whose bids count), never a bid
    /// whose bidder they declared a conflict with, only items the specification scores, only
    /// on the scale, and always with a written justification.
    public static func problems(_ score: AssessorScore, on bid: Bid, for spec: Specification,
                                panel: EvaluationPanel, bidders: Set<UUID>) -> [EvaluationProblem] {
        var problems = bidProblems(score.bidID, bid: bid, spec: spec)
        let assessor = score.assessorID
        if !panel.isAssigned(assessor) || panel.specificationID != spec.id {
            problems.append(.init(field: .assessor, message: "Only assessors assigned to this specification can score its bids"))
        } else {
            let outstanding = panel.undeclaredBidders(for: assessor, among: bidders).count
            if outstanding > 0 {
                problems.append(.init(field: .declarations, message:
                    "Declare whether you have a conflict of interest with every bidder before scoring: "
                        + "\(Wording.count(outstanding, "bidder")) still to declare for"))
            }
            if panel.isConflicted(assessor, with: bid.providerOrganisationID) {
                problems.append(.init(field: .conflict, message:
                    "You declared a conflict of interest with this bidder, so you cannot score their bid"))
            }
        }
        problems += itemProblems(score.item, score.score, spec: spec)
        if Wording.trimmedLength(score.justification) < minimumWrittenLength {
            problems.append(.init(field: .justification, message:
                "Explain the score in at least \(minimumWrittenLength) characters"))
        }
        return problems
    }

    /// Every problem with recording an agreed score for `bid`; empty when it may be saved.
    public static func problems(_ moderated: ModeratedScore, on bid: Bid, for spec: Specification) -> [EvaluationProblem] {
        var problems = bidProblems(moderated.bidID, bid: bid, spec: spec)
        problems += itemProblems(moderated.item, moderated.score, spec: spec)
        if Wording.trimmedLength(moderated.note) < minimumWrittenLength {
            problems.append(.init(field: .note, message:
                "Record why the panel agreed this score, in at least \(minimumWrittenLength) characters: the bidder reads it in their feedback"))
        }
        return problems
    }

    private static func bidProblems(_ bidID: UUID, bid: Bid, spec: Specification) -> [EvaluationProblem] {
        var problems: [EvaluationProblem] = []
        if spec.status != .inEvaluation {
            problems.append(.init(field: .specification, message:
                "Scores can be recorded only while the specification is in evaluation (it is \(spec.status.displayName.lowercased()))"))
        }
        if bid.id != bidID || bid.specificationID != spec.id {
            problems.append(.init(field: .bid, message: "This score is for a different bid or specification"))
        } else if bid.counted(closesAt: spec.closesAt) == nil {
            problems.append(.init(field: .bid, message: "This bid was withdrawn or never submitted before the deadline, so it is not evaluated"))
        }
        return problems
    }

    private static func itemProblems(_ item: ScoreItem, _ score: Int, spec: Specification) -> [EvaluationProblem] {
        guard spec.weight(of: item) != nil else {
            return [.init(field: .item, message: "This specification does not score that item")]
        }
        guard spec.scale.contains(score) else {
            return [.init(field: .score, message: "The score must be a whole number from \(spec.scale.rangeText) (it is \(score))")]
        }
        return []
    }
}
