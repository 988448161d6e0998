/// A share of a whole, in basis points (1% = 100 basis points, the whole = 10,000).
///
/// Evaluation weights are written as percentages ("quality 40%, price 50%, social value 10%")
/// and sometimes as halves or thirds of one ("12.5%"). Whole basis points hold every weight
/// people actually use without floating point, so "the weights add up to 100%" is an exact
/// integer comparison and never a question of 99.99999.
public struct Weight: Hashable, Comparable, Sendable {
    /// 10,000 basis points: 100%.
    public static let whole = Weight(basisPoints: 10_000)
    public static let zero = Weight(basisPoints: 0)

    public let basisPoints: Int

    public init(basisPoints: Int) {
        self.basisPoints = basisPoints
    }

    /// `Weight(percent: 40)` is 4,000 basis points.
    public init(percent: Int) {
        self.basisPoints = percent * 100
    }

    public var isZero: Bool { basisPoints == 0 }
    public var isPositive: Bool { basisPoints > 0 }

    /// The weight as points out of 100, with no trailing zeros: "40", "12.5", "33.33". This is
    /// how a weight reads inside a score's working ("… × 50 = 48.21").
    public var points: String {
        let sign = basisPoints < 0 ? "-" : ""
        let magnitude = basisPoints.magnitude
        let whole = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// "40%", "12.5%".
    public var percentText: String { points + "%" }

    public static func < (lhs: Weight, rhs: Weight) -> Bool { lhs.basisPoints < rhs.basisPoints }
    public static func + (lhs: Weight, rhs: Weight) -> Weight { Weight(basisPoints: lhs.basisPoints + rhs.basisPoints) }

    /// The total of `weights`, or nil if it overflows (only absurd imported data gets near).
    public static func sum(_ weights: some Sequence<Weight>) -> Weight? {
        var total = 0
        for weight in weights {
            let (next, overflow) = total.addingReportingOverflow(weight.basisPoints)
            guard !overflow else { return nil }
            total = next
        }
        return Weight(basisPoints: total)
    }
}

/// Encoded as the bare number of basis points.
extension Weight: Codable {
    public init(from decoder: any Decoder) throws {
        basisPoints = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(basisPoints)
    }
}

extension Weight: CustomStringConvertible {
    public var description: String { percentText }
}

extension Weight {
    /// A percentage as people type it — "40", "12.5", "33.33", "40%" — to the basis point;
    /// nil for anything else (more than two decimal places, a sign, words, more than 1,000,000%).
    public init?(parsingPercent text: some StringProtocol) {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasSuffix("%") { body = String(body.dropLast()).trimmingCharacters(in: .whitespaces) }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].count <= 7,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let whole = Int(parts[0]) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), let value = Int(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        self.init(basisPoints: whole * 100 + fraction)
    }
}
