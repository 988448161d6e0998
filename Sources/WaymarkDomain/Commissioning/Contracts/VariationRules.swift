import Foundation

/// What must hold for a variation to be approved against a contract as it currently stands.
public enum VariationRules {
    /// Every problem with approving `variation` as the contract's next variation; empty when
    /// it may be saved.
    ///
    /// Effective days may not go back before the previous variation's: variations take effect
    /// in the order they are approved, which is what lets `snapshot(on:)` read the history as
    /// a simple sequence. A terminated contract takes no further variations.
    public static func problems(_ variation: ContractVariation, to contract: Contract,
                                routeNames: [UUID: String] = [:]) -> [ContractProblem] {
        let terms = contract.current
        var problems: [ContractProblem] = []
        if Wording.trimmedLength(variation.reason) < ScoreRules.minimumWrittenLength {
            problems.append(.init(field: .reason, message: "Give the reason for the variation, in at least \(ScoreRules.minimumWrittenLength) characters"))
        }
        if terms.terminated {
            problems.append(.init(field: .change, message: "The contract was terminated on \(terms.end.display); it cannot be varied"))
            return problems
        }
        let effective = variation.effective
        if !terms.isRunning(on: effective) {
            problems.append(.init(field: .effective, message:
                "The effective date must fall within the contract (\(terms.start.display) to \(terms.end.display)); it is \(effective.display)"))
        }
        if let last = contract.variations.last, effective < last.effective {
            problems.append(.init(field: .effective, message:
                "The effective date cannot be before the previous variation's (\(last.effective.display)): variations take effect in the order they are approved"))
        }
        return problems + changeProblems(variation.change, effective: effective, terms: terms, names: routeNames)
    }

    private static func changeProblems(_ change: VariationChange, effective: Day, terms: ContractTerms,
                                       names: [UUID: String]) -> [ContractProblem] {
        func name(_ id: UUID) -> String { Wording.routes([id], names: names) }
        let ceiling = SpecificationRules.valueCeiling
        switch change {
        case .extend(let newEnd):
            return newEnd > terms.end ? [] : [.init(field: .end, message:
                "An extension must end after the current end, \(terms.end.display); the new end is \(newEnd.display)")]
        case .changeValues(let values):
            if values.isEmpty { return [.init(field: .value, message: "Give a new value for at least one route")] }
            var problems: [ContractProblem] = []
            let absent = values.keys.filter { terms.route($0) == nil }
            if !absent.isEmpty {
                problems.append(.init(field: .routes, message: "\(capitalised(Wording.routes(absent, names: names))) \(absent.count == 1 ? "is" : "are") not on this contract"))
            }
            // A route still served must be worth something; a removed route may be settled at £0.
            let bad = values.filter { id, value in
                value.isNegative || (value.isZero && terms.route(id)?.until == nil) || value > ceiling
            }
            if !bad.isEmpty {
                problems.append(.init(field: .value, message:
                    "Each value must be more than £0.00 (or £0.00 for a route already removed) and at most \(ceiling.display); "
                        + "\(Wording.routes(bad.keys, names: names)) \(bad.count == 1 ? "is" : "are") not"))
            }
            let changed = terms.applying(change, effective: effective)
            if problems.isEmpty, let total = Money.sum(changed.routes.map(\.value)), total > ceiling {
                problems.append(.init(field: .value, message: "The contract value would be \(total.display), over \(ceiling.display)"))
            }
            return problems
        case .addRoute(let routeID, let value):
            var problems: [ContractProblem] = []
            if let existing = terms.route(routeID) {
                let message = existing.until.map { "\(capitalised(name(routeID))) left this contract on \($0.display) and cannot rejoin it: add it to a new contract" }
                    ?? "\(capitalised(name(routeID))) is already on this contract"
                problems.append(.init(field: .routes, message: message))
            }
            if !value.isPositive || value > ceiling {
                problems.append(.init(field: .value, message: "The route's value must be more than £0.00 and at most \(ceiling.display) (it is \(value.display))"))
            }
            return problems
        case .removeRoute(let routeID):
            guard let route = terms.route(routeID), route.until == nil else {
                return [.init(field: .routes, message: "\(capitalised(name(routeID))) is not served under this contract, so it cannot be removed")]
            }
            if effective <= route.from {
                return [.init(field: .effective, message:
                    "\(capitalised(name(routeID))) joined on \(route.from.display): it can be removed from the day after at the earliest")]
            }
            if terms.routes.filter({ $0.until == nil }).count == 1 {
                return [.init(field: .routes, message: "This is the contract's last route: terminate the contract instead")]
            }
            return []
        case .terminate:
            return effective < terms.end ? [] : [.init(field: .effective, message:
                "A termination must end the contract before its current end, \(terms.end.display); it is \(effective.display)")]
        }
    }

    private static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
