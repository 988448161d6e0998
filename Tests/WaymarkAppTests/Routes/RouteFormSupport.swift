import Fluent
import Foundation
import XCTVapor
import WaymarkDomain
@testable import WaymarkApp

/// The route forms' fields as a browser sends them, read from the database.
extension AppTestCase {
    static let wolverhampton = "E08000031"

    func route(_ code: String) async throws -> WaymarkApp.Route? {
        try await platform { db in try await WaymarkApp.Route.query(on: db).filter(\.$code == code).first() }
    }

    func areas(of gss: String) async throws -> [Area] {
        try await platform { db in
            let authority = try await LocalAuthority.query(on: db).filter(\.$gssCode == gss).first()!
            return try await Area.query(on: db).filter(\.$localAuthorityID == authority.id!).sort(\.$name).all()
        }
    }

    func schools(of gss: String) async throws -> [School] {
        try await platform { db in
            let authority = try await LocalAuthority.query(on: db).filter(\.$gssCode == gss).first()!
            return try await School.query(on: db).filter(\.$localAuthorityID == authority.id!).sort(\.$name).all()
        }
    }

    func costs(of code: String) async throws -> [RouteCostRecord] {
        let id = try await route(code)!.id!
        return try await platform { db in try await RouteCostRecord.query(on: db).filter(\.$routeID == id).sort(\.$effectiveFrom).all() }
    }

    func schoolLinks(of code: String) async throws -> [UUID] {
        let id = try await route(code)!.id!
        return try await platform { db in try await RouteSchool.query(on: db).filter(\.$routeID == id).all().map(\.schoolID) }
    }

    /// Today is 15 January 2024 for these tests, so "in force" and "future" stay put.
    func stopClockAt15January2024() {
        app.clock.set(ISO8601DateFormatter().date(from: "2024-01-15T12:00:00Z"))
    }

    /// A new route's fields, each of which a test may replace.
    func newRouteFields(code: String = "TEST-01") async throws -> [(String, String)] {
        let area = try await areas(of: Self.wolverhampton).first!
        let school = try await schools(of: Self.wolverhampton).first!
        return [("code", code), ("name", "Test Lane: Mill Street to Church Road"), ("local_authority", Self.wolverhampton),
                ("area", area.id!.uuidString), ("schools[]", school.id!.uuidString), ("children_per_day", "1,250"),
                ("status", "active"), ("start_day", "2023-09-04"), ("end_day", ""),
                ("path", "52.5965 -2.1006;\n52.5958 -2.0989;\n52.5952 -2.0970"),
                ("chaperone_points", "Mill Street corner: 52.5958 -2.0989"),
                ("cost_from", "2023-09-04"), ("chaperones", "2"), ("minutes_per_day", "180"),
                ("hourly_rate", "15.00"), ("daily_management", "10.00")]
    }

    /// An existing route's edit form as the page fills it in.
    func editFields(_ code: String) async throws -> [(String, String)] {
        let route = try await route(code)!
        let gss = try await platform { db in try await LocalAuthority.find(route.localAuthorityID, on: db)!.gssCode }
        let schools = try await schoolLinks(of: code)
        return [("name", route.name), ("local_authority", gss), ("area", route.areaID?.uuidString ?? ""),
                ("children_per_day", String(route.childrenPerDay)), ("status", route.status),
                ("start_day", route.startDay ?? ""), ("end_day", route.endDay ?? ""),
                ("path", RouteRules.formatPath(route.path)),
                ("chaperone_points", RouteRules.formatChaperonePoints(route.chaperonePoints)),
                ("version", String(route.version))] + schools.map { ("schools[]", $0.uuidString) }
    }
}

extension Array where Element == (String, String) {
    /// The fields with `name` set to `value` (every `name[]` box replaced when given a list).
    func setting(_ name: String, _ values: String...) -> [(String, String)] {
        filter { $0.0 != name } + values.map { (name, $0) }
    }
}
