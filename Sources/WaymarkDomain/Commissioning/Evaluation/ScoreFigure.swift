/// A score in points out of 100, to two decimal places: "48.21".
///
/// Rounding rule, used for every figure the evaluation shows: each component (one question,
/// the price, social value) is worked out exactly as a fraction and then rounded **half up to
/// two decimal places** (48.215 → 48.22). Quality is the sum of its rounded questions and the
/// total the sum of its rounded components, and the ranking compares those same figures. So
/// every line of the working adds up exactly as printed and anyone can check the ranking with
/// a calculator; the price of that is that bids within half a hundredth of a point are level
/// and go to the tie-breaks, which are published too.
///
/// Stored as whole hundredths of a point, which are exactly basis points of the whole score.
public struct ScoreFigure: Hashable, Comparable, Sendable, Codable {
    public let hundredths: Int64

    public init(hundredths: Int64) {
        self.hundredths = hundredths
    }

    public static let zero = ScoreFigure(hundredths: 0)

    /// The full weight of a criterion: a weight of 50% is 50.00 points.
    public init(_ weight: Weight) {
        self.hundredths = Int64(weight.basisPoints)
    }

    /// `numerator ÷ denominator` basis points, rounded half up. Inputs are non-negative with
    /// a positive denominator; the product is taken in 128 bits, so it never overflows for
    /// prices and weights within their ceilings.
    static func rounding(_ a: Int64, times b: Int64, over denominator: Int64) -> ScoreFigure {
        precondition(a >= 0 && b >= 0 && denominator > 0, "scores are worked from non-negative amounts")
        let (quotient, remainder) = denominator.dividingFullWidth(a.multipliedFullWidth(by: b))
        return ScoreFigure(hundredths: remainder >= denominator - remainder ? quotient + 1 : quotient)
    }

    /// "48.21", "0.00", "100.00".
    public var display: String {
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        return (hundredths < 0 ? "-" : "") + "\(magnitude / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    public static func + (lhs: ScoreFigure, rhs: ScoreFigure) -> ScoreFigure {
        ScoreFigure(hundredths: lhs.hundredths + rhs.hundredths)
    }

    public static func < (lhs: ScoreFigure, rhs: ScoreFigure) -> Bool { lhs.hundredths < rhs.hundredths }
}

extension ScoreFigure: CustomStringConvertible {
    public var description: String { display }
}
