import Foundation
import Vapor
import WaymarkDomain

/// The kinds of variation, one form each (`?kind=` on the variation URL).
enum VariationKind: String, CaseIterable, Sendable {
    case extend, values, addRoute = "add-route", removeRoute = "remove-route", terminate

    /// The contract page's link to this kind's form.
    var linkLabel: String {
        switch self {
        case .extend: "Extend it"
        case .values: "Change route values"
        case .addRoute: "Add a route"
        case .removeRoute: "Remove a route"
        case .terminate: "Terminate it"
        }
    }

    var heading: String {
        switch self {
        case .extend: "Extend the contract"
        case .values: "Change route values"
        case .addRoute: "Add a route to the contract"
        case .removeRoute: "Remove a route from the contract"
        case .terminate: "Terminate the contract"
        }
    }

    var effectiveLabel: String {
        switch self {
        case .terminate: "Last day of service"
        case .removeRoute: "First day the route is no longer served"
        case .addRoute: "First day the route is served"
        default: "Date the change takes effect"
        }
    }

    var effectiveHint: String {
        switch self {
        case .terminate: "The contract ends on this day. It must be before the current end."
        case .removeRoute: "The route's last day of service is the day before."
        case .extend: "Usually today, or the day the extension was agreed."
        default: "It must fall within the contract and not before the last variation's."
        }
    }

    /// The form field a domain problem belongs beside, for this kind's form.
    func field(of problem: ContractProblem.Field) -> String {
        switch (problem, self) {
        case (.reason, _): "reason"
        case (.effective, _): "effective_day"
        case (.end, _), (.period, .extend): "new_end"
        case (.period, _): "effective_day"
        case (.value, .values), (.routes, .values): "values"
        case (.value, .addRoute): "value"
        case (.routes, .addRoute), (.routes, .removeRoute): "route"
        default: "kind"
        }
    }

    /// A payment re-planning problem's field on this kind's form.
    func field(of problem: PaymentProblem.Field) -> String {
        switch (problem, self) {
        case (.period, .extend): "new_end"
        case (.value, .values): "values"
        case (.value, .addRoute): "value"
        default: "effective_day"
        }
    }

    static func from(_ req: Request) throws -> VariationKind {
        guard let raw = req.query[String.self, at: "kind"], let kind = VariationKind(rawValue: raw) else { throw WaymarkError.notFound }
        return kind
    }
}
