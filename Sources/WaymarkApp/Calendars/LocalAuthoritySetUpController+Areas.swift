import Fluent
import Vapor
import WaymarkDomain

/// Areas (neighbourhoods) of a local authority: added and renamed on the authority's page,
/// their names unique within it whatever their case.
extension LocalAuthoritySetUpController {
    struct AreaForm: Content { var name: String? }

    func addArea(req: Request, context: TenantContext) async throws -> Response {
        let authority = try await find(req, context)
        let name = (try req.content.decode(AreaForm.self).name ?? "").trimmed
        let areas = try await context.query(Area.self).filter(\.$localAuthorityID == authority.id!).all()
        if let problem = Self.areaNameProblem(name, among: areas) {
            return try await LocalAuthoritiesController().renderDetail(req, context, errors: [.init(field: "new_area", message: problem)],
                                                                       typed: .init(newArea: name), status: .unprocessableEntity)
        }
        let area = Area(tenantID: context.tenantID, localAuthorityID: authority.id!, name: name)
        try await context.transaction { tx in
            try await area.create(on: tx.db)
            try await tx.audit("area.added", "area", area.id!.uuidString, after: ["name": name, "local_authority": authority.gssCode])
        }
        return req.redirect(to: SiteMap.Tenant.localAuthority.path(context.tenant.slug, authority.gssCode), flash: "\(name) added.")
    }

    func renameArea(req: Request, context: TenantContext) async throws -> Response {
        let authority = try await find(req, context)
        guard let area = try await context.find(Area.self, req.parameters.get("id").flatMap(UUID.init(uuidString:))),
              area.localAuthorityID == authority.id else { throw WaymarkError.notFound }
        let name = (try req.content.decode(AreaForm.self).name ?? "").trimmed
        let others = try await context.query(Area.self).filter(\.$localAuthorityID == authority.id!).filter(\.$id != area.id!).all()
        if let problem = Self.areaNameProblem(name, among: others) {
            return try await LocalAuthoritiesController().renderDetail(req, context, errors: [.init(field: "area-\(area.id!.uuidString)", message: problem)],
                                                                       typed: .init(renames: [area.id!: name], areaErrors: [area.id!: problem]),
                                                                       status: .unprocessableEntity)
        }
        let before = area.name
        try await context.transaction { tx in
            area.name = name
            try await area.save(on: tx.db)
            try await tx.audit("area.renamed", "area", area.id!.uuidString, before: ["name": before], after: ["name": name])
        }
        return req.redirect(to: SiteMap.Tenant.localAuthority.path(context.tenant.slug, authority.gssCode),
                            flash: "\(before) renamed \(name).")
    }

    static func areaNameProblem(_ name: String, among areas: [Area]) -> String? {
        if name.isEmpty || name.count > 80 { return "Enter the area's name (80 characters at most)" }
        if areas.contains(where: { ImportReference.key($0.name) == ImportReference.key(name) }) {
            return "There is already an area called \(name) in this local authority"
        }
        return nil
    }
}
