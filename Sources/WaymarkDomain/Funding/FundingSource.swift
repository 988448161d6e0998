import Foundation

/// A pot of money that may pay for routes: a Home Office grant, a council's contribution, a
/// school's buy-in, a trust's award (DESIGN.md, "Funding").
///
/// The source records what the funder has said, not what has been spent: spending is the
/// coverage walk's job, and allocations say which routes the money is meant for.
public struct FundingSource: Hashable, Sendable, Codable, Identifiable {
    /// Who the funder is, by type — used for reporting and for the simulation's defaults.
    public enum Kind: String, CaseIterable, Hashable, Sendable, Codable {
        case centralGrant, council, school, policeAndCrimeCommissioner, trustOrFoundation, other

        public var displayName: String {
            switch self {
            case .centralGrant: "Central government grant"
            case .council: "Council"
            case .school: "School"
            case .policeAndCrimeCommissioner: "Police and Crime Commissioner"
            case .trustOrFoundation: "Trust or foundation"
            case .other: "Other"
            }
        }
    }

    /// How firm the money is. It normally moves prospective → pledged → confirmed → received;
    /// withdrawn can happen at any point and means the money will not come.
    public enum Status: String, CaseIterable, Hashable, Sendable, Codable {
        case prospective, pledged, confirmed, received, withdrawn

        /// Money the tenant can rely on: *secured* coverage counts only this.
        public var countsAsSecured: Bool { self == .confirmed || self == .received }

        /// Money expected to arrive: *projected* coverage adds pledges to the secured money.
        /// Prospective money (a bid not yet answered) and withdrawn money never count.
        public var countsAsProjected: Bool { countsAsSecured || self == .pledged }

        public var displayName: String {
            switch self {
            case .prospective: "Prospective"
            case .pledged: "Pledged"
            case .confirmed: "Confirmed"
            case .received: "Received"
            case .withdrawn: "Withdrawn"
            }
        }
    }

    /// What the funder allows the money to pay for. An empty set means "any"; when both sets
    /// are given a route must satisfy both, because each is a condition the funder imposed
    /// and paying for a route that breaks either would misspend the grant.
    public struct Restrictions: Hashable, Sendable, Codable {
        public var localAuthorityIDs: Set<UUID>
        public var routeIDs: Set<UUID>

        public init(localAuthorityIDs: Set<UUID> = [], routeIDs: Set<UUID> = []) {
            self.localAuthorityIDs = localAuthorityIDs
            self.routeIDs = routeIDs
        }

        public static let none = Restrictions()

        public var isUnrestricted: Bool { localAuthorityIDs.isEmpty && routeIDs.isEmpty }

        /// Whether the money may pay for this route. A route with no known local authority
        /// fails an authority restriction: the funder's condition cannot be shown to hold.
        public func allows(routeID: UUID, localAuthorityID: UUID?) -> Bool {
            allowsRoute(routeID) && allowsLocalAuthority(localAuthorityID)
        }

        public func allowsRoute(_ routeID: UUID) -> Bool {
            routeIDs.isEmpty || routeIDs.contains(routeID)
        }

        public func allowsLocalAuthority(_ localAuthorityID: UUID?) -> Bool {
            guard !localAuthorityIDs.isEmpty else { return true }
            return localAuthorityID.map(localAuthorityIDs.contains) ?? false
        }
    }

    public var id: UUID
    /// "Home Office", "Birmingham City Council".
    public var funderName: String
    /// The funder's name for the scheme: "Serious Violence Fund", "grant", "Safer Streets 5".
    public var programmeName: String
    public var kind: Kind
    public var amount: Money
    public var period: DayRange
    public var status: Status
    public var restrictions: Restrictions
    /// Whether the funder usually renews at the end (the simulation draws renewal from it).
    public var renewable: Bool
    /// The funder's or finance's own reference, e.g. a grant agreement number.
    public var reference: String

    public init(id: UUID = UUID(), funderName: String, programmeName: String, kind: Kind,
                amount: Money, period: DayRange, status: Status,
                restrictions: Restrictions = .none, renewable: Bool = false, reference: String = "") {
        self.id = id
        self.funderName = funderName
        self.programmeName = programmeName
        self.kind = kind
        self.amount = amount
        self.period = period
        self.status = status
        self.restrictions = restrictions
        self.renewable = renewable
        self.reference = reference
    }

    /// How reasons and messages name the source: funder then programme ("Home Office grant"),
    /// without repeating the funder when the programme already starts with it.
    public var label: String {
        let programme = programmeName.trimmingCharacters(in: .whitespaces)
        let funder = funderName.trimmingCharacters(in: .whitespaces)
        if programme.isEmpty { return funder }
        if funder.isEmpty || programme.lowercased().hasPrefix(funder.lowercased()) { return programme }
        return "\(funder) \(programme)"
    }
}
