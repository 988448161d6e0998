import Foundation

/// What must hold of a contract as made (before variations, which `VariationRules` checks).
public enum ContractRules {
    /// Every problem with the contract; empty when it may be saved. Checks run together and
    /// come in form order.
    public static func problems(_ contract: Contract, routeNames: [UUID: String] = [:]) -> [ContractProblem] {
        var problems: [ContractProblem] = []
        let ceiling = SpecificationRules.valueCeiling
        if !contract.value.isPositive {
            problems.append(.init(field: .value, message: "The contract value must be more than £0.00 (it is \(contract.value.display))"))
        } else if contract.value > ceiling {
            problems.append(.init(field: .value, message: "The contract value must be at most \(ceiling.display)"))
        }
        problems += routeProblems(contract, routeNames)
        if contract.original.end < contract.original.start {
            problems.append(.init(field: .period, message:
                "The contract must end on or after it starts (\(contract.original.start.display)); the end is \(contract.original.end.display)"))
        }
        problems += contract.kpis.indices.filter { Wording.isBlank(contract.kpis[$0]) }.map {
            .init(field: .kpis, message: "KPI \($0 + 1) is blank: enter it or remove it")
        }
        problems += fundingProblems(contract)
        return problems
    }

    private static func routeProblems(_ contract: Contract, _ names: [UUID: String]) -> [ContractProblem] {
        let routes = contract.original.routes
        if routes.isEmpty { return [.init(field: .routes, message: "A contract must serve at least one route")] }
        var problems: [ContractProblem] = []
        let repeated = routes.count - Set(routes.map(\.routeID)).count
        if repeated > 0 {
            problems.append(.init(field: .routes, message: "\(Wording.count(repeated, "route is", plural: "routes are")) listed more than once"))
        }
        let notPositive = routes.filter { !$0.value.isPositive }.map(\.routeID)
        if !notPositive.isEmpty {
            problems.append(.init(field: .routes, message:
                "Each route's value must be more than £0.00 (\(Wording.routes(notPositive, names: names)) \(notPositive.count == 1 ? "is" : "are") not)"))
        }
        if let sum = Money.sum(routes.map(\.value)), sum != contract.value {
            problems.append(.init(field: .routes, message:
                "The route values add up to \(sum.display), not the contract value \(contract.value.display)"))
        }
        return problems
    }

    private static func fundingProblems(_ contract: Contract) -> [ContractProblem] {
        var problems: [ContractProblem] = []
        let notPositive = contract.fundingLinks.filter { !$0.amount.isPositive }.count
        if notPositive > 0 {
            problems.append(.init(field: .funding, message:
                "Each funding link must be for more than £0.00 (\(Wording.count(notPositive, "link is", plural: "links are")) not)"))
        }
        if let linked = Money.sum(contract.fundingLinks.map(\.amount)), linked > contract.value {
            problems.append(.init(field: .funding, message:
                "The funding links add up to \(linked.display), more than the contract value \(contract.value.display)"))
        }
        return problems
    }
}
