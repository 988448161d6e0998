/// What a signed-in member of a tenant may do. Each page and API call names the one
/// capability it needs; this table is the only place that says which roles have it.
public enum Capability: String, CaseIterable, Sendable {
    case viewRoutes
    case editRoutes
    case viewCalendars
    /// Local authorities (from the register), their term calendars and areas.
    case editCalendars
    case viewOrganisations
    /// Organisations (add, change, retire) and the people in them (invitations, roles).
    case manageMembers
    case importData
    case viewAudit
    case useOwnAPITokens
    /// Funding sources, allocations, the dashboard and the region map (partners: their own money and area).
    case viewFunding
    /// Record sources, change their status, allocate money to routes.
    case editFunding
    /// Offer money to routes in the partner's area, and withdraw it before a decision.
    case makePledges
    /// Confirm or decline partners' pledges.
    case decidePledges
    /// Read one's own alerts.
    case readInbox
    /// Forecasts: editors see every saved scenario; everyone else only those shared with partners.
    case viewForecasts
    /// Build, run, share and delete forecast scenarios.
    case editForecasts
    /// Specifications: commissioners see drafts too; everyone else the published ones.
    case viewSpecifications
    /// Write, publish, close and cancel specifications, and answer clarification questions.
    case editSpecifications
    /// Ask clarification questions, and draft, submit and withdraw the organisation's bids.
    case bidForWork
    /// Read bids once the seal allows (`BidAccess` decides each one).
    case readBids
    /// Declare conflicts of interest and score the bids of a panel one sits on.
    case scoreBids
    /// Assign assessors, agree moderated scores, rank and award, and make the contract.
    case runEvaluations
    /// Contracts and their payment schedules: providers see only their own.
    case viewContracts
    /// Record contracts let before or outside Waymark (direct awards, grants, call-offs), by form or import.
    case recordContracts
    /// Approve variations to contracts.
    case varyContracts
    /// Mark payment lines paid.
    case recordPayments
    /// Read monthly returns and the delivery dashboards: providers their own contracts',
    /// partners the routes they fund.
    case viewReturns
    /// File a monthly return for one's own organisation's contracts.
    case fileReturns
    /// Approve, query or send back a return, and extend its due date.
    case reviewReturns
    /// The tenant's own settings: risk windows and the day monthly returns fall due.
    case changeSettings
}

/// How much of the tenant's routes a role sees: all of them, or those in the local
/// authority of the person's organisation (a council's or a school's partner).
public enum RouteVisibility: Sendable, Hashable {
    case all
    case localAuthorities(Set<String>)
}

public enum AccessPolicy {
    /// The role table, written down once. `ops/test` checks it both ways.
    public static let table: [Capability: Set<Role>] = [
        .viewRoutes: Set(Role.allCases),
        .editRoutes: [.commissioner],
        .viewCalendars: Set(Role.allCases),
        .editCalendars: [.commissioner],
        .viewOrganisations: [.commissioner, .finance, .viewer],
        .manageMembers: [.commissioner],
        .importData: [.commissioner],
        .viewAudit: [.commissioner],
        .useOwnAPITokens: Set(Role.allCases),
        .viewFunding: [.commissioner, .finance, .partner, .viewer],
        .editFunding: [.commissioner, .finance],
        .makePledges: [.partner],
        .decidePledges: [.commissioner],
        .readInbox: Set(Role.allCases),
        .viewForecasts: [.commissioner, .finance, .partner, .viewer],
        .editForecasts: [.commissioner, .finance],
        .viewSpecifications: Set(Role.allCases),
        .editSpecifications: [.commissioner],
        .bidForWork: [.provider],
        .readBids: [.commissioner, .assessor],
        .scoreBids: [.assessor],
        .runEvaluations: [.commissioner],
        .viewContracts: [.commissioner, .finance, .provider, .viewer],
        .recordContracts: [.commissioner],
        .varyContracts: [.commissioner],
        .recordPayments: [.finance],
        .viewReturns: [.commissioner, .finance, .partner, .provider, .viewer],
        .fileReturns: [.provider],
        .reviewReturns: [.commissioner],
        .changeSettings: [.commissioner],
    ]

    /// A person with several roles in a tenant may do what any of them allows.
    public static func allows(_ roles: Set<Role>, _ capability: Capability) -> Bool {
        !(table[capability] ?? []).isDisjoint(with: roles)
    }

    /// Partners see the routes of their organisations' local authorities; a partner
    /// whose organisation has no local authority (police, a national funder) and
    /// every other role see all routes. `partnerAuthorities` is nil when any of the
    /// person's partner organisations is tenant-wide.
    public static func routeVisibility(roles: Set<Role>, partnerAuthorities: Set<String>?) -> RouteVisibility {
        let nonPartner = roles.subtracting([.partner])
        if !nonPartner.isEmpty || !roles.contains(.partner) { return .all }
        guard let authorities = partnerAuthorities else { return .all }
        return .localAuthorities(authorities)
    }
}
