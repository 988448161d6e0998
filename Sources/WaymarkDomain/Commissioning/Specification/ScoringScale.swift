/// The scale assessors score each question on: whole points from 0 to a maximum, each with
/// a label that says what it means, so that "3" means the same thing to every assessor.
public struct ScoringScale: Hashable, Sendable, Codable {
    /// `labels[n]` describes a score of n; the scale runs 0...(labels.count − 1).
    public var labels: [String]

    public init(labels: [String]) {
        self.labels = labels
    }

    /// The usual public-sector 0–5 scale.
    public static let zeroToFive = ScoringScale(labels: [
        "Unacceptable: no answer, or an answer that does not meet the requirement",
        "Poor: significant gaps or concerns",
        "Weak: meets some of the requirement, with concerns",
        "Satisfactory: meets the requirement",
        "Good: meets the requirement with some added value",
        "Excellent: exceeds the requirement, fully evidenced",
    ])

    /// The most points on a scale, so that scores stay small exact fractions (see `ScoreFigure`).
    public static let mostPoints = 101

    /// The highest score (5 on a 0–5 scale); 0 for a scale with no points.
    public var maximum: Int { Swift.max(labels.count - 1, 0) }

    /// Whether `score` is a point on the scale.
    public func contains(_ score: Int) -> Bool { score >= 0 && score < labels.count }

    /// "0 to 5".
    public var rangeText: String { "0 to \(maximum)" }

    /// The label of a score, or nil off the scale.
    public func label(of score: Int) -> String? { contains(score) ? labels[score] : nil }
}
