import Fluent
import Vapor
import WaymarkDomain

/// The console's home: every tenant with its size, and the form that adds a tenant
/// together with its commissioning organisation (a tenant without one has nowhere
/// to put its first people).
struct AdminTenantsController: Sendable {
    func register(_ routes: OperatorRoutes) {
        routes.get(SiteMap.Admin.home, home)
        routes.post(SiteMap.Admin.tenants, create)
    }

    struct HomePage: Encodable {
        struct Line: Encodable {
            let name: String; let slug: String; let href: String
            let organisations: Int; let people: Int; let routes: Int
        }
        struct Form: Encodable { var slug = ""; var name = ""; var organisation = "" }
        let tenants: [Line]
        let form: Form
        let action: String
    }

    struct CreateForm: Content { var slug: String?; var name: String?; var organisation: String? }

    func home(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        try await render(req, form: .init())
    }

    func create(req: Request, op: OperatorRoutes.Operator) async throws -> Response {
        let form = try req.content.decode(CreateForm.self)
        let values = HomePage.Form(slug: form.slug ?? "", name: form.name ?? "", organisation: form.organisation ?? "")
        let organisation = values.organisation.trimmingCharacters(in: .whitespaces)
        do {
            let tenant = try await req.platformDB { db in
                try await db.transaction { tx in
                    // Every problem at once, in the form's order: the tenant's names, then its organisation.
                    var errors = try await PlatformAdmin.tenantProblems(slug: values.slug, name: values.name, on: tx)
                    if organisation.isEmpty || organisation.count > 160 {
                        errors.append(.init(field: "organisation", message: "Enter the name of the commissioning organisation, such as Northmoor Violence Reduction Unit"))
                    }
                    guard errors.isEmpty else { throw PlatformAdmin.Problem(errors: errors) }
                    let tenant = try await PlatformAdmin.createTenant(slug: values.slug, name: values.name, actor: op.actor, on: tx)
                    let record = Organisation(tenantID: tenant.id!, name: organisation, kind: .commissioner)
                    try await record.create(on: tx)
                    try await AuditLog.record(on: tx, tenantID: tenant.id, actor: op.actor, action: "organisation.created",
                                              entity: "organisation", entityID: record.id!.uuidString,
                                              after: ["name": organisation, "kind": OrganisationKind.commissioner.rawValue])
                    return tenant
                }
            }
            return req.redirect(to: SiteMap.Admin.tenant.path(tenant.slug),
                                flash: "Tenant \(tenant.slug) created. Add its first commissioner below.")
        } catch let problem as PlatformAdmin.Problem {
            return try await render(req, form: values, errors: problem.errors, status: .unprocessableEntity)
        }
    }

    private func render(_ req: Request, form: HomePage.Form, errors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        let lines = try await req.platformDB { db -> [HomePage.Line] in
            let tenants = try await Tenant.query(on: db).sort(\.$name).all()
            let organisations = try await Organisation.query(on: db).all()
            let memberships = try await Membership.query(on: db).all()
            var lines: [HomePage.Line] = []
            for tenant in tenants {
                let id = tenant.id!
                lines.append(HomePage.Line(
                    name: tenant.name, slug: tenant.slug, href: SiteMap.Admin.tenant.path(tenant.slug),
                    organisations: organisations.filter { $0.tenantID == id }.count,
                    people: Set(memberships.filter { $0.tenantID == id }.map(\.personID)).count,
                    routes: try await Route.query(on: db).filter(\.$tenantID == id).count()))
            }
            return lines
        }
        return try await AdminPage.render(req, "tenants", title: "Tenants",
                                          HomePage(tenants: lines, form: form, action: SiteMap.Admin.tenants.path()),
                                          errors: errors, status: status)
    }
}
