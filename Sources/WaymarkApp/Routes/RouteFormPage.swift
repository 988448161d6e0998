import Foundation
import Vapor
import WaymarkDomain

/// What `web/views/routes/form.leaf` shows, for adding a route (`isNew`) or editing one.
struct RouteFormPage: Encodable {
    struct Option: Encodable { let value: String; let label: String; let selected: Bool }
    struct Group: Encodable { let label: String; let options: [Option] }
    struct SchoolGroup: Encodable {
        struct Item: Encodable { let id: String; let value: String; let label: String; let checked: Bool }
        let key: String; let label: String; let schools: [Item]
    }

    let isNew: Bool
    let heading: String
    let caption: String
    let form: RouteForm.Values
    /// The first daily cost of a new route, read by `routes/cost-fields`.
    let cost: RouteCostFields.Values
    let authorities: [Option]
    let areaGroups: [Group]
    let schoolGroups: [SchoolGroup]
    let statuses: [Option]
    let action: String
    let cancelHref: String
    let areasHref: String
    let costsHref: String?

    init(isNew: Bool, code: String, values: RouteForm.Values, reference: RouteForm.Reference, slug: String) {
        self.isNew = isNew
        heading = isNew ? "Add a route" : "Edit route"
        caption = isNew ? "Routes" : "Route \(code)"
        form = values
        cost = values.cost
        authorities = reference.authorities.map { .init(value: $0.gssCode, label: $0.name, selected: $0.gssCode == values.localAuthority) }
        areaGroups = reference.authorities.map { authority in
            .init(label: authority.name, options: reference.areas.filter { $0.localAuthorityID == authority.id }.map { area in
                .init(value: area.id!.uuidString, label: area.name, selected: area.id!.uuidString == values.area)
            })
        }.filter { !$0.options.isEmpty }
        // Every school of the tenant, grouped by its authority: a route near a boundary
        // may serve a school across it, as the import allows.
        let chosen = Set(values.schools)
        schoolGroups = reference.authorities.map { authority in
            .init(key: authority.gssCode, label: authority.name,
                  schools: reference.schools.filter { $0.localAuthorityID == authority.id }.map { school in
                      .init(id: "school-\(school.urn)", value: school.id!.uuidString, label: "\(school.name) (URN \(school.urn))",
                            checked: chosen.contains(school.id!.uuidString))
                  })
        }.filter { !$0.schools.isEmpty }
        statuses = Route.Status.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values.status) }
        action = isNew ? SiteMap.Tenant.routeNew.path(slug) : SiteMap.Tenant.routeEdit.path(slug, code)
        cancelHref = isNew ? SiteMap.Tenant.routes.path(slug) : SiteMap.Tenant.route.path(slug, code)
        areasHref = SiteMap.Tenant.localAuthorities.path(slug)
        costsHref = isNew ? nil : SiteMap.Tenant.routeCosts.path(slug, code)
    }

    static func render(_ req: Request, _ page: RouteFormPage, errors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        try await PageRenderer.render(req, "routes/form", title: page.isNew ? "Add a route" : "Edit route \(page.form.code)",
                                      page, errors: errors, status: status)
    }
}
