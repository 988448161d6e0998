import Foundation

/// A change to a contract's terms.
///
/// A variation changes exactly what it names. Only `changeValues` and `addRoute` change money:
/// removing a route or terminating keeps the values agreed until a value change says what the
/// provider is owed, because what is fair for days already served is a negotiated figure, not
/// a formula. (Approve a `changeValues` with the same effective day alongside.)
public enum VariationChange: Hashable, Sendable, Codable {
    /// The contract now ends on this later day.
    case extend(newEnd: Day)
    /// These routes' values change to the amounts given (routes not named keep theirs).
    case changeValues([UUID: Money])
    /// A route joins the contract from the effective day, worth this much.
    case addRoute(UUID, value: Money)
    /// A route leaves: its last day of service is the day before the effective day.
    case removeRoute(UUID)
    /// The contract ends early: the effective day is its last day of service.
    case terminate

    /// "Extension", "Value change"…, for history lists.
    public var displayName: String {
        switch self {
        case .extend: "Extension"
        case .changeValues: "Value change"
        case .addRoute: "Route added"
        case .removeRoute: "Route removed"
        case .terminate: "Termination"
        }
    }
}

/// An approved change to a contract, with why, from when, and on whose authority.
public struct ContractVariation: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var change: VariationChange
    public var reason: String
    /// The first day the changed terms apply (for a termination, the last day of service).
    public var effective: Day
    public var approvedBy: UUID
    public var approvedAt: Date

    public init(id: UUID = UUID(), change: VariationChange, reason: String, effective: Day, approvedBy: UUID, approvedAt: Date) {
        self.id = id
        self.change = change
        self.reason = reason
        self.effective = effective
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
    }
}

extension ContractTerms {
    /// These terms with `change` made from `effective`. Total: a change that does not fit
    /// (a route not on the contract, say) leaves the terms as they are — `VariationRules`
    /// refuses such variations before they are stored.
    public func applying(_ change: VariationChange, effective: Day) -> ContractTerms {
        var terms = self
        switch change {
        case .extend(let newEnd):
            terms.end = Swift.max(newEnd, end)
        case .changeValues(let values):
            for index in terms.routes.indices {
                if let value = values[terms.routes[index].routeID] { terms.routes[index].value = value }
            }
        case .addRoute(let routeID, let value):
            if route(routeID) == nil { terms.routes.append(ContractRoute(routeID: routeID, value: value, from: effective)) }
        case .removeRoute(let routeID):
            if let index = terms.routes.firstIndex(where: { $0.routeID == routeID }), terms.routes[index].until == nil {
                terms.routes[index].until = effective.previous
            }
        case .terminate:
            terms.end = Swift.min(effective, end)
            terms.terminated = true
        }
        return terms
    }
}
