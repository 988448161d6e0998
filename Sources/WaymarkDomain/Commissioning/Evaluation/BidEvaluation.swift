import Foundation

/// What the scoring needs to know about a bid that counts.
public struct BidForScoring: Hashable, Sendable {
    public var bidID: UUID
    public var providerID: UUID
    /// How the working names the bidder: "Safe Steps CIC".
    public var providerName: String
    public var price: Money
    /// When the counted submission was made (the last tie-break).
    public var submittedAt: Date

    public init(bidID: UUID, providerID: UUID, providerName: String, price: Money, submittedAt: Date) {
        self.bidID = bidID
        self.providerID = providerID
        self.providerName = providerName
        self.price = price
        self.submittedAt = submittedAt
    }

    /// The bid's counted submission; nil when none counts (withdrawn, or nothing in time).
    public init?(bid: Bid, providerName: String, closesAt: Date) {
        guard let counted = bid.counted(closesAt: closesAt) else { return nil }
        self.init(bidID: bid.id, providerID: bid.providerOrganisationID, providerName: providerName,
                  price: counted.content.price.total, submittedAt: counted.submittedAt)
    }
}

/// One scored item of a bid: its agreed score turned into points.
public struct ItemScore: Hashable, Sendable {
    public let item: ScoreItem
    /// "Q1 Working in local networks and partnerships", "Social value".
    public let title: String
    public let agreed: Int
    public let scaleMaximum: Int
    public let weight: Weight
    /// `agreed ÷ scaleMaximum × weight`, rounded (see `ScoreFigure`).
    public let points: ScoreFigure
    /// The moderation note behind the agreed score.
    public let note: String

    /// "Q1 Working in local networks and partnerships: agreed 4 of 5 × 10 = 8.00".
    public var working: String {
        "\(title): agreed \(agreed) of \(scaleMaximum) × \(weight.points) = \(points.display)"
    }
}

/// A bid's price turned into points by the specification's formula.
public struct PriceScore: Hashable, Sendable {
    public let price: Money
    public let formula: PriceFormula
    public let weight: Weight
    /// The lowest price among the ranked bids (used by `lowestOverBid`).
    public let lowest: Money
    /// The specification's total value (used by `relativeToBudget`).
    public let budget: Money
    public let points: ScoreFigure

    /// The full working: "Price: lowest £88,000.00 ÷ this bid £91,260.00 × 50 = 48.21".
    public var working: String {
        switch formula {
        case .lowestOverBid:
            return "Price: lowest \(lowest.display) ÷ this bid \(price.display) × \(weight.points) = \(points.display)"
        case .relativeToBudget:
            let base = "Price: (budget \(budget.display) − this bid \(price.display)) ÷ budget \(budget.display) × \(weight.points)"
            return price >= budget ? "\(base): at or over budget, so \(points.display)" : "\(base) = \(points.display)"
        }
    }

    /// The working as the bidder's feedback shows it: without the lowest price, which is
    /// another bidder's.
    public var feedbackWorking: String {
        switch formula {
        case .lowestOverBid:
            return "Price: your price \(price.display) scored \(points.display) of \(weight.points) (lowest price ÷ your price × \(weight.points))"
        case .relativeToBudget:
            return working.replacingOccurrences(of: "this bid", with: "your price")
        }
    }

    static func make(price: Money, lowest: Money, budget: Money, criteria: EvaluationCriteria) -> PriceScore {
        let weight = Int64(criteria.price.basisPoints)
        let points: ScoreFigure
        switch criteria.priceFormula {
        case .lowestOverBid:
            points = .rounding(lowest.pence, times: weight, over: price.pence)
        case .relativeToBudget:
            points = price >= budget ? .zero : .rounding((budget - price).pence, times: weight, over: budget.pence)
        }
        return PriceScore(price: price, formula: criteria.priceFormula, weight: criteria.price,
                          lowest: lowest, budget: budget, points: points)
    }
}

/// A bid's scores, each with its working in words.
public struct BidEvaluation: Hashable, Sendable {
    public let bid: BidForScoring
    /// One line per question, in the specification's order.
    public let questions: [ItemScore]
    /// Present when social value carries weight.
    public let socialValue: ItemScore?
    /// The questions' points added up.
    public let quality: ScoreFigure
    public let price: PriceScore
    /// Quality + price + social value.
    public let total: ScoreFigure
    let qualityWeight: Weight

    /// Every step, in order: the questions, quality, price, social value, the total.
    public var working: [String] {
        var lines = questions.map(\.working)
        var parts: [String] = []
        if qualityWeight.isPositive {
            let sum = questions.map(\.points.display).joined(separator: " + ")
            lines.append("Quality: \(sum) = \(quality.display) of \(qualityWeight.points)")
            parts.append("quality \(quality.display)")
        }
        if price.weight.isPositive {
            lines.append(price.working)
            parts.append("price \(price.points.display)")
        }
        if let socialValue {
            lines.append(socialValue.working)
            parts.append("social value \(socialValue.points.display)")
        }
        lines.append("Total: \(parts.joined(separator: " + ")) = \(total.display)")
        return lines
    }
}
