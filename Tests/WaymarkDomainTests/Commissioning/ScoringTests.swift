import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: scores, ranking and working")
struct ScoringTests {
    @Test("The worked example: scores and ranking match the formula by hand")
    func workedExample() throws {
        let ranking = try #require(Worked.ranking())
        #expect(ranking.bids.map(\.evaluation.bid.providerName) == ["Youth Links", "Guardians Trust", "Safe Steps CIC"])
        #expect(ranking.bids.map(\.evaluation.total.display) == ["90.21", "85.83", "82.00"])
        #expect(ranking.bids.map(\.evaluation.quality.display) == ["34.00", "34.00", "26.00"])
        #expect(ranking.bids.map(\.evaluation.price.points.display) == ["48.21", "45.83", "50.00"])
        #expect(ranking.bids.map(\.rank) == [1, 2, 3])
        #expect(ranking.bids.allSatisfy { $0.tieBreak == nil })
    }

    @Test("Each step's working, in words")
    func working() throws {
        let youthLinks = try #require(Worked.ranking()?.ranked(Worked.youthLinksBid))
        #expect(youthLinks.evaluation.working == [
            "Q1 Working in local networks and partnerships: agreed 4 of 5 × 10 = 8.00",
            "Q2 Access to physical spaces in local places: agreed 4 of 5 × 10 = 8.00",
            "Q3 Direct work with vulnerable young people and communities with low trust in authorities: agreed 5 of 5 × 10 = 10.00",
            "Q4 Partnership working with schools: agreed 4 of 5 × 10 = 8.00",
            "Quality: 8.00 + 8.00 + 10.00 + 8.00 = 34.00 of 40",
            "Price: lowest £88,000.00 ÷ this bid £91,260.00 × 50 = 48.21",
            "Social value: agreed 4 of 5 × 10 = 8.00",
            "Total: quality 34.00 + price 48.21 + social value 8.00 = 90.21",
        ])
        #expect(youthLinks.working == "1st Youth Links: 90.21")
        let ranking = try #require(Worked.ranking())
        #expect(ranking.working.suffix(3) == ["  1st Youth Links: 90.21", "  2nd Guardians Trust: 85.83", "  3rd Safe Steps CIC: 82.00"])
    }

    @Test("Rounding is half up, once per component; totals add the figures shown")
    func rounding() {
        #expect(ScoreFigure.rounding(1, times: 1, over: 2).hundredths == 1)          // 0.5 basis points → 0.01
        #expect(ScoreFigure.rounding(1, times: 1, over: 3).hundredths == 0)          // 0.33… → 0.00
        #expect(ScoreFigure.rounding(2, times: 1, over: 3).hundredths == 1)          // 0.66… → 0.01
        // One third of 10 points is 3.33: four such questions show 13.32 (exactly, 13.333…).
        var spec = Worked.spec
        spec.scale = ScoringScale(labels: ["0", "1", "2", "3"])
        let agreed = Worked.agreed([Worked.safeStepsBid: [1, 1, 1, 1, 1]], spec: spec)
        guard case .ranked(let ranking) = Scoring.rank([Worked.bids[0]], agreed: agreed, for: spec) else {
            Issue.record("not ranked")
            return
        }
        let evaluation = ranking.bids[0].evaluation
        #expect(evaluation.questions.map(\.points.display) == ["3.33", "3.33", "3.33", "3.33"])
        #expect(evaluation.quality.display == "13.32")
        #expect(evaluation.total.display == "66.65")   // 13.32 + 50.00 + 3.33
    }

    @Test("Ties: higher quality first, then lower price, then earlier submission — each said in words")
    func ties() throws {
        let x = BidForScoring(bidID: id(521), providerID: id(421), providerName: "Bidder X", price: pounds(80_000), submittedAt: instant("2024-03-20T09:00:00Z"))
        let y = BidForScoring(bidID: id(522), providerID: id(422), providerName: "Bidder Y", price: pounds(100_000), submittedAt: instant("2024-03-21T09:00:00Z"))
        // X: quality 16 + price 50 + SV 4 = 70; Y: quality 24 + price 40 + SV 6 = 70.
        let onQuality = try #require(Worked.ranking([x, y], agreed: Worked.agreed([x.bidID: [2, 2, 2, 2, 2], y.bidID: [3, 3, 3, 3, 3]])))
        #expect(onQuality.bids.map(\.evaluation.bid.providerName) == ["Bidder Y", "Bidder X"])
        #expect(onQuality.bids[1].tieBreak == "level with Bidder Y on 70.00; Bidder Y has the higher quality score (24.00 against 16.00)")

        // Same quality (24): X 24 + 50 + 0 = 74, Y 24 + 40 + 10 = 74 → the lower price wins.
        let onPrice = try #require(Worked.ranking([x, y], agreed: Worked.agreed([x.bidID: [3, 3, 3, 3, 0], y.bidID: [3, 3, 3, 3, 5]])))
        #expect(onPrice.bids.map(\.evaluation.bid.providerName) == ["Bidder X", "Bidder Y"])
        #expect(onPrice.bids[1].tieBreak == "level with Bidder X on 74.00; and on quality; Bidder X has the lower price (£80,000.00 against £100,000.00)")

        // Same everything but the submission time: the bid ready first.
        var later = x
        later.bidID = id(520)   // sorts first by id, so only the time can put it second
        later.providerName = "Bidder Z"
        later.submittedAt = instant("2024-03-28T16:30:00Z")
        let same = [x.bidID: [3, 3, 3, 3, 3], later.bidID: [3, 3, 3, 3, 3]]
        let onTime = try #require(Worked.ranking([later, x], agreed: Worked.agreed(same)))
        #expect(onTime.bids.map(\.evaluation.bid.providerName) == ["Bidder X", "Bidder Z"])
        #expect(onTime.bids[1].tieBreak == "level with Bidder X on 80.00; and on quality and price; Bidder X submitted first (09:00 on 20 Mar 2024 against 16:30 on 28 Mar 2024)")
    }

    @Test("The alternative price formula: saving against the budget, floored at 0")
    func relativeToBudget() throws {
        var criteria = EvaluationCriteria.stepTogether
        criteria.priceFormula = .relativeToBudget
        var spec = Worked.spec
        spec.criteria = criteria
        var over = Worked.bids[2]
        over.price = pounds(120_000)
        let ranking = try #require(Worked.ranking([Worked.bids[0], Worked.bids[1], over], agreed: Worked.agreed(spec: spec), spec: spec))
        // (100,000 − 88,000) ÷ 100,000 × 50 = 6.00; (100,000 − 91,260) ÷ 100,000 × 50 = 4.37; over budget → 0.
        #expect(ranking.ranked(Worked.safeStepsBid)?.evaluation.price.points.display == "6.00")
        #expect(ranking.ranked(Worked.youthLinksBid)?.evaluation.price.working ==
            "Price: (budget £100,000.00 − this bid £91,260.00) ÷ budget £100,000.00 × 50 = 4.37")
        #expect(ranking.ranked(Worked.guardiansBid)?.evaluation.price.points == .zero)
        #expect(ranking.ranked(Worked.guardiansBid)?.evaluation.price.working ==
            "Price: (budget £100,000.00 − this bid £120,000.00) ÷ budget £100,000.00 × 50: at or over budget, so 0.00")
    }

    @Test("Incomplete until every bid has an agreed score for every item")
    func incomplete() {
        let partial = Worked.agreed().filter { !($0.bidID == Worked.guardiansBid && $0.item == .socialValue) }
        #expect(Scoring.rank(Worked.bids, agreed: partial, for: Worked.spec) == .incomplete([
            EvaluationProblem(field: .score, message: "No agreed score yet for Social value on Guardians Trust's bid")]))
        #expect(Scoring.rank([], agreed: [], for: Worked.spec) == .incomplete([EvaluationProblem(field: .bid, message: "There are no bids to rank")]))
    }

    @Test("Never arithmetic on bad inputs: an off-scale agreed score or broken weights leave the ranking incomplete")
    func badInputs() {
        var agreed = Worked.agreed()
        agreed.append(ModeratedScore(bidID: Worked.safeStepsBid, item: .socialValue, score: -1, note: "Entered in error somehow.",
                                     moderatedBy: Worked.chair, moderatedAt: instant("2024-04-11T09:00:00Z")))
        #expect(Scoring.rank(Worked.bids, agreed: agreed, for: Worked.spec) == .incomplete([EvaluationProblem(field: .score, message:
            "The agreed score for Social value on Safe Steps CIC's bid is -1, off the scale 0 to 5")]))
        var spec = Worked.spec
        spec.questions[0].weight = Weight(percent: -10)
        spec.questions[1].weight = Weight(percent: 30)
        guard case .incomplete(let problems) = Scoring.rank(Worked.bids, agreed: Worked.agreed(spec: spec), for: spec) else {
            Issue.record("ranked with a negative weight")
            return
        }
        #expect(problems.map(\.message) == ["The specification's evaluation settings need correcting first: Question 1's weight must be more than 0%"])
    }

    @Test("Scored items are stored as plain keys")
    func itemKeys() throws {
        let item = ScoreItem.question(Demo.questionIDs[0])
        #expect(item.key == "question-00000000-0000-0000-0000-0000000000c9")
        #expect(ScoreItem(key: item.key) == item && ScoreItem(key: "social-value") == .socialValue)
        #expect(ScoreItem(key: "question-nope") == nil && ScoreItem(key: "") == nil)
        let data = try JSONEncoder().encode([item, .socialValue])
        #expect(try JSONDecoder().decode([ScoreItem].self, from: data) == [item, .socialValue])
    }

    @Test("A later moderation replaces an earlier one")
    func remoderation() throws {
        var agreed = Worked.agreed()
        agreed.append(ModeratedScore(bidID: Worked.safeStepsBid, item: .question(Demo.questionIDs[0]), score: 5,
                                     note: "Re-moderated after the clarification.", moderatedBy: Worked.chair,
                                     moderatedAt: instant("2024-04-11T09:00:00Z")))
        let ranking = try #require(Worked.ranking(agreed: agreed))
        #expect(ranking.ranked(Worked.safeStepsBid)?.evaluation.total.display == "86.00")
    }
}
