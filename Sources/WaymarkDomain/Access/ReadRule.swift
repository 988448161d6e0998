import Foundation

/// Who is reading, as the read rule needs them: the roles they hold in the tenant, and in which
/// organisations. Built once per request from the person's memberships.
public struct Reader: Hashable, Sendable {
    /// One organisation the person belongs to, with the roles they hold there.
    public struct Organisation: Hashable, Sendable {
        public let id: UUID
        public let roles: Set<Role>
        /// Its local authority's GSS code; nil for an organisation that covers the whole tenant
        /// (the police, a national funder, the partnership itself).
        public let localAuthority: String?

        public init(id: UUID, roles: Set<Role>, localAuthority: String?) {
            self.id = id
            self.roles = roles
            self.localAuthority = localAuthority
        }
    }

    public let personID: UUID
    public let organisations: [Organisation]

    public init(personID: UUID, organisations: [Organisation]) {
        self.personID = personID
        self.organisations = organisations
    }

    public var roles: Set<Role> { organisations.reduce(into: []) { $0.formUnion($1.roles) } }

    /// The organisations in which the person holds `role`.
    public func organisations(as role: Role) -> Set<UUID> {
        Set(organisations.filter { $0.roles.contains(role) }.map(\.id))
    }
}

/// One row somebody might read, described by the facts the read rule needs, whatever page, CSV,
/// chart or API answer shows it.
public enum ReadableRow: Hashable, Sendable {
    case localAuthority(gss: String)
    case route(localAuthority: String)
    /// A funding source (and so its allocations, its place among the grants ending soon, its lapses).
    case fundingSource(funder: UUID)
    case pledge(organisation: UUID)
    /// A contract and its payment lines.
    case contract(provider: UUID)
    /// A contract's monthly returns: `fundedByReader` when the reader's organisations pay for one
    /// of its routes (a source of theirs allocated to the route, or paying the contract).
    case monthlyReturn(provider: UUID, fundedByReader: Bool)
    case specification(published: Bool)
    /// A clarification question: every reader of the specification once it is answered; before
    /// then only commissioners and the organisation that asked.
    case clarification(askedBy: UUID, answered: Bool)
    /// An entry of the tenant's audit log (its readers hold `viewAudit`); see `AuditRow`.
    case auditEntry(AuditRow)
    case scenario(sharedWithPartners: Bool)
    /// An alert in somebody's inbox.
    case alert(addressedTo: UUID)
}

/// What the read rule needs to know about an audit entry: most entries are plain, but the bid
/// seal holds in the log too.
public enum AuditRow: Hashable, Sendable {
    case plain
    /// About a bid (submitted, withdrawn, read): nobody learns who bid before the deadline.
    case bid(deadlinePassed: Bool)
}

/// Which rows a person may read (DESIGN.md "Who uses it", docs/roles.md): the one rule every
/// page, CSV, chart, API answer and inbox asks, beside `AccessPolicy.table`, which says what a
/// person may do. Whether they may open a page at all is the capability's business; this says
/// which rows the page then shows them. Bids themselves are `BidAccess.decide`'s: the seal.
public enum ReadRule {
    /// Whether `reader` may read `row`.
    public static func allows(_ reader: Reader, _ row: ReadableRow) -> Bool {
        let scope = ReadScope(reader)
        switch row {
        case .localAuthority(let gss), .route(let gss):
            return scope.routes.includes(gss)
        case .fundingSource(let funder):
            return scope.funders.map { $0.contains(funder) } ?? true
        case .pledge(let organisation):
            return scope.funders.map { $0.contains(organisation) } ?? true
        case .contract(let provider):
            return scope.providers.map { $0.contains(provider) } ?? true
        case let .monthlyReturn(provider, funded):
            return scope.returns.sees(provider: provider, fundedByReader: funded)
        case .specification(let published):
            return published || AccessPolicy.allows(reader.roles, .editSpecifications)
        case let .clarification(askedBy, answered):
            return answered || AccessPolicy.allows(reader.roles, .editSpecifications) || reader.organisations(as: .provider).contains(askedBy)
        case .auditEntry(let entry):
            guard AccessPolicy.allows(reader.roles, .viewAudit) else { return false }
            switch entry {
            case .plain: return true
            case .bid(let deadlinePassed): return deadlinePassed
            }
        case .scenario(let shared):
            return shared || AccessPolicy.allows(reader.roles, .editForecasts)
        case .alert(let person):
            return person == reader.personID && !reader.organisations.isEmpty
        }
    }
}

