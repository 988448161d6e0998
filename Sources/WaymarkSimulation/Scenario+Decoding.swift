import Foundation
import WaymarkDomain

// Scenario files leave out whatever keeps its default, so decoding fills the gaps rather
// than demanding every key (synthesised decoding would).

extension KeyedDecodingContainer {
    func value<T: Decodable>(_ key: Key, or fallback: T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? fallback
    }
}

extension Scenario {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // Fields set one by one, not through `init`, so a bad sample count is reported with
        // every other problem instead of stopping at the initialiser's precondition.
        self.init(name: try c.value(.name, or: "Scenario"))
        samples = try c.value(.samples, or: 10_000)
        seed = try c.value(.seed, or: 1)
        uncertainty = try c.value(.uncertainty, or: Uncertainty())
        interventions = try c.value(.interventions, or: [])
        let problems = problems()
        guard problems.isEmpty else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problems.joined(separator: "; ")))
        }
    }
}

extension Uncertainty {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        byStatus = try c.value(.byStatus, or: StatusProbabilities())
        overrides = try c.value(.overrides, or: [])
        funderGroups = try c.value(.funderGroups, or: [])
        renewal = try c.decodeIfPresent(RenewalAssumption.self, forKey: .renewal)
        inflation = try c.value(.inflation, or: .exactly(0))
    }
}

extension StatusProbabilities {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = StatusProbabilities()
        prospective = try c.value(.prospective, or: defaults.prospective)
        pledged = try c.value(.pledged, or: defaults.pledged)
        confirmed = try c.value(.confirmed, or: defaults.confirmed)
        received = try c.value(.received, or: defaults.received)
        withdrawn = try c.value(.withdrawn, or: defaults.withdrawn)
    }
}

extension RenewalAssumption {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(probability: try c.decode(Double.self, forKey: .probability),
                  amountFactor: try c.value(.amountFactor, or: .exactly(1)),
                  decisionDelayDays: try c.value(.decisionDelayDays, or: 0))
    }
}

extension HypotheticalSource {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decodeIfPresent(UUID.self, forKey: .id),
                  funderName: try c.decode(String.self, forKey: .funderName),
                  programmeName: try c.value(.programmeName, or: ""),
                  amount: try c.decode(Money.self, forKey: .amount),
                  period: try c.decode(DayRange.self, forKey: .period),
                  probability: try c.value(.probability, or: 1),
                  localAuthorityIDs: try c.value(.localAuthorityIDs, or: []),
                  routeIDs: try c.value(.routeIDs, or: []),
                  renewable: try c.value(.renewable, or: false))
    }
}
