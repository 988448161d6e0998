import Foundation
import WaymarkDomain

/// The demo tenants. West Midlands is the real-world first tenant (real places, invented schools,
/// providers and people); Northmoor is wholly fictional and exists to show tenant isolation.
enum DemoData {
    static let westMidlands = DemoTenant(
        slug: "west-midlands",
        name: "West Midlands Violence Reduction Partnership",
        localAuthorities: DemoWestMidlands.localAuthorities,
        calendars: [DemoWestMidlands.standardCalendar, DemoWestMidlands.wolverhamptonCalendar],
        schools: DemoWestMidlands.schools,
        routes: DemoWestMidlands.birminghamRoutes
            + DemoWestMidlands.solihullAndCoventryRoutes
            + DemoWestMidlands.wolverhamptonAndWalsallRoutes
            + DemoWestMidlands.dudleyAndSandwellRoutes,
        organisations: DemoWestMidlands.organisations,
        people: DemoWestMidlands.people,
        funding: DemoWestMidlands.funding,
        openData: (orgID: "GB-GOR-DEMO-WMVRP", grantPrefix: "demo-wmvrp", ocdsPrefix: "ocds-demo01")
    )

    /// The West Midlands as seeded on `today`: the story, its lost routes closed, carried on to
    /// `today` (WestMidlandsCarriedOn) with term dates to match.
    static func westMidlands(today: Day) -> DemoTenant {
        let story = westMidlands
        let lastYear = DemoWestMidlands.lastAcademicYear(today: today)
        let routes = story.routes.map { route -> DemoRoute in
            guard DemoWestMidlands.lostRoutes.contains(route.code) else { return route }
            var closed = DemoRoute(code: route.code, name: route.name, localAuthority: route.localAuthority, area: route.area,
                                   schoolURNs: route.schoolURNs, path: route.path, chaperonePoints: route.chaperonePoints,
                                   childrenPerDay: route.childrenPerDay, status: "closed", startDate: route.startDate,
                                   endDate: DemoWestMidlands.lostRoutesEnd, chaperones: route.chaperones,
                                   hoursPerDayMinutes: route.hoursPerDayMinutes, hourlyRatePence: route.hourlyRatePence,
                                   dailyManagementPence: route.dailyManagementPence)
            closed.closedOn = DemoWestMidlands.lostRoutesClosedOn
            return closed
        }
        return DemoTenant(slug: story.slug, name: story.name, localAuthorities: story.localAuthorities,
                          calendars: story.calendars.map { $0.extended(through: lastYear) }, schools: story.schools, routes: routes,
                          organisations: story.organisations, people: story.people,
                          funding: story.funding + DemoWestMidlands.carriedOnFunding(today: today), openData: story.openData)
    }

    static let secondTenant = DemoTenant(
        slug: "northmoor",
        name: "Northmoor Violence Reduction Unit",
        localAuthorities: DemoNorthmoor.localAuthorities,
        calendars: [DemoNorthmoor.calendar],
        schools: DemoNorthmoor.schools,
        routes: DemoNorthmoor.routes,
        organisations: DemoNorthmoor.organisations,
        people: DemoNorthmoor.people
    )
}

/// Namespaces for the pieces each tenant is assembled from.
enum DemoWestMidlands {}
enum DemoNorthmoor {}
