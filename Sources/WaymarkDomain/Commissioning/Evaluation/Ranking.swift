import Foundation

/// A bid's place in the ranking, with how a tie with the bid above it was settled.
public struct RankedBid: Hashable, Sendable {
    /// 1 for the highest. Every bid has its own rank: ties are always broken.
    public let rank: Int
    public let evaluation: BidEvaluation
    /// Why it sits below a bid with the same total; nil when its total is lower.
    public let tieBreak: String?

    /// "2nd Youth Links: 82.21", with the tie-break when there is one.
    public var working: String {
        let line = "\(Wording.ordinal(rank)) \(evaluation.bid.providerName): \(evaluation.total.display)"
        return tieBreak.map { "\(line) (\($0))" } ?? line
    }
}

/// The bids in order, best first, and every step that put them there.
public struct Ranking: Hashable, Sendable {
    public let specificationID: UUID
    public let bids: [RankedBid]

    /// The highest-ranked bid.
    public var first: RankedBid? { bids.first }

    public func ranked(_ bidID: UUID) -> RankedBid? { bids.first { $0.evaluation.bid.bidID == bidID } }

    /// Each bid's working, then the order with its tie-breaks.
    public var working: [String] {
        var lines: [String] = []
        for ranked in bids {
            lines.append("\(ranked.evaluation.bid.providerName) (\(ranked.evaluation.bid.price.display))")
            lines += ranked.evaluation.working.map { "  " + $0 }
        }
        lines.append("Ranking, highest total first; level totals go to higher quality, then lower price, then earlier submission:")
        lines += bids.map { "  " + $0.working }
        return lines
    }
}

/// The ranking, or why it cannot be made yet.
public enum RankingOutcome: Hashable, Sendable {
    case ranked(Ranking)
    case incomplete([EvaluationProblem])
}

/// Scores and ranks the bids that count (DESIGN.md, "scoring maths"; see `ScoreFigure` for
/// rounding and `PriceFormula` for price).
public enum Scoring {
    /// Ranks `bids` from the panel's agreed scores.
    ///
    /// Order: highest total first; level totals go to the higher quality score, then the
    /// lower price, then the earlier submission (the bid that was ready first), and finally
    /// the bid id, so the order never depends on how records arrive.
    ///
    /// Incomplete, naming what is missing, while any bid lacks an agreed score for an item or
    /// has a price of zero or less. When an item of a bid was moderated more than once, the
    /// latest agreement counts.
    public static func rank(_ bids: [BidForScoring], agreed: [ModeratedScore], for spec: Specification) -> RankingOutcome {
        var problems: [EvaluationProblem] = []
        if bids.isEmpty { problems.append(.init(field: .bid, message: "There are no bids to rank")) }
        // A published specification passed these rules; checking again keeps the arithmetic
        // below from ever meeting a negative weight or an empty scale.
        problems += SpecificationRules.evaluationProblems(spec).map {
            .init(field: .specification, message: "The specification's evaluation settings need correcting first: \($0.message)")
        }
        let latest = latestAgreed(agreed)
        for bid in bids {
            if !bid.price.isPositive {
                problems.append(.init(field: .bid, message: "\(bid.providerName)'s price must be more than £0.00 to be scored"))
            }
            for item in spec.scoredItems {
                let title = spec.title(of: item) ?? "an item"
                guard let score = latest[Key(bidID: bid.bidID, item: item)] else {
                    problems.append(.init(field: .score, message: "No agreed score yet for \(title) on \(bid.providerName)'s bid"))
                    continue
                }
                if !spec.scale.contains(score.score) {
                    problems.append(.init(field: .score, message:
                        "The agreed score for \(title) on \(bid.providerName)'s bid is \(score.score), off the scale \(spec.scale.rangeText)"))
                }
            }
        }
        guard problems.isEmpty, let lowest = bids.map(\.price).min() else { return .incomplete(problems) }

        let evaluations = bids.map { evaluate($0, lowest: lowest, agreed: latest, spec: spec) }.sorted(by: ranksAbove)
        var ranked: [RankedBid] = []
        for (index, evaluation) in evaluations.enumerated() {
            let above = index > 0 ? evaluations[index - 1] : nil
            let tie = above.flatMap { $0.total == evaluation.total ? tieBreak(above: $0, below: evaluation) : nil }
            ranked.append(RankedBid(rank: index + 1, evaluation: evaluation, tieBreak: tie))
        }
        return .ranked(Ranking(specificationID: spec.id, bids: ranked))
    }

