import Foundation

/// The commissioner's decision: which bid wins, why, who decided and when.
public struct AwardDecision: Hashable, Sendable, Codable {
    public var specificationID: UUID
    public var winningBidID: UUID
    /// The reasons, in words; every bidder is told the outcome on the strength of them.
    public var reasons: String
    public var decidedBy: UUID
    public var decidedAt: Date

    public init(specificationID: UUID, winningBidID: UUID, reasons: String, decidedBy: UUID, decidedAt: Date) {
        self.specificationID = specificationID
        self.winningBidID = winningBidID
        self.reasons = reasons
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}

/// What must hold for an award to be recorded.
public enum AwardRules {
    /// Every problem with recording `decision` on the ranking; empty when it may be saved.
    ///
    /// The award goes to the highest-ranked bid. The ranking is the published, checkable
    /// result of the stated criteria, so awarding past it would make the criteria meaningless;
    /// if the panel's view has changed, the agreed scores are moderated again (with notes) and
    /// the ranking follows.
    public static func problems(_ decision: AwardDecision, for spec: Specification, ranking: Ranking) -> [EvaluationProblem] {
        var problems: [EvaluationProblem] = []
        if !spec.status.canMove(to: .awarded) {
            problems.append(.init(field: .specification, message:
                "Only a specification in evaluation can be awarded (this one is \(spec.status.displayName.lowercased()))"))
        }
        if decision.specificationID != spec.id || ranking.specificationID != spec.id {
            problems.append(.init(field: .specification, message: "This decision or ranking belongs to a different specification"))
        }
        if let first = ranking.first {
            if ranking.ranked(decision.winningBidID) == nil {
                problems.append(.init(field: .winner, message: "The winning bid must be one of the ranked bids"))
            } else if first.evaluation.bid.bidID != decision.winningBidID {
                problems.append(.init(field: .winner, message:
                    "The award must go to the highest-ranked bid, \(first.evaluation.bid.providerName) (\(first.evaluation.total.display)); "
                        + "if the panel's view has changed, moderate the scores again"))
            }
        } else {
            problems.append(.init(field: .winner, message: "There are no ranked bids to award"))
        }
        if Wording.trimmedLength(decision.reasons) < ScoreRules.minimumWrittenLength {
            problems.append(.init(field: .reason, message:
                "Give the reasons for the award, in at least \(ScoreRules.minimumWrittenLength) characters"))
        }
        return problems
    }
}
