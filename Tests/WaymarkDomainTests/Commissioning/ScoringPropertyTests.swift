import Foundation
import Testing
@testable import WaymarkDomain

/// Properties of the scoring over random bids from a seeded generator.
@Suite("Commissioning: scoring properties")
struct ScoringPropertyTests {
    /// Random bids (2–6) with random prices and agreed scores on the demo specification.
    func randomCase(_ random: inout SeededGenerator) -> (bids: [BidForScoring], scores: [UUID: [Int]]) {
        let count = Int.random(in: 2...6, using: &random)
        var bids: [BidForScoring] = []
        var scores: [UUID: [Int]] = [:]
        for n in 0..<count {
            let bid = BidForScoring(bidID: id(800 + n), providerID: id(850 + n), providerName: "Bidder \(n)",
                                    price: Money(pence: Int64.random(in: 1...100_000_000, using: &random)),
                                    submittedAt: instant("2024-03-01T00:00:00Z").addingTimeInterval(Double(Int.random(in: 0...2_000_000, using: &random))))
            bids.append(bid)
            scores[bid.bidID] = (0..<5).map { _ in Int.random(in: 0...5, using: &random) }
        }
        return (bids, scores)
    }

    func rank(_ bids: [BidForScoring], _ scores: [UUID: [Int]], spec: Specification = Worked.spec) -> Ranking? {
        Worked.ranking(bids, agreed: Worked.agreed(scores, spec: spec), spec: spec)
    }

    @Test("The lowest price always gets the full price weight; no price scores above it")
    func lowestGetsFullWeight() {
        var random = SeededGenerator(seed: 50)
        for _ in 0..<300 {
            let (bids, scores) = randomCase(&random)
            guard let ranking = rank(bids, scores) else { Issue.record("not ranked"); continue }
            let lowest = bids.map(\.price).min()
            for ranked in ranking.bids {
                let price = ranked.evaluation.price
                if price.price == lowest { #expect(price.points == ScoreFigure(Weight(percent: 50))) }
                #expect(price.points <= ScoreFigure(Weight(percent: 50)) && price.points >= .zero)
            }
        }
    }

    @Test("Scaling every price by the same factor leaves every price score, and the ranking, unchanged")
    func scaleInvariant() {
        var random = SeededGenerator(seed: 51)
        for _ in 0..<300 {
            let (bids, scores) = randomCase(&random)
            let factor = Int.random(in: 2...1_000, using: &random)
            let scaled = bids.map { bid -> BidForScoring in
                var copy = bid
                copy.price = bid.price * factor
                return copy
            }
            guard let before = rank(bids, scores), let after = rank(scaled, scores) else { Issue.record("not ranked"); continue }
            for ranked in before.bids {
                #expect(after.ranked(ranked.evaluation.bid.bidID)?.evaluation.price.points == ranked.evaluation.price.points)
            }
            #expect(before.bids.map(\.evaluation.bid.bidID) == after.bids.map(\.evaluation.bid.bidID))
        }
    }

    @Test("A better agreed score never lowers a bid's total or its place")
    func monotone() {
        var random = SeededGenerator(seed: 52)
        for _ in 0..<300 {
            let (bids, scores) = randomCase(&random)
            let target = bids[Int.random(in: 0..<bids.count, using: &random)].bidID
            let item = Int.random(in: 0..<5, using: &random)
            guard let old = scores[target]?[item], old < 5 else { continue }
            var better = scores
            better[target]?[item] = Int.random(in: (old + 1)...5, using: &random)
            guard let before = rank(bids, scores)?.ranked(target), let after = rank(bids, better)?.ranked(target) else {
                Issue.record("not ranked")
                continue
            }
            #expect(after.evaluation.total > before.evaluation.total)
            #expect(after.rank <= before.rank)
        }
    }

    @Test("Totals are the sum of the figures shown; the order follows the published rules")
    func consistent() {
        var random = SeededGenerator(seed: 53)
        for _ in 0..<300 {
            let (bids, scores) = randomCase(&random)
            guard let ranking = rank(bids, scores) else { Issue.record("not ranked"); continue }
            for ranked in ranking.bids {
                let e = ranked.evaluation
                #expect(e.quality == e.questions.reduce(.zero) { $0 + $1.points })
                #expect(e.total == e.quality + e.price.points + (e.socialValue?.points ?? .zero))
            }
            for (a, b) in zip(ranking.bids, ranking.bids.dropFirst()) {
                let (x, y) = (a.evaluation, b.evaluation)
                #expect(x.total >= y.total)
                if x.total == y.total {
                    #expect(b.tieBreak != nil)
                    #expect(x.quality > y.quality || (x.quality == y.quality && x.bid.price <= y.bid.price))
                }
            }
        }
    }
}
