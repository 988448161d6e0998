import Foundation

/// The money rules: a total inside the ceiling, and a split that covers exactly the
/// specification's routes and can actually be made.
extension SpecificationRules {
    static func valueProblems(_ spec: Specification) -> [SpecificationProblem] {
        var problems: [SpecificationProblem] = []
        if !spec.totalValue.isPositive {
            problems.append(.init(field: .totalValue, message: "The total value must be more than £0.00 (it is \(spec.totalValue.display))"))
        } else if spec.totalValue > valueCeiling {
            problems.append(.init(field: .totalValue, message: "The total value must be at most \(valueCeiling.display)"))
        }
        problems += coverageProblems(spec)
        switch spec.valueSplit {
        case .proportionalToCost(let costs):
            let relevant = spec.routeIDs.compactMap { costs[$0] }
            if relevant.contains(where: \.isNegative) {
                problems.append(.init(field: .valueSplit, message: "A route's cost cannot be negative"))
            } else if let total = Money.sum(relevant), total.isZero, !relevant.isEmpty {
                problems.append(.init(field: .valueSplit, message:
                    "The routes' costs add up to £0.00, so there is nothing to split the value in proportion to"))
            } else if Money.sum(relevant) == nil {
                problems.append(.init(field: .valueSplit, message: "The routes' costs are too large to add up"))
            }
        case .statedShares(let shares):
            let relevant = spec.routeIDs.compactMap { shares[$0] }
            let zeroOrLess = relevant.filter { $0 <= 0 }.count
            if zeroOrLess > 0 {
                problems.append(.init(field: .valueSplit, message:
                    "Every route's share must be more than 0% (\(Wording.count(zeroOrLess, "route has", plural: "routes have")) 0% or less)"))
            }
            if let total = Weight.sum(shares.values.map(Weight.init(basisPoints:))), total != .whole {
                problems.append(.init(field: .valueSplit, message: "The shares add up to \(total.percentText), not 100%"))
            }
        }
        return problems
    }

    /// The split must name every route of the specification and no other.
    private static func coverageProblems(_ spec: Specification) -> [SpecificationProblem] {
        let (what, verb): (String, String)
        switch spec.valueSplit {
        case .proportionalToCost: (what, verb) = ("cost", "given")
        case .statedShares: (what, verb) = ("share", "stated")
        }
        let named = spec.valueSplit.routeIDs
        let covered = Set(spec.routeIDs)
        var problems: [SpecificationProblem] = []
        let missing = covered.subtracting(named)
        if !missing.isEmpty {
            problems.append(.init(field: .valueSplit, message:
                "No \(what) is \(verb) for \(missing.count) of the routes, so the value cannot be split"))
        }
        let extra = named.subtracting(covered)
        if !extra.isEmpty {
            problems.append(.init(field: .valueSplit, message:
                "\(what.prefix(1).uppercased() + what.dropFirst())s are \(verb) for \(Wording.count(extra.count, "route")) the specification does not cover"))
        }
        return problems
    }
}
