import Fluent
import Foundation
import WaymarkDomain

/// What a file's rows may refer to, loaded once from the signed-in tenant only. Every
/// lookup by code or name goes through here, so a GSS code, URN or calendar of another
/// tenant is simply unknown — an import can never reach across tenants.
struct ImportReference: Sendable {
    let authoritiesByKey: [String: LocalAuthority]
    let areas: [Area]
    let schoolsByURN: [String: School]
    let routesByCode: [String: Route]
    let calendarsByName: [String: TermCalendarRecord]
    let schoolIDsByRoute: [UUID: Set<UUID>]
    let costsByRoute: [UUID: [RouteCostModel.Entry]]
    let periodsByCalendar: [UUID: [TermPeriod]]
    let funding: FundingImportReference
    /// Today by the application clock: what a blank effective day means, and the latest a
    /// typed one may be.
    let today: Day

    static func load(_ context: TenantContext) async throws -> ImportReference {
        let authorities = try await context.query(LocalAuthority.self).all()
        var byKey: [String: LocalAuthority] = [:]
        for authority in authorities {
            byKey[key(authority.gssCode)] = authority
            byKey[key(authority.name)] = authority
        }
        let schools = try await context.query(School.self).all()
        let routes = try await context.query(Route.self).all()
        let calendars = try await context.query(TermCalendarRecord.self).all()
        let routeSchools = try await context.query(RouteSchool.self).all()
        let costs = try await context.query(RouteCostRecord.self).all()
        let periods = try await context.query(TermPeriod.self).all()
        return ImportReference(
            authoritiesByKey: byKey,
            areas: try await context.query(Area.self).all(),
            schoolsByURN: Dictionary(schools.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first }),
            routesByCode: Dictionary(routes.map { (key($0.code), $0) }, uniquingKeysWith: { first, _ in first }),
            calendarsByName: Dictionary(calendars.map { (key($0.name), $0) }, uniquingKeysWith: { first, _ in first }),
            schoolIDsByRoute: Dictionary(grouping: routeSchools, by: \.routeID).mapValues { Set($0.map(\.schoolID)) },
            costsByRoute: Dictionary(grouping: costs, by: \.routeID).mapValues { $0.map(\.entry) },
            periodsByCalendar: Dictionary(grouping: periods, by: \.calendarID),
            funding: try await FundingImportReference.load(context, routes: routes, authorities: authorities),
            today: context.today)
    }

    /// Codes and names match whatever their case and spacing.
    static func key(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A local authority by GSS code or name, recording an issue when unknown.
    func authority(_ reader: inout RowReader, _ column: String, required: Bool = true) -> LocalAuthority? {
        guard let raw = reader.text(column, required: required) else { return nil }
        guard let authority = authoritiesByKey[Self.key(raw)] else {
            reader.fail(column, "'\(raw)' is not one of this tenant's local authorities: use its GSS code, such as E08000025")
            return nil
        }
        return authority
    }

    func area(named name: String, in authorityID: UUID) -> Area? {
        areas.first { $0.localAuthorityID == authorityID && Self.key($0.name) == Self.key(name) }
    }

    func route(code: String) -> Route? { routesByCode[Self.key(code)] }
    func calendar(named name: String) -> TermCalendarRecord? { calendarsByName[Self.key(name)] }
}
