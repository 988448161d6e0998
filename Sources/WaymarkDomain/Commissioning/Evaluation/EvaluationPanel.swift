import Foundation

/// An assessor's statement about one bidder: a conflict of interest or none, with the reason
/// when there is one. Assessors declare for every bidder before they may read or score any bid.
public struct ConflictDeclaration: Hashable, Sendable, Codable {
    public var assessorID: UUID
    /// The bidding provider organisation.
    public var bidderID: UUID
    public var conflicted: Bool
    /// Why they are conflicted ("I was a trustee of Youth Links until 2023"); may be empty when not.
    public var reason: String
    public var declaredAt: Date

    public init(assessorID: UUID, bidderID: UUID, conflicted: Bool, reason: String = "", declaredAt: Date) {
        self.assessorID = assessorID
        self.bidderID = bidderID
        self.conflicted = conflicted
        self.reason = reason
        self.declaredAt = declaredAt
    }
}

/// The assessors a commissioner assigned to a specification, and what they declared.
///
/// A later declaration about the same bidder replaces an earlier one (someone who remembers a
/// link declares again), and every question below reads the latest.
public struct EvaluationPanel: Hashable, Sendable, Codable {
    public var specificationID: UUID
    public var assessorIDs: Set<UUID>
    public var declarations: [ConflictDeclaration]

    public init(specificationID: UUID, assessorIDs: Set<UUID>, declarations: [ConflictDeclaration] = []) {
        self.specificationID = specificationID
        self.assessorIDs = assessorIDs
        self.declarations = declarations
    }

    public func isAssigned(_ assessor: UUID) -> Bool { assessorIDs.contains(assessor) }

    /// The assessor's latest declaration about `bidder` (by time, then by position in the list).
    public func declaration(by assessor: UUID, about bidder: UUID) -> ConflictDeclaration? {
        var latest: ConflictDeclaration? = nil
        for declaration in declarations where declaration.assessorID == assessor && declaration.bidderID == bidder {
            if latest.map({ declaration.declaredAt >= $0.declaredAt }) ?? true { latest = declaration }
        }
        return latest
    }

    /// The bidders the assessor has not declared for yet.
    public func undeclaredBidders(for assessor: UUID, among bidders: Set<UUID>) -> Set<UUID> {
        bidders.filter { declaration(by: assessor, about: $0) == nil }
    }

    public func hasDeclaredForEveryBidder(_ assessor: UUID, among bidders: Set<UUID>) -> Bool {
        undeclaredBidders(for: assessor, among: bidders).isEmpty
    }

    /// Whether the assessor's latest declaration about `bidder` is a conflict.
    public func isConflicted(_ assessor: UUID, with bidder: UUID) -> Bool {
        declaration(by: assessor, about: bidder)?.conflicted ?? false
    }

    /// What the seal needs to know about an assessor; nil when they are not on this panel.
    public func standing(of assessor: UUID, among bidders: Set<UUID>) -> PanelStanding? {
        guard isAssigned(assessor) else { return nil }
        return PanelStanding(declaredForEveryBidder: hasDeclaredForEveryBidder(assessor, among: bidders),
                             conflictedBidderIDs: bidders.filter { isConflicted(assessor, with: $0) })
    }

    /// Every problem with recording `declaration` on this panel; empty when it may be saved.
    public func problems(with declaration: ConflictDeclaration, bidders: Set<UUID>) -> [EvaluationProblem] {
        var problems: [EvaluationProblem] = []
        if !isAssigned(declaration.assessorID) {
            problems.append(.init(field: .assessor, message: "Only assessors assigned to this specification declare conflicts for it"))
        }
        if !bidders.contains(declaration.bidderID) {
            problems.append(.init(field: .bidder, message: "This organisation has not bid for this specification"))
        }
        if declaration.conflicted && Wording.trimmedLength(declaration.reason) < ScoreRules.minimumWrittenLength {
            problems.append(.init(field: .reason, message:
                "Say what the conflict of interest is, in at least \(ScoreRules.minimumWrittenLength) characters"))
        }
        return problems
    }
}
