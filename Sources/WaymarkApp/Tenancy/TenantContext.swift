import Fluent
import Vapor
import WaymarkDomain

/// Who is asking, in which tenant, with which roles, and the database handle scoped
/// to that tenant. Built once per request by `TenantMiddleware`; handlers never look
/// the tenant up themselves.
struct TenantContext: Sendable {
    let tenant: Tenant
    let tenantID: UUID
    let person: Person
    let personID: UUID
    let roles: Set<Role>
    let memberships: [Membership]
    let organisations: [Organisation]
    /// Which rows the person may read (`ReadRule`), worked out once from their memberships.
    let readScope: ReadScope
    let reader: Reader
    let db: any Database
    /// The name this tenant typed when it invited the person (see `TenantPeople`), when it
    /// did: what the tenant's own records say about them, never another tenant's name.
    var knownName: String? = nil
    /// The application clock's "now" for this request or job (`AppClock`), so a page, an
    /// import and a job agree on which day today is, and tests can set it.
    var now: Date = AppClock.shared.now()
    /// The installation's address (WAYMARK_PUBLIC_URL), which makes the links in emails absolute.
    var siteURL: String = ""

    /// Today in London, by `now`.
    var today: Day { Day(now, in: London.timeZone) }

    var displayName: String { knownName ?? person.name }
    var actor: AuditActor { AuditActor(id: personID, label: "\(displayName) <\(person.email)>") }

    func can(_ capability: Capability) -> Bool { AccessPolicy.allows(roles, capability) }

    /// Whether the person may read `row` (`ReadRule`, the one read rule).
    func mayRead(_ row: ReadableRow) -> Bool { ReadRule.allows(reader, row) }

    var routeVisibility: RouteVisibility { readScope.routes }

    /// The organisations the person belongs to in `role` (a partner's for pledging, a
    /// provider's for bidding), by name: what they may read through them.
    func organisations(as role: Role) -> [Organisation] {
        let ids = Set(memberships.filter { $0.role == role.rawValue }.map(\.organisationID))
        return organisations.filter { ids.contains($0.id!) }.sorted { $0.name < $1.name }
    }

    /// Those of them that may start something new (a bid, a question, a pledge): a retired
    /// organisation's history stays readable, but it acts no more.
    func actingOrganisations(as role: Role) -> [Organisation] {
        organisations(as: role).filter { !$0.isRetired }
    }

    func require(_ capability: Capability) throws {
        guard can(capability) else { throw WaymarkError.forbidden }
    }

    /// The one place the tenant filter is applied to tenant-owned models.
    func query<M: TenantOwned>(_ model: M.Type) -> QueryBuilder<M> {
        M.query(on: db).filter(M.tenantKey, .equal, tenantID)
    }

    /// Finds a tenant-owned record by id; another tenant's id is simply not found.
    func find<M: TenantOwned>(_ model: M.Type, _ id: UUID?) async throws -> M? {
        guard let id else { return nil }
        return try await query(model).filter(\M._$id == id).first()
    }

    func audit(_ action: String, _ entity: String, _ entityID: String,
               before: (any Encodable)? = nil, after: (any Encodable)? = nil, on database: (any Database)? = nil) async throws {
        try await AuditLog.record(on: database ?? db, tenantID: tenantID, actor: actor, action: action,
                                  entity: entity, entityID: entityID, before: before, after: after)
    }

    /// Records many changes at once, in order (see `AuditLog.record(many:)`).
    func audit(many changes: [AuditLog.Change], on database: (any Database)? = nil) async throws {
        try await AuditLog.record(many: changes, on: database ?? db, tenantID: tenantID, actor: actor)
    }

    /// The tenant-scoped form of `db.transaction`: writes that belong together.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (TenantContext) async throws -> T) async throws -> T {
        try await db.transaction { tx in try await body(self.with(db: tx)) }
    }

    func with(db: any Database) -> TenantContext {
        TenantContext(tenant: tenant, tenantID: tenantID, person: person, personID: personID, roles: roles,
                      memberships: memberships, organisations: organisations,
                      readScope: readScope, reader: reader, db: db, knownName: knownName, now: now, siteURL: siteURL)
    }
}

extension Request {
    private struct TenantContextKey: StorageKey { typealias Value = TenantContext }

    var tenantContext: TenantContext {
        get throws {
            guard let context = storage[TenantContextKey.self] else { throw WaymarkError.notFound }
            return context
        }
    }

    func setTenantContext(_ context: TenantContext) { storage[TenantContextKey.self] = context }
}

extension TenantContext {
    /// The context background jobs act in: every route, no person behind it. The person is
    /// a placeholder never saved, so audit entries name "Waymark (automatic)".
    static func system(tenant: Tenant, db: any Database, job: String) -> TenantContext {
        let person = Person(id: UUID(), name: "Waymark (automatic)", email: job, passwordHash: "")
        // Reads as a commissioner of the whole tenant would.
        let reader = Reader(personID: person.id!, organisations: [.init(id: UUID(), roles: [.commissioner], localAuthority: nil)])
        return TenantContext(tenant: tenant, tenantID: tenant.id!, person: person, personID: person.id!, roles: [.commissioner],
                             memberships: [], organisations: [], readScope: ReadScope(reader), reader: reader, db: db)
    }
}