    private struct Key: Hashable {
        let bidID: UUID
        let item: ScoreItem
    }

    private static func latestAgreed(_ agreed: [ModeratedScore]) -> [Key: ModeratedScore] {
        var latest: [Key: ModeratedScore] = [:]
        for score in agreed {
            let key = Key(bidID: score.bidID, item: score.item)
            if latest[key].map({ score.moderatedAt >= $0.moderatedAt }) ?? true { latest[key] = score }
        }
        return latest
    }

    private static func evaluate(_ bid: BidForScoring, lowest: Money, agreed: [Key: ModeratedScore], spec: Specification) -> BidEvaluation {
        func itemScore(_ item: ScoreItem) -> ItemScore? {
            guard let score = agreed[Key(bidID: bid.bidID, item: item)], let weight = spec.weight(of: item),
                  let title = spec.title(of: item), spec.scale.maximum > 0 else { return nil }
            let points = ScoreFigure.rounding(Int64(score.score), times: Int64(weight.basisPoints), over: Int64(spec.scale.maximum))
            return ItemScore(item: item, title: title, agreed: score.score, scaleMaximum: spec.scale.maximum,
                             weight: weight, points: points, note: score.note)
        }
        let questions = spec.questions.compactMap { itemScore(.question($0.id)) }
        let socialValue = spec.criteria.socialValue.isPositive ? itemScore(.socialValue) : nil
        let quality = questions.reduce(ScoreFigure.zero) { $0 + $1.points }
        let price = PriceScore.make(price: bid.price, lowest: lowest, budget: spec.totalValue, criteria: spec.criteria)
        let total = quality + price.points + (socialValue?.points ?? .zero)
        return BidEvaluation(bid: bid, questions: questions, socialValue: socialValue, quality: quality,
                             price: price, total: total, qualityWeight: spec.criteria.quality)
    }

    static func ranksAbove(_ a: BidEvaluation, _ b: BidEvaluation) -> Bool {
        if a.total != b.total { return a.total > b.total }
        if a.quality != b.quality { return a.quality > b.quality }
        if a.bid.price != b.bid.price { return a.bid.price < b.bid.price }
        if a.bid.submittedAt != b.bid.submittedAt { return a.bid.submittedAt < b.bid.submittedAt }
        return a.bid.bidID.sortsBefore(b.bid.bidID)
    }

    /// "level with Safe Steps CIC on 80.00; Safe Steps CIC has the higher quality score (30.00 against 28.00)".
    private static func tieBreak(above: BidEvaluation, below: BidEvaluation) -> String {
        let name = above.bid.providerName
        let level = "level with \(name) on \(below.total.display); "
        if above.quality != below.quality {
            return level + "\(name) has the higher quality score (\(above.quality.display) against \(below.quality.display))"
        }
        if above.bid.price != below.bid.price {
            return level + "and on quality; \(name) has the lower price (\(above.bid.price.display) against \(below.bid.price.display))"
        }
        if above.bid.submittedAt != below.bid.submittedAt {
            return level + "and on quality and price; \(name) submitted first "
                + "(\(above.bid.submittedAt.londonDisplay) against \(below.bid.submittedAt.londonDisplay))"
        }
        return level + "and on quality, price and submission time; placed by bid reference"
    }
}
