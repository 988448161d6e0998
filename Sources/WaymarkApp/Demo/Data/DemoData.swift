import Foundation

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
        funding: DemoWestMidlands.funding
    )

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
