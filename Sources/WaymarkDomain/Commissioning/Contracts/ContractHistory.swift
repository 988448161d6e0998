import Foundation

/// One version of a contract's terms: the original, or the terms after a variation.
public struct ContractVersion: Hashable, Sendable {
    /// 1 for the contract as made, then 2, 3… after each variation.
    public let number: Int
    public let terms: ContractTerms
    /// The variation that made this version; nil for the original.
    public let variation: ContractVariation?

    /// The first day this version applies.
    public var effective: Day { variation?.effective ?? terms.start }
}

/// The contract as it stands on one day: the terms in force, the routes served that day.
public struct ContractSnapshot: Hashable, Sendable {
    public let day: Day
    /// The version in force.
    public let version: Int
    public let terms: ContractTerms
    /// Whether the contract runs on `day` (started, not ended).
    public var running: Bool { terms.isRunning(on: day) }
    /// The routes served on `day`, with their values.
    public var routes: [ContractRoute] { terms.routesServed(on: day) }
    /// The contract value under the terms in force.
    public var value: Money { terms.value }
    public var end: Day { terms.end }
}

extension Contract {
    /// Every version, oldest first: the original and one per variation, applied in the order
    /// approved. Variations never overwrite one another, so this is the full history.
    public var versions: [ContractVersion] {
        var versions = [ContractVersion(number: 1, terms: original, variation: nil)]
        for variation in variations {
            let previous = versions[versions.count - 1].terms
            versions.append(ContractVersion(number: versions.count + 1,
                                            terms: previous.applying(variation.change, effective: variation.effective),
                                            variation: variation))
        }
        return versions
    }

    /// The terms after every variation: the last of `versions`, without making the others.
    public var current: ContractTerms {
        variations.reduce(original) { $0.applying($1.change, effective: $1.effective) }
    }

    /// The contract as it stands on `day`: only variations effective on or before it apply.
    /// (`VariationRules` keeps effective days in approval order, so these are always the
    /// first variations of the history and the snapshot is one of `versions`.)
    public func snapshot(on day: Day) -> ContractSnapshot {
        let inForce = versions.last { $0.variation.map { $0.effective <= day } ?? true } ?? versions[0]
        return ContractSnapshot(day: day, version: inForce.number, terms: inForce.terms)
    }

    /// The terms as known at `instant`: every variation approved by then, including those
    /// that take effect later (a termination approved today for next month). Planning views
    /// such as delivery reasons want this; "what is in force on a day" wants `snapshot(on:)`.
    public func terms(knownAt instant: Date) -> ContractTerms {
        var terms = original
        for variation in variations where variation.approvedAt <= instant {
            terms = terms.applying(variation.change, effective: variation.effective)
        }
        return terms
    }
}
