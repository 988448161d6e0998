import Foundation

/// What one bidder may read about the outcome: their own scores with the panel's notes, their
/// price score, their rank, and the winning total — and nothing about any other bid (not the
/// winner's name or price, not the lowest price).
public struct BidderFeedback: Hashable, Sendable {
    public let bidID: UUID
    public let providerID: UUID
    public let successful: Bool
    public let rank: Int
    public let bidderCount: Int
    public let questions: [ItemScore]
    public let socialValue: ItemScore?
    public let quality: ScoreFigure
    public let qualityWeight: Weight
    public let price: PriceScore
    public let total: ScoreFigure
    public let winningTotal: ScoreFigure

    /// The feedback as sentences, with the working for the bidder's own scores.
    public var lines: [String] {
        var lines = [successful
            ? "Your bid ranked 1st of \(bidderCount) with \(total.display) points and has been awarded the contract."
            : "Your bid ranked \(Wording.ordinal(rank)) of \(bidderCount) with \(total.display) points; the successful bid scored \(winningTotal.display)."]
        var parts: [String] = []
        for item in questions {
            lines.append(item.working)
            lines.append("  Panel's note: \(item.note)")
        }
        if qualityWeight.isPositive {
            lines.append("Quality: \(questions.map(\.points.display).joined(separator: " + ")) = \(quality.display) of \(qualityWeight.points)")
            parts.append("quality \(quality.display)")
        }
        if price.weight.isPositive {
            lines.append(price.feedbackWorking)
            parts.append("price \(price.points.display)")
        }
        if let socialValue {
            lines.append(socialValue.working)
            lines.append("  Panel's note: \(socialValue.note)")
            parts.append("social value \(socialValue.points.display)")
        }
        lines.append("Total: \(parts.joined(separator: " + ")) = \(total.display)")
        return lines
    }
}

extension Ranking {
    /// The feedback the bidder of `bidID` may read, once `winningBidID` is awarded; nil for a
    /// bid that was not ranked.
    public func feedback(for bidID: UUID, winningBidID: UUID) -> BidderFeedback? {
        guard let mine = ranked(bidID), let winner = ranked(winningBidID) else { return nil }
        let evaluation = mine.evaluation
        return BidderFeedback(bidID: bidID, providerID: evaluation.bid.providerID, successful: bidID == winningBidID,
                              rank: mine.rank, bidderCount: bids.count, questions: evaluation.questions,
                              socialValue: evaluation.socialValue, quality: evaluation.quality,
                              qualityWeight: evaluation.qualityWeight, price: evaluation.price,
                              total: evaluation.total, winningTotal: winner.evaluation.total)
    }

    /// Feedback for every unsuccessful bidder, in rank order.
    public func unsuccessfulFeedback(winningBidID: UUID) -> [BidderFeedback] {
        bids.map(\.evaluation.bid.bidID).filter { $0 != winningBidID }.compactMap { feedback(for: $0, winningBidID: winningBidID) }
    }
}
