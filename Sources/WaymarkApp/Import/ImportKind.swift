import Foundation

/// A column of an import template, as the column guide on the upload page explains it.
struct ImportColumn: Encodable, Sendable {
    let name: String
    let required: Bool
    let help: String
    let example: String

    enum CodingKeys: String, CodingKey { case name, required, help, example, hasExample }

    /// Adds `hasExample`: Leaf treats an empty string as true, so the page needs a Bool.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(required, forKey: .required)
        try container.encode(help, forKey: .help)
        try container.encode(example, forKey: .example)
        try container.encode(!example.isEmpty, forKey: .hasExample)
    }
}

/// What a commissioner can bulk-import. Each kind owns its template (columns and an
/// example row) so the page, the downloadable files and the validator cannot disagree.
enum ImportKind: String, CaseIterable, Sendable {
    case localAuthorities, organisations, people
    case routes, schools, calendars, fundingSources, allocations, pledges, contracts, returns

    var title: String {
        switch self {
        case .localAuthorities: "Local authorities"
        case .organisations: "Organisations"
        case .routes: "Routes"
        case .schools: "Schools"
        case .calendars: "Term calendars"
        case .fundingSources: "Funding sources"
        case .allocations: "Allocations"
        case .pledges: "Pledges on behalf of partners"
        case .contracts: "Existing contracts"
        case .returns: "Monthly returns on behalf of providers"
        case .people: "People to invite"
        }
    }

    /// One record of this kind, as the outcome counts it ("2 allocations added").
    var noun: String {
        switch self {
        case .localAuthorities: "local authority"
        case .organisations: "organisation"
        case .routes: "route"
        case .schools: "school"
        case .calendars: "calendar year"
        case .fundingSources: "funding source"
        case .allocations: "allocation"
        case .pledges: "pledge"
        case .contracts: "contract"
        case .returns: "monthly return"
        case .people: "invitation"
        }
    }

    var summary: String {
        switch self {
        case .localAuthorities:
            "Add local authorities by GSS code from the register of districts of England and Wales, and say which term calendar each follows."
        case .organisations:
            "Add organisations or update them by name: kind, local authority and public identifiers such as charity and company numbers."
        case .routes:
            "Add routes or update them by code: local authority, schools served, path, chaperone points, children a day, status and daily cost."
        case .schools:
            "Add schools or update them by URN: name, local authority, area, phase and location."
        case .calendars:
            "Replace whole academic years of a term calendar: terms, half-terms and INSET days."
        case .fundingSources:
            "Add funding sources or update them by reference: funder, programme, kind, amount, period, status and restrictions."
        case .allocations:
            "Allocate money from funding sources to routes: source reference, route, amount and period."
        case .pledges:
            "Record pledges partners made by letter or email: each pledge becomes a pledged source with an allocation per route."
        case .contracts:
            "Record contracts let before Waymark (direct awards, grant agreements, framework call-offs, tenders run elsewhere): a row per route, with any quarters already paid."
        case .returns:
            "Bring in providers' monthly returns kept in spreadsheets, many contracts and months in one file: a line per route per month."
        case .people:
            "Invite many people at once: name, email, organisation and role. Each gets an email with their own link to accept."
        }
    }

    /// How existing records are matched, said once on the page.
    var matching: String {
        switch self {
        case .localAuthorities:
            "A code this tenant already holds keeps its authority and only changes its calendar when one is given; any other code adds the authority under its official name."
        case .organisations:
            "A row whose name matches an existing organisation updates it; any other name adds one. Optional cells left blank keep what Waymark already holds."
        case .routes:
            "A row whose code matches an existing route updates it; any other code adds a route. Optional cells left blank keep what Waymark already holds."
        case .schools:
            "A row whose URN matches an existing school updates it; any other URN adds a school. Optional cells left blank keep what Waymark already holds."
        case .calendars:
            "For each calendar and academic year in the file, the file's rows replace every term, half-term and INSET day Waymark holds for that year. Years not in the file are left alone. A calendar name Waymark does not know adds a calendar."
        case .fundingSources:
            "A row whose reference matches an existing source updates it; any other reference adds a source. Optional cells left blank keep what Waymark already holds. The pledged_on, confirmed_on, received_on and withdrawn_on days record each step of a source's history on its day, so past dates read as they were; a status given without its day took effect today. A status only moves forward, and history already recorded is added to, not rewritten."
        case .allocations:
            "Every row adds an allocation. Rows are checked in order against what is already allocated, so earlier rows of the file count against the same source."
        case .pledges:
            "Rows sharing a pledge_reference form one pledge, with one route each. Each pledge is saved as pledged money awaiting your decision, recorded as pledged by you."
        case .contracts:
            "Rows sharing a contract_reference form one contract, with one route each. Every contract is added, with its payment schedule quarterly in arrears and the lines through paid_through marked paid; a reference Waymark already has is refused."
        case .returns:
            "Rows sharing a contract_reference and month form one return, which must have a line for each route the contract served that month. Each is submitted as a new version awaiting review, recorded as imported by you; a return already awaiting review or approved is refused."
        case .people:
            "Every row sends an invitation, as the organisation page does. A row for a role the person already holds or is already invited to is refused; nothing is sent unless every row is right."
        }
    }

    /// Whether a row may change a record Waymark already holds, rather than only add one.
    var updatesExisting: Bool {
        switch self {
        case .people, .contracts, .allocations, .pledges, .returns: false
        default: true
        }
    }

    var columns: [ImportColumn] {
        switch self {
        case .localAuthorities: LocalAuthorityImport.columns
        case .organisations: OrganisationImport.columns
        case .routes: RouteImport.columns
        case .schools: SchoolImport.columns
        case .calendars: CalendarImport.columns
        case .fundingSources: FundingSourceImport.columns
        case .allocations: AllocationImport.columns
        case .pledges: PledgeImport.columns
        case .contracts: ContractImport.columns
        case .returns: ReturnsImport.columns
        case .people: PeopleImport.columns
        }
    }

    /// Rows of the template after the header: a worked example people overwrite.
    var exampleRows: [[String]] {
        switch self {
        case .localAuthorities: LocalAuthorityImport.exampleRows
        case .organisations: OrganisationImport.exampleRows
        case .routes: RouteImport.exampleRows
        case .schools: SchoolImport.exampleRows
        case .calendars: CalendarImport.exampleRows
        case .fundingSources: FundingSourceImport.exampleRows
        case .allocations: AllocationImport.exampleRows
        case .pledges: PledgeImport.exampleRows
        case .contracts: ContractImport.exampleRows
        case .returns: ReturnsImport.exampleRows
        case .people: PeopleImport.exampleRows
        }
    }
}
