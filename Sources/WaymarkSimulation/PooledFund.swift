import Foundation
import WaymarkDomain

/// One pot of money spent where routes are short, after every other money has been paid:
/// a regional top-up fund, a PCC reserve. In each sample in which it comes, it is spent on
/// the eligible routes' gaps (the unpaid cost of their school days inside `period`, after
/// inflation), in the order `policy` sets; on each route it pays as one more allocation
/// drawn after all of the route's others, so it fills exactly the days left unpaid. Money it
/// does not spend lapses. docs/scenario-format.md gives the rules in full.
public struct PooledFund: Codable, Hashable, Sendable {
    enum CodingKeys: String, CodingKey { case id, name, amount, period, probability, policy, localAuthorityIDs, routeIDs }

    /// Names its random stream and lets overrides name it; derived from the scenario when nil.
    public var id: UUID?
    public var name: String
    public var amount: Money
    public var period: DayRange
    /// Chance it materialises (an override for its id still wins).
    public var probability: Double
    public var policy: PoolPolicy
    /// Eligible routes: empty means any; when both are given a route must meet both.
    public var localAuthorityIDs: [UUID]
    public var routeIDs: [UUID]

    public init(id: UUID? = nil, name: String, amount: Money, period: DayRange, probability: Double = 1,
                policy: PoolPolicy, localAuthorityIDs: [UUID] = [], routeIDs: [UUID] = []) {
        self.id = id
        self.name = name
        self.amount = amount
        self.period = period
        self.probability = probability
        self.policy = policy
        self.localAuthorityIDs = localAuthorityIDs
        self.routeIDs = routeIDs
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(UUID.self, forKey: .id),
                  name: try c.value(.name, or: "Pooled fund"),
                  amount: try c.decode(Money.self, forKey: .amount),
                  period: try c.decode(DayRange.self, forKey: .period),
                  probability: try c.value(.probability, or: 1),
                  policy: try c.decode(PoolPolicy.self, forKey: .policy),
                  localAuthorityIDs: try c.value(.localAuthorityIDs, or: []),
                  routeIDs: try c.value(.routeIDs, or: []))
    }

    /// The id the fund runs under: its own, or one derived from its place in the scenario.
    func resolvedID(number: Int) -> UUID {
        id ?? UUID.scenarioItem(.pooledFund, number: number)
    }
}

/// The order in which a pooled fund takes the routes it may pay for.
///
/// The three greedy policies fund a route's whole gap when what is left covers it and
/// otherwise skip it for the next (part of a gap saves no route); `proRata` gives every route
/// with a gap a share in proportion to it.
///
/// In JSON: `"childrenPerPound"`, `"cheapestFirst"`, `"proRata"`, or
/// `{"priority": {"scores": [{"routeID": "…", "score": 7.5}]}}`.
public enum PoolPolicy: Codable, Hashable, Sendable {
    /// Highest score first; routes without a score after every scored one; ties by route
    /// code. A route scored twice keeps its last score.
    case priority(scores: [RouteScore])
    /// Most children walked per pound of gap first (children per day ÷ the route's gap in
    /// the sample).
    case childrenPerPound
    /// Smallest gap first: the most routes for the money.
    case cheapestFirst
    /// Every route with a gap gets `amount × gap ÷ total gap` (whole pence, at most its gap);
    /// the pence left by rounding down go one each to routes in the scenario's route order.
    case proRata

    private enum Keys: String, CodingKey { case priority, childrenPerPound, cheapestFirst, proRata }
    private enum ScoreKeys: String, CodingKey { case scores }

    public init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            switch name {
            case "childrenPerPound": self = .childrenPerPound
            case "cheapestFirst": self = .cheapestFirst
            case "proRata": self = .proRata
            default:
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                    "policy: \"\(name)\" is not one of \"childrenPerPound\", \"cheapestFirst\", \"proRata\" or {\"priority\": …}"))
            }
            return
        }
        let c = try decoder.container(keyedBy: Keys.self)
        guard c.contains(.priority) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription:
                "policy: expected a policy name or {\"priority\": {\"scores\": […]}}"))
        }
        let priority = try c.nestedContainer(keyedBy: ScoreKeys.self, forKey: .priority)
        self = .priority(scores: try priority.value(.scores, or: []))
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .priority(let scores):
            var c = encoder.container(keyedBy: Keys.self)
            var priority = c.nestedContainer(keyedBy: ScoreKeys.self, forKey: .priority)
            try priority.encode(scores, forKey: .scores)
        case .childrenPerPound: try Self.encodeName("childrenPerPound", to: encoder)
        case .cheapestFirst: try Self.encodeName("cheapestFirst", to: encoder)
        case .proRata: try Self.encodeName("proRata", to: encoder)
        }
    }

    private static func encodeName(_ name: String, to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(name)
    }
}

/// A route's place in a priority policy: higher is funded first.
public struct RouteScore: Codable, Hashable, Sendable {
    public var routeID: UUID
    public var score: Double

    public init(routeID: UUID, score: Double) {
        self.routeID = routeID
        self.score = score
    }
}