/// The read rule as scopes a query can filter by: for each kind of row whose readability
/// depends on an organisation, nil for every row, or the organisations (or local authorities)
/// whose rows the person reads. A role beside the limited one that reads everything of that kind
/// lifts the limit: a partner who is also a viewer reads every source.
public struct ReadScope: Hashable, Sendable {
    public let routes: RouteVisibility
    /// Funding sources and pledges: nil, or the funder organisations (a partner's own).
    public let funders: Set<UUID>?
    /// Contracts and their payment lines: nil, or the provider organisations (a provider's own).
    public let providers: Set<UUID>?
    public let returns: ReturnReading
    /// Alerts: those addressed to this person; nil for the public, who have none.
    public let alertsAddressedTo: UUID?

    /// The public's: nothing of the tenant's own (what is published is read otherwise).
    public static let nothing = ReadScope(routes: .localAuthorities([]), funders: [], providers: [],
                                          returns: .limited(providers: [], fundedRoutes: false), alertsAddressedTo: nil)

    private init(routes: RouteVisibility, funders: Set<UUID>?, providers: Set<UUID>?, returns: ReturnReading, alertsAddressedTo: UUID?) {
        self.routes = routes
        self.funders = funders
        self.providers = providers
        self.returns = returns
        self.alertsAddressedTo = alertsAddressedTo
    }

    public init(_ reader: Reader) {
        // Someone who belongs to nothing in the tenant (the public) reads none of its own rows.
        guard !reader.organisations.isEmpty else { self = .nothing; return }
        let roles = reader.roles
        func limited(to role: Role, _ capability: Capability) -> Set<UUID>? {
            let others = roles.subtracting([role])
            return others.contains { AccessPolicy.allows([$0], capability) } ? nil : reader.organisations(as: role)
        }
        let partnerOrganisations = reader.organisations.filter { $0.roles.contains(.partner) }
        let tenantWide = partnerOrganisations.contains { $0.localAuthority == nil }
        routes = AccessPolicy.routeVisibility(roles: roles,
                                              partnerAuthorities: tenantWide ? nil : Set(partnerOrganisations.compactMap(\.localAuthority)))
        funders = limited(to: .partner, .viewFunding)
        providers = limited(to: .provider, .viewContracts)
        let wide = roles.subtracting([.provider, .partner]).contains { AccessPolicy.allows([$0], .viewReturns) }
        returns = wide ? .everything
            : .limited(providers: roles.contains(.provider) ? reader.organisations(as: .provider) : [],
                       fundedRoutes: roles.contains(.partner))
        alertsAddressedTo = reader.personID
    }
}

/// Whose monthly returns a person reads: every one, or those of their own organisations'
/// contracts (providers) and of the routes their organisations fund (partners: only those
/// routes' lines).
public enum ReturnReading: Hashable, Sendable {
    case everything
    case limited(providers: Set<UUID>, fundedRoutes: Bool)

    public func sees(provider: UUID, fundedByReader: Bool) -> Bool {
        switch self {
        case .everything: true
        case let .limited(providers, fundedRoutes): providers.contains(provider) || (fundedRoutes && fundedByReader)
        }
    }
}

extension RouteVisibility {
    public func includes(_ gss: String) -> Bool {
        switch self {
        case .all: true
        case .localAuthorities(let codes): codes.contains(gss)
        }
    }
}
