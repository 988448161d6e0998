import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: the award and each bidder's feedback")
struct AwardTests {
    func decision(_ winner: UUID, reasons: String = "Highest total; strongest on work with schools.") -> AwardDecision {
        AwardDecision(specificationID: Worked.spec.id, winningBidID: winner, reasons: reasons,
                      decidedBy: Worked.chair, decidedAt: instant("2024-04-15T16:00:00Z"))
    }

    @Test("The award goes to the highest-ranked bid, with reasons, while in evaluation")
    func rules() throws {
        let ranking = try #require(Worked.ranking())
        #expect(AwardRules.problems(decision(Worked.youthLinksBid), for: Worked.spec, ranking: ranking) == [])
        #expect(AwardRules.problems(decision(Worked.guardiansBid), for: Worked.spec, ranking: ranking).map(\.message) == [
            "The award must go to the highest-ranked bid, Youth Links (90.21); if the panel's view has changed, moderate the scores again"])
        #expect(AwardRules.problems(decision(id(599)), for: Worked.spec, ranking: ranking).map(\.message) == [
            "The winning bid must be one of the ranked bids"])
        #expect(AwardRules.problems(decision(Worked.youthLinksBid, reasons: " "), for: Worked.spec, ranking: ranking).map(\.field) == [.reason])
        #expect(AwardRules.problems(decision(Worked.youthLinksBid), for: Demo.specification(status: .closed), ranking: ranking).map(\.field) == [.specification])
    }

    @Test("An unsuccessful bidder reads their own scores, price score, rank and the winning total")
    func feedback() throws {
        let ranking = try #require(Worked.ranking())
        let all = ranking.unsuccessfulFeedback(winningBidID: Worked.youthLinksBid)
        #expect(all.map(\.providerID) == [Bidders.guardians, Bidders.safeSteps])
        let guardians = try #require(all.first)
        #expect(guardians.rank == 2 && guardians.bidderCount == 3 && !guardians.successful)
        #expect(guardians.winningTotal.display == "90.21")
        #expect(guardians.lines == [
            "Your bid ranked 2nd of 3 with 85.83 points; the successful bid scored 90.21.",
            "Q1 Working in local networks and partnerships: agreed 5 of 5 × 10 = 10.00",
            "  Panel's note: Agreed after discussion of the evidence.",
            "Q2 Access to physical spaces in local places: agreed 4 of 5 × 10 = 8.00",
            "  Panel's note: Agreed after discussion of the evidence.",
            "Q3 Direct work with vulnerable young people and communities with low trust in authorities: agreed 4 of 5 × 10 = 8.00",
            "  Panel's note: Agreed after discussion of the evidence.",
            "Q4 Partnership working with schools: agreed 4 of 5 × 10 = 8.00",
            "  Panel's note: Agreed after discussion of the evidence.",
            "Quality: 10.00 + 8.00 + 8.00 + 8.00 = 34.00 of 40",
            "Price: your price £96,000.00 scored 45.83 of 50 (lowest price ÷ your price × 50)",
            "Social value: agreed 3 of 5 × 10 = 6.00",
            "  Panel's note: Agreed after discussion of the evidence.",
            "Total: quality 34.00 + price 45.83 + social value 6.00 = 85.83",
        ])
    }

    @Test("Feedback never shows another bidder's name, price or scores")
    func privacy() throws {
        let ranking = try #require(Worked.ranking())
        for feedback in ranking.unsuccessfulFeedback(winningBidID: Worked.youthLinksBid) {
            let text = feedback.lines.joined(separator: "\n")
            let others = Worked.bids.filter { $0.providerID != feedback.providerID }
            for other in others {
                #expect(!text.contains(other.providerName))
                #expect(!text.contains(other.price.display))
            }
            #expect(!text.contains("£88,000.00") || feedback.providerID == Bidders.safeSteps)
        }
        #expect(ranking.feedback(for: id(599), winningBidID: Worked.youthLinksBid) == nil)
        #expect(ranking.feedback(for: Worked.youthLinksBid, winningBidID: Worked.youthLinksBid)?.lines.first ==
            "Your bid ranked 1st of 3 with 90.21 points and has been awarded the contract.")
    }
}
