import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// The fields of the add-route and edit-route forms, and their checks. The rules that
/// the import also applies (code, lengths, ranges, dates, path, chaperone points, cost)
/// come from WaymarkDomain's RouteRules; this adds only what a form needs on top:
/// a choice from lists rather than a typed name.
enum RouteForm {
    struct Form: Content {
        var code: String?
        var name: String?
        var local_authority: String?
        var area: String?
        var schools: [String]?
        var children_per_day: String?
        var status: String?
        var start_day: String?
        var end_day: String?
        var path: String?
        var chaperone_points: String?
        var version: String?
    }

    /// What was typed, kept as typed so a refused form comes back as it was sent.
    struct Values: Encodable {
        var code = "", name = "", localAuthority = "", area = "", schools: [String] = []
        var childrenPerDay = "", status = Route.Status.proposed.rawValue, startDay = "", endDay = ""
        var path = "", chaperonePoints = "", version = ""
        var cost = RouteCostFields.Values()

        init() {}

        init(form: Form, cost: RouteCostFields.Form?) {
            code = form.code ?? ""; name = form.name ?? ""; localAuthority = form.local_authority ?? ""; area = form.area ?? ""
            schools = form.schools ?? []; childrenPerDay = form.children_per_day ?? ""; status = form.status ?? ""
            startDay = form.start_day ?? ""; endDay = form.end_day ?? ""; path = form.path ?? ""
            chaperonePoints = form.chaperone_points ?? ""; version = form.version ?? ""
            if let cost { self.cost = .init(form: cost) }
        }

        init(_ route: Route, gss: String, schoolIDs: [UUID]) {
            code = route.code; name = route.name; localAuthority = gss; area = route.areaID?.uuidString ?? ""
            schools = schoolIDs.map(\.uuidString); childrenPerDay = String(route.childrenPerDay); status = route.status
            startDay = route.startDay ?? ""; endDay = route.endDay ?? ""
            path = RouteRules.formatPath(route.path); chaperonePoints = RouteRules.formatChaperonePoints(route.chaperonePoints)
            version = String(route.version)
        }
    }

    /// The tenant's places a form chooses from.
    struct Reference {
        let authorities: [LocalAuthority]
        let areas: [Area]
        let schools: [School]

        static func load(_ context: TenantContext) async throws -> Reference {
            Reference(authorities: try await context.query(LocalAuthority.self).sort(\.$name).all(),
                      areas: try await context.query(Area.self).sort(\.$name).all(),
                      schools: try await context.query(School.self).sort(\.$name).all())
        }
    }

    /// A checked route, ready to write.
    struct Draft {
        var code: String
        var name: String
        var authorityID: UUID
        var areaID: UUID?
        var schoolIDs: [UUID]
        var childrenPerDay: Int
        var status: String
        var startDay: String?
        var endDay: String?
        var path: [GeoPoint]
        var chaperonePoints: [ChaperonePoint]
    }

    static func check(_ values: Values, _ reference: Reference) -> (Draft?, [FieldError]) {
        var errors: [FieldError] = []
        let name = values.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors.append(.init(field: "name", message: "Enter the route's name")) }
        else if name.count > RouteRules.nameMaxLength {
            errors.append(.init(field: "name", message: "The route's name must be \(RouteRules.nameMaxLength) characters or fewer"))
        }
        let authority = reference.authorities.first { $0.gssCode == values.localAuthority }
        if authority == nil { errors.append(.init(field: "local_authority", message: "Choose the local authority the route is in")) }
        var areaID: UUID?
        if !values.area.isEmpty {
            let area = reference.areas.first { $0.id?.uuidString == values.area }
            if let area, let authority, area.localAuthorityID != authority.id {
                errors.append(.init(field: "area", message: "\(area.name) is not an area of \(authority.name): choose one of its areas, or none"))
            } else if area == nil {
                errors.append(.init(field: "area", message: "Choose one of the local authority's areas, or none"))
            }
            areaID = area?.id
        }
        var schoolIDs: [UUID] = []
        for raw in values.schools {
            guard let school = reference.schools.first(where: { $0.id?.uuidString == raw }), let id = school.id else {
                errors.append(.init(field: "schools", message: "Choose schools from the list")); break
            }
            if !schoolIDs.contains(id) { schoolIDs.append(id) }
        }
        let children = RouteCostFields.whole(values.childrenPerDay, in: RouteRules.childrenPerDay, field: "children_per_day",
                                             what: "the children walking the route each day", &errors)
        if Route.Status(rawValue: values.status) == nil { errors.append(.init(field: "status", message: "Choose the route's status")) }
        let start = values.startDay.isEmpty ? nil : Day(entered: values.startDay)
        let end = values.endDay.isEmpty ? nil : Day(entered: values.endDay)
        if !values.startDay.isEmpty, start == nil {
            errors.append(.init(field: "start_day", message: "Enter the start date as a real date, like 2023-09-04"))
        }
        if !values.endDay.isEmpty, end == nil {
            errors.append(.init(field: "end_day", message: "Enter the end date as a real date, like 2024-07-22"))
        }
        if let problem = RouteRules.datesProblem(start: start, end: end) { errors.append(.init(field: "end_day", message: problem.message)) }
        var path: [GeoPoint] = []
        if values.path.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.append(.init(field: "path", message: "Enter the route's path: at least two 'latitude longitude' points"))
        } else {
            switch RouteRules.path(values.path) {
            case .success(let points): path = points
            case .failure(let problem): errors.append(.init(field: "path", message: problem.message))
            }
        }
        let (points, pointProblems) = RouteRules.chaperonePoints(values.chaperonePoints)
        errors += pointProblems.map { .init(field: "chaperone_points", message: $0.message) }
        guard errors.isEmpty, let authorityID = authority?.id, let children else { return (nil, errors) }
        return (Draft(code: values.code.trimmingCharacters(in: .whitespaces).uppercased(), name: name, authorityID: authorityID,
                      areaID: areaID, schoolIDs: schoolIDs, childrenPerDay: children, status: values.status,
                      startDay: start?.iso, endDay: end?.iso, path: path, chaperonePoints: points), [])
    }
}
