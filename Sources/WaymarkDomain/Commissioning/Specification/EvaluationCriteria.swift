/// How bids are weighed: the share of the score for quality (the questions), price and social
/// value, which must make 100%, and the formula that turns a price into points.
public struct EvaluationCriteria: Hashable, Sendable, Codable {
    public var quality: Weight
    public var price: Weight
    public var socialValue: Weight
    public var priceFormula: PriceFormula

    public init(quality: Weight, price: Weight, socialValue: Weight = .zero, priceFormula: PriceFormula = .lowestOverBid) {
        self.quality = quality
        self.price = price
        self.socialValue = socialValue
        self.priceFormula = priceFormula
    }

    /// Step Together's: quality 40%, price 50%, social value 10%.
    public static let stepTogether = EvaluationCriteria(quality: Weight(percent: 40), price: Weight(percent: 50),
                                                        socialValue: Weight(percent: 10))

    /// The three weights added up (overflow-safe); nil only for absurd imported data.
    public var total: Weight? { Weight.sum([quality, price, socialValue]) }
}

/// How a bid's price becomes price points.
public enum PriceFormula: String, Hashable, Sendable, Codable, CaseIterable {
    /// The default in public procurement: `lowest price ÷ this bid's price × price weight`.
    /// The cheapest bid gets the whole weight, and a bid twice the price gets half.
    case lowestOverBid
    /// Against the specification's total value as the budget:
    /// `(budget − this bid's price) ÷ budget × price weight`, never below 0. It rewards
    /// savings against the budget rather than against the other bids, so one very low bid
    /// does not squash every other bid's score; a bid at or over budget scores 0.
    case relativeToBudget

    public var displayName: String {
        switch self {
        case .lowestOverBid: "Lowest price ÷ bid price × weight"
        case .relativeToBudget: "Saving against the budget ÷ budget × weight"
        }
    }
}
