import Foundation

// Plain values for seeding demo tenants. Dates are ISO "yyyy-MM-dd" strings, money is Int64 pence and
// coordinates are WGS84 degrees, so the seeder decides how to turn them into domain values.

struct DemoLocalAuthority {
    let name: String
    let gssCode: String
    let calendarKey: String
}

struct DemoSchool {
    let name: String
    let urn: String
    let localAuthority: String  // DemoLocalAuthority.name
    let area: String
    let latitude: Double
    let longitude: Double
    let phase: String  // "primary" | "secondary"
}

struct DemoPoint {
    let latitude: Double
    let longitude: Double
}

struct DemoChaperonePoint {
    let label: String
    let latitude: Double
    let longitude: Double
}

struct DemoRoute {
    let code: String
    let name: String
    let localAuthority: String  // DemoLocalAuthority.name
    let area: String
    let schoolURNs: [String]
    let path: [DemoPoint]  // residential end first, school gate last
    let chaperonePoints: [DemoChaperonePoint]
    let childrenPerDay: Int
    let status: String  // "proposed" | "active" | "paused" | "closed"
    let startDate: String
    let endDate: String?
    let chaperones: Int
    let hoursPerDayMinutes: Int  // per chaperone
    let hourlyRatePence: Int64
    let dailyManagementPence: Int64
    /// For a closed route: the day its closure was decided (an effective day, like a funding
    /// fact's), so views of earlier days still show it running.
    var closedOn: String? = nil

    /// chaperones × hours × hourly rate + daily management; every demo route divides exactly.
    var dailyCostPence: Int64 {
        Int64(chaperones) * Int64(hoursPerDayMinutes) * hourlyRatePence / 60 + dailyManagementPence
    }
}

struct DemoTermYear {
    let label: String  // "2022/23"
    let terms: [(start: String, end: String)]  // inclusive; INSET days fall inside terms
    let halfTerms: [(start: String, end: String)]  // inclusive, inside terms
    let insetDays: [String]  // closures for pupils
}

struct DemoCalendar {
    let key: String
    let name: String
    let years: [DemoTermYear]
}

struct DemoOrganisation {
    let name: String
    let kind: String  // commissioner | local_authority | school | provider | funder | police | other
    let gssCode: String?
    let charityNumber: String?
    let companyNumber: String?
    let urn: String?
    let localAuthority: String?  // DemoLocalAuthority.name
}

/// One membership: a person in two organisations appears twice, with the same name and email.
struct DemoPerson {
    let name: String
    let email: String
    let organisation: String  // DemoOrganisation.name
    let role: String  // commissioner | finance | partner | provider | assessor | viewer
}

struct DemoTenant {
    let slug: String
    let name: String
    let localAuthorities: [DemoLocalAuthority]
    let calendars: [DemoCalendar]
    let schools: [DemoSchool]
    let routes: [DemoRoute]
    let organisations: [DemoOrganisation]
    let people: [DemoPerson]
    var funding: [DemoSource] = []
    /// What the tenant's settings say for its open data (org-id, 360Giving and OCDS prefixes):
    /// made-up identifiers, marked DEMO, like every identifier of the demo.
    var openData: (orgID: String, grantPrefix: String, ocdsPrefix: String)?
}

/// A funding source of the demo story. Allocations name routes and periods; their
/// amounts are worked out when seeding, as each route's daily cost over its school days
/// in the period, so the story holds whatever the calendars and costs say.
struct DemoSource {
    struct StatusStep { let status: String; let on: String }

    let funder: String
    let programme: String
    let kind: String
    /// Pence; nil means exactly what the allocations need.
    let amountPence: Int64?
    let start: String
    let end: String
    /// In order; the first step is when Waymark first heard of the source.
    let history: [StatusStep]
    var renewable = false
    var reference = ""
    let routes: [String]
}
