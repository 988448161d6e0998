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
            // Each membership with its organisation, in one query: every tenant request needs both.
            let memberships = try await Membership.query(on: db)
                .join(Organisation.self, on: \Membership.$organisationID == \Organisation.$id)
                .filter(\.$tenantID == tenantID).filter(\.$personID == personID)
                .filter(Organisation.self, \.$tenantID == tenantID).all()
            guard !memberships.isEmpty else { throw WaymarkError.notFound }
            var organisations: [Organisation] = []
            for membership in memberships where !organisations.contains(where: { $0.id == membership.organisationID }) {
                organisations.append(try membership.joined(Organisation.self))
            }
            let roles = Set(memberships.compactMap { Role(rawValue: $0.role) })
            let reader = try await Self.reader(personID: personID, memberships: memberships, organisations: organisations,
                                               tenantID: tenantID, db: db)
            let knownName = try await TenantPeople.typedName(of: personID, tenantID: tenantID, on: db)
            req.setTenantContext(TenantContext(
                tenant: tenant, tenantID: tenantID, person: person, personID: personID, roles: roles,
                memberships: memberships, organisations: organisations, readScope: ReadScope(reader), reader: reader, db: db,
                knownName: knownName, now: req.now, siteURL: req.application.waymark.publicURL))
            return try await next.respond(to: req)
        }
        // Only now is the request's transaction committed: work queued for "after commit"
        // (a forecast run, which reads the record in another connection) may start.
        req.runAfterCommit()
        return response
    }

    /// The person as the read rule sees them: each organisation they belong to, the roles they
    /// hold there and its local authority (none: it covers the whole tenant).
    static func reader(personID: UUID, memberships: [Membership], organisations: [Organisation],
                       tenantID: UUID, db: any Database) async throws -> Reader {
        let authorityIDs = organisations.compactMap(\.localAuthorityID)
        let codes = authorityIDs.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try await LocalAuthority.query(on: db)
            .filter(\.$tenantID == tenantID).filter(\.$id ~~ authorityIDs).all().map { ($0.id!, $0.gssCode) })
        let rolesByOrganisation = Dictionary(grouping: memberships, by: \.organisationID)
            .mapValues { Set($0.compactMap { Role(rawValue: $0.role) }) }
        return Reader(personID: personID, organisations: organisations.compactMap { organisation in
            guard let id = organisation.id, let roles = rolesByOrganisation[id] else { return nil }
            // An organisation whose authority is missing reads as belonging to none of the tenant's.
            let authority = organisation.localAuthorityID.map { codes[$0] ?? "" }
            return Reader.Organisation(id: id, roles: roles, localAuthority: authority)
        })
    }
}
