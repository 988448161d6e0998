import Foundation
import Vapor
import WaymarkDomain

/// A variation form's fields as typed, and how they become a `ContractVariation`.
enum VariationForm {
    struct Form: Content {
        var kind: String?
        var version: String?
        var reason: String?
        var effective_day: String?
        var new_end: String?
        var values: [String: String]?
        var route: String?
        var value: String?
    }

    struct Values: Encodable, Sendable {
        var version = "", reason = "", effectiveDay = "", newEnd = "", route = "", value = ""
        var values: [String: String] = [:]

        init() {}

        init(_ form: Form) {
            version = form.version ?? ""; reason = form.reason ?? ""; effectiveDay = form.effective_day ?? ""
            newEnd = form.new_end ?? ""; route = form.route ?? ""; value = form.value ?? ""; values = form.values ?? [:]
        }
    }

    /// The form as it opens: the contract's version, and for a value change its current values.
    static func opened(_ loaded: ContractQueries.Loaded, routeNames: [UUID: String]) -> Values {
        var values = Values()
        values.version = String(loaded.record.version)
        for route in loaded.contract.current.routes {
            if let code = routeNames[route.routeID] { values.values[code] = route.value.display }
        }
        return values
    }

    /// The variation the values describe, approved by `approver` at `now`, or the problems the
    /// form can see by field (`VariationRules` then judges it against the contract).
    static func variation(_ kind: VariationKind, _ values: Values, contract: Contract, routes: [Route],
                          approver: UUID, now: Date) -> (ContractVariation?, [FieldError]) {
        var errors: [FieldError] = []
        let effective = Day(entered: values.effectiveDay)
        if effective == nil { errors.append(.init(field: "effective_day", message: "Enter the \(kind.effectiveLabel.lowercased()), like 2024-03-28")) }
        let change = self.change(kind, values, terms: contract.current, routes: routes, errors: &errors)
        guard errors.isEmpty, let effective, let change else { return (nil, errors) }
        return (ContractVariation(change: change, reason: values.reason.trimmed, effective: effective, approvedBy: approver, approvedAt: now), [])
    }

    private static func change(_ kind: VariationKind, _ values: Values, terms: ContractTerms, routes: [Route],
                               errors: inout [FieldError]) -> VariationChange? {
        let byCode = Dictionary(routes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        switch kind {
        case .extend:
            guard let end = Day(entered: values.newEnd) else {
                errors.append(.init(field: "new_end", message: "Enter the new last day of service, like 2025-07-31"))
                return nil
            }
            return .extend(newEnd: end)
        case .values:
            var changed: [UUID: Money] = [:]
            for (code, text) in values.values.sorted(by: { $0.key < $1.key }) where !text.trimmed.isEmpty {
                guard let route = byCode[code], let current = terms.route(route.id!) else {
                    errors.append(.init(field: "values", message: "\(code) is not on this contract"))
                    continue
                }
                guard let amount = Money(parsing: text) else {
                    errors.append(.init(field: "value-\(code)", message: "Enter the new value for \(code) in pounds, like 45,630"))
                    continue
                }
                if amount != current.value { changed[route.id!] = amount }
            }
            return .changeValues(changed)
        case .addRoute:
            let route = byCode[values.route.trimmed]
            if route == nil { errors.append(.init(field: "route", message: "Choose the route to add")) }
            let amount = Money(parsing: values.value)
            if amount == nil { errors.append(.init(field: "value", message: "Enter the route's value in pounds, like 30,000")) }
            guard let route, let amount else { return nil }
            return .addRoute(route.id!, value: amount)
        case .removeRoute:
            guard let route = byCode[values.route.trimmed] else {
                errors.append(.init(field: "route", message: "Choose the route to remove"))
                return nil
            }
            return .removeRoute(route.id!)
        case .terminate:
            return .terminate
        }
    }
}
