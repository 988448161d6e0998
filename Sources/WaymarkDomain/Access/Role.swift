/// The roles a person can hold in an organisation of a tenant (DESIGN.md "Who uses it").
/// The platform operator is not a tenant role: it is a flag on the person.
public enum Role: String, CaseIterable, Sendable, Codable, Hashable {
    case commissioner
    case finance
    case partner
    case provider
    case assessor
    case viewer

    public var label: String {
        switch self {
        case .commissioner: "Commissioner"
        case .finance: "Finance"
        case .partner: "Partner"
        case .provider: "Provider"
        case .assessor: "Assessor"
        case .viewer: "Viewer"
        }
    }

    public var summary: String {
        switch self {
        case .commissioner: "Runs the programme: routes, organisations and people, calendars, imports and the audit log."
        case .finance: "Funding sources, allocations and payments; reads everything."
        case .partner: "Council, school, police or funder staff: sees the routes in their organisation's area."
        case .provider: "Charity or youth organisation: sees routes, its own bids, contracts and returns."
        case .assessor: "Evaluation panel member: declares conflicts and scores assigned bids."
        case .viewer: "Independent evaluator or board member: reads, never changes."
        }
    }
}

/// The kinds of organisation a tenant works with.
public enum OrganisationKind: String, CaseIterable, Sendable, Codable {
    case commissioner
    case localAuthority = "local_authority"
    case school
    case provider
    case funder
    case police
    case other

    public var label: String {
        switch self {
        case .commissioner: "Commissioner"
        case .localAuthority: "Local authority"
        case .school: "School"
        case .provider: "Provider"
        case .funder: "Funder"
        case .police: "Police"
        case .other: "Other"
        }
    }
}
