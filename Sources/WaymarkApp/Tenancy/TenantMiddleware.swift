import Fluent
import Vapor
import WaymarkDomain

/// Resolves `:tenant` for every tenant URL: the tenant must exist and the signed-in
/// person must belong to it, or the answer is 404, the same as for a tenant that does
/// not exist, so URLs reveal nothing about other tenants. On PostgreSQL the rest of
/// the request runs in one transaction that names the tenant for row-level security.
struct TenantMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let person = req.person, let personID = person.id else { throw WaymarkError.signInRequired }
        guard let slug = req.parameters.get("tenant"),
              let tenant = try await Tenant.query(on: req.db).filter(\.$slug == slug).first(),
              let tenantID = tenant.id else { throw WaymarkError.notFound }

        let response = try await DatabaseScope.tenant(tenantID).run(on: req.db) { db in
            let memberships = try await Membership.query(on: db)
                .filter(\.$tenantID == tenantID).filter(\.$personID == personID).all()
            guard !memberships.isEmpty else { throw WaymarkError.notFound }
            let organisations = try await Organisation.query(on: db)
                .filter(\.$tenantID == tenantID)
                .filter(\.$id ~~ memberships.map(\.organisationID)).all()
            let roles = Set(memberships.compactMap { Role(rawValue: $0.role) })
            let visibility = try await Self.routeVisibility(
                roles: roles, memberships: memberships, organisations: organisations, tenantID: tenantID, db: db)
            let knownName = try await TenantPeople.typedName(of: personID, tenantID: tenantID, on: db)
            req.setTenantContext(TenantContext(
                tenant: tenant, tenantID: tenantID, person: person, personID: personID, roles: roles,
                memberships: memberships, organisations: organisations, routeVisibility: visibility, db: db,
                knownName: knownName, now: req.now))
            return try await next.respond(to: req)
        }
        // Only now is the request's transaction committed: work queued for "after commit"
        // (a forecast run, which reads the record in another connection) may start.
        req.runAfterCommit()
        return response
    }

    /// A partner sees the routes of the local authorities of the organisations they
    /// are a partner in; one tenant-wide partner organisation (police, a funder)
    /// widens that to every route.
    static func routeVisibility(roles: Set<Role>, memberships: [Membership], organisations: [Organisation],
                                tenantID: UUID, db: any Database) async throws -> RouteVisibility {
        let partnerOrgIDs = Set(memberships.filter { $0.role == Role.partner.rawValue }.map(\.organisationID))
        let partnerOrgs = organisations.filter { partnerOrgIDs.contains($0.id!) }
        let authorityIDs = partnerOrgs.compactMap(\.localAuthorityID)
        let tenantWide = partnerOrgs.contains { $0.localAuthorityID == nil }
        var gssCodes: Set<String>? = nil
        if !tenantWide {
            let authorities = try await LocalAuthority.query(on: db)
                .filter(\.$tenantID == tenantID).filter(\.$id ~~ authorityIDs).all()
            gssCodes = Set(authorities.map(\.gssCode))
        }
        return AccessPolicy.routeVisibility(roles: roles, partnerAuthorities: gssCodes)
    }
}
