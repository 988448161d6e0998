import Fluent
import Vapor
import WaymarkDomain

/// Reads for the tenant's transparency pages and public API, where nobody signs in and so
/// `TenantMiddleware` builds no context. The tenant is found by its slug (an unknown one is a
/// 404, as for every tenant URL), and the reads run in its database scope: on PostgreSQL that
/// names the tenant for row-level security, which would otherwise hide every row.
enum PublicTenant {
    static func read<T: Sendable>(_ req: Request, _ body: @escaping @Sendable (TenantContext) async throws -> T) async throws -> T {
        guard let slug = req.parameters.get("tenant"),
              let tenant = try await Tenant.query(on: req.db).filter(\.$slug == slug).first(),
              let tenantID = tenant.id else { throw WaymarkError.notFound }
        return try await DatabaseScope.tenant(tenantID).run(on: req.db) { db in
            try await body(.anonymous(tenant: tenant, db: db))
        }
    }
}

extension TenantContext {
    /// The public: no person, no roles, no organisations and no routes of their own, so every
    /// capability check says no and the queries written for members show only what the public
    /// may see (`SpecificationQueries`: published specifications). The person is a placeholder
    /// never saved, and nothing the public does is audited.
    static func anonymous(tenant: Tenant, db: any Database) -> TenantContext {
        let person = Person(id: UUID(), name: "The public", email: "public@waymark", passwordHash: "")
        return TenantContext(tenant: tenant, tenantID: tenant.id!, person: person, personID: person.id!, roles: [],
                             memberships: [], organisations: [], readScope: .nothing,
                             reader: Reader(personID: person.id!, organisations: []), db: db)
    }
}
