import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: conflicts of interest and scoring rules")
struct PanelAndScoreRulesTests {
    let spec = Worked.spec
    let bid = Worked.storedBid(Worked.safeStepsBid)   // Safe Steps CIC's
    let at = instant("2024-04-02T10:00:00Z")

    func declaration(_ assessor: UUID, _ bidder: UUID, conflicted: Bool = false, reason: String = "", at time: String = "2024-04-02T09:00:00Z") -> ConflictDeclaration {
        ConflictDeclaration(assessorID: assessor, bidderID: bidder, conflicted: conflicted, reason: reason, declaredAt: instant(time))
    }

    /// Assessor A declared for all three, conflicted with Safe Steps; B declared for two.
    var panel: EvaluationPanel {
        EvaluationPanel(specificationID: spec.id, assessorIDs: [Worked.assessorA, Worked.assessorB], declarations: [
            declaration(Worked.assessorA, Bidders.safeSteps, conflicted: true, reason: "My partner is a Safe Steps trustee."),
            declaration(Worked.assessorA, Bidders.youthLinks),
            declaration(Worked.assessorA, Bidders.guardians),
            declaration(Worked.assessorB, Bidders.youthLinks),
            declaration(Worked.assessorB, Bidders.guardians),
        ])
    }

    func score(_ assessor: UUID, _ value: Int = 4, item: ScoreItem? = nil, justification: String = "Clear evidence of school partnerships.") -> AssessorScore {
        AssessorScore(assessorID: assessor, bidID: bid.id, item: item ?? .question(Demo.questionIDs[0]), score: value,
                      justification: justification, scoredAt: at)
    }

    @Test("A conflicted assessor cannot score the bid they declared a conflict on")
    func conflicted() {
        #expect(ScoreRules.problems(score(Worked.assessorA), on: bid, for: spec, panel: panel, bidders: Bidders.all) == [
            EvaluationProblem(field: .conflict, message: "You declared a conflict of interest with this bidder, so you cannot score their bid")])
        // …but may score the others.
        let other = Worked.storedBid(Worked.youthLinksBid)
        var onOther = score(Worked.assessorA)
        onOther.bidID = other.id
        #expect(ScoreRules.problems(onOther, on: other, for: spec, panel: panel, bidders: Bidders.all) == [])
    }

    @Test("No scoring before declaring for every bidder")
    func declareFirst() {
        #expect(ScoreRules.problems(score(Worked.assessorB), on: bid, for: spec, panel: panel, bidders: Bidders.all).map(\.message) == [
            "Declare whether you have a conflict of interest with every bidder before scoring: 1 bidder still to declare for"])
        var declared = panel
        declared.declarations.append(declaration(Worked.assessorB, Bidders.safeSteps))
        #expect(ScoreRules.problems(score(Worked.assessorB), on: bid, for: spec, panel: declared, bidders: Bidders.all) == [])
    }

    @Test("Scores on the scale, with a justification, for items the specification scores, by assigned assessors")
    func scoreRules() {
        var declared = panel
        declared.declarations.append(declaration(Worked.assessorB, Bidders.safeSteps))
        func problems(_ s: AssessorScore) -> [String] {
            ScoreRules.problems(s, on: bid, for: spec, panel: declared, bidders: Bidders.all).map(\.message)
        }
        #expect(problems(score(Worked.assessorB, 6)) == ["The score must be a whole number from 0 to 5 (it is 6)"])
        #expect(problems(score(Worked.assessorB, -1)) == ["The score must be a whole number from 0 to 5 (it is -1)"])
        #expect(problems(score(Worked.assessorB, 0)) == [])
        #expect(problems(score(Worked.assessorB, justification: "  Good.   ")) == ["Explain the score in at least 10 characters"])
        #expect(problems(score(Worked.assessorB, item: .question(id(299)))) == ["This specification does not score that item"])
        #expect(problems(score(Worked.assessorB, item: .socialValue)) == [])
        #expect(problems(score(id(799))) == ["Only assessors assigned to this specification can score its bids"])
    }

    @Test("Scoring happens only in evaluation, on bids that count")
    func bidAndStatus() {
        var declared = panel
        declared.declarations.append(declaration(Worked.assessorB, Bidders.safeSteps))
        #expect(ScoreRules.problems(score(Worked.assessorB), on: bid, for: Demo.specification(status: .closed), panel: declared, bidders: Bidders.all)
            .map(\.message) == ["Scores can be recorded only while the specification is in evaluation (it is closed)"])
        let withdrawn = bid.withdrawing(at: instant("2024-03-25T10:00:00Z"))
        #expect(ScoreRules.problems(score(Worked.assessorB), on: withdrawn, for: spec, panel: declared, bidders: Bidders.all).map(\.field) == [.bid])
    }

    @Test("Declarations: a conflict needs a reason; only assigned assessors, only about bidders; the latest counts")
    func declarations() {
        #expect(panel.problems(with: declaration(Worked.assessorB, Bidders.safeSteps, conflicted: true, reason: "Yes"), bidders: Bidders.all)
            .map(\.message) == ["Say what the conflict of interest is, in at least 10 characters"])
        #expect(panel.problems(with: declaration(Worked.assessorB, Bidders.safeSteps), bidders: Bidders.all) == [])
        #expect(panel.problems(with: declaration(id(799), id(499)), bidders: Bidders.all).map(\.field) == [.assessor, .bidder])

        var changed = panel
        changed.declarations.append(declaration(Worked.assessorA, Bidders.youthLinks, conflicted: true,
                                                reason: "I remembered I mentor their staff.", at: "2024-04-03T09:00:00Z"))
        #expect(!panel.isConflicted(Worked.assessorA, with: Bidders.youthLinks))
        #expect(changed.isConflicted(Worked.assessorA, with: Bidders.youthLinks))
    }

    @Test("The panel's standing feeds the seal")
    func standing() {
        let a = panel.standing(of: Worked.assessorA, among: Bidders.all)
        #expect(a == PanelStanding(declaredForEveryBidder: true, conflictedBidderIDs: [Bidders.safeSteps]))
        #expect(panel.standing(of: Worked.assessorB, among: Bidders.all)?.declaredForEveryBidder == false)
        #expect(panel.standing(of: id(799), among: Bidders.all) == nil)
        let reader = BidReader(roles: [.assessor], organisationIDs: [], panel: a)
        let after = Demo.closesAt.addingTimeInterval(60)
        #expect(BidAccess.decide(reader: reader, bidderID: Bidders.safeSteps, allBidderIDs: Bidders.all, now: after, closesAt: Demo.closesAt) == .refused(.conflicted))
        #expect(BidAccess.decide(reader: reader, bidderID: Bidders.guardians, allBidderIDs: Bidders.all, now: after, closesAt: Demo.closesAt) == .allowed(.assessor))
    }

    @Test("Moderation: on the scale, with a note the bidder will read")
    func moderation() {
        let agreed = ModeratedScore(bidID: bid.id, item: .socialValue, score: 3, note: "Apprenticeships are specific and costed.",
                                    moderatedBy: Worked.chair, moderatedAt: at)
        #expect(ScoreRules.problems(agreed, on: bid, for: spec) == [])
        var short = agreed
        short.note = "ok"
        short.score = 9
        #expect(ScoreRules.problems(short, on: bid, for: spec).map(\.field) == [.score, .note])
    }
}
