import Foundation
import WaymarkDomain

/// A closed range a value is drawn from uniformly; `low == high` is no uncertainty at all.
public struct DrawRange: Codable, Hashable, Sendable {
    public var low: Double
    public var high: Double

    public init(_ low: Double, _ high: Double) {
        precondition(low <= high, "a draw range must not be backwards")
        self.low = low
        self.high = high
    }

    public static func exactly(_ value: Double) -> DrawRange { DrawRange(value, value) }

    /// The value for a uniform draw `u` in [0, 1).
    func value(at u: Double) -> Double { low == high ? low : low + (high - low) * u }
}

/// How likely money is to materialise, by how firm it is (DESIGN.md, "Simulation").
public struct StatusProbabilities: Codable, Hashable, Sendable {
    enum CodingKeys: String, CodingKey { case prospective, pledged, confirmed, received, withdrawn }

    public var prospective = 0.3
    public var pledged = 0.7
    public var confirmed = 1.0
    public var received = 1.0
    public var withdrawn = 0.0

    public init() {}

    public func probability(for status: FundingSource.Status) -> Double {
        switch status {
        case .prospective: prospective
        case .pledged: pledged
        case .confirmed: confirmed
        case .received: received
        case .withdrawn: withdrawn
        }
    }
}

/// A probability set for one source (by id) or for every source of one funder (by name).
public struct ProbabilityOverride: Codable, Hashable, Sendable {
    public var sourceID: UUID?
    public var funderName: String?
    public var probability: Double

    public init(sourceID: UUID, probability: Double) {
        self.sourceID = sourceID
        self.probability = probability
    }

    public init(funderName: String, probability: Double) {
        self.funderName = funderName
        self.probability = probability
    }
}

/// What happens when a renewable source reaches its end.
public struct RenewalAssumption: Codable, Hashable, Sendable {
    enum CodingKeys: String, CodingKey { case probability, amountFactor, decisionDelayDays }

    /// Chance the funder renews each time (each renewal is drawn again, so a three-year
    /// horizon can see a grant renewed once and then dropped).
    public var probability: Double
    /// The new amount as a multiple of the previous one (1 = the same again).
    public var amountFactor: DrawRange
    /// Days after the end before the money can be spent: school days in that gap go unpaid.
    public var decisionDelayDays: Int

    public init(probability: Double, amountFactor: DrawRange = .exactly(1), decisionDelayDays: Int = 0) {
        self.probability = probability
        self.amountFactor = amountFactor
        self.decisionDelayDays = decisionDelayDays
    }
}

/// Everything a scenario leaves to chance.
public struct Uncertainty: Codable, Hashable, Sendable {
    enum CodingKeys: String, CodingKey { case byStatus, overrides, funderGroups, renewal, inflation }

    public var byStatus = StatusProbabilities()
    /// A source's own override beats its funder's, which beats its status default.
    public var overrides: [ProbabilityOverride] = []
    /// Funders that decide together: one draw per group per sample, so with equal
    /// probabilities the group's money comes or goes as one. Names compare case-insensitively.
    public var funderGroups: [[String]] = []
    /// Nil: renewable sources simply end.
    public var renewal: RenewalAssumption?
    /// Yearly rise in route costs, drawn per financial year and applied from each 1 April
    /// after the as-of date, compounding (0.04 = 4%).
    public var inflation: DrawRange = .exactly(0)

    public init() {}

    /// The probability used for `source`: its own override, else its funder's, else its
    /// status default.
    public func probability(for source: FundingSource) -> Double {
        override(for: source) ?? byStatus.probability(for: source.status)
    }

    /// The source's own override, else its funder's; nil when neither is set.
    public func override(for source: FundingSource) -> Double? {
        if let own = overrides.last(where: { $0.sourceID == source.id }) { return own.probability }
        let funder = Uncertainty.key(source.funderName)
        return overrides.last { $0.sourceID == nil && $0.funderName.map(Uncertainty.key) == funder }?.probability
    }

    static func key(_ funderName: String) -> String {
        funderName.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
