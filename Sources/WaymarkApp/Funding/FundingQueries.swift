import Fluent
import Foundation
import WaymarkDomain

/// Whose money a person may see. Everyone allowed to view funding sees every source,
/// except a person who is only a partner: they see the sources their own organisations
/// give (docs/roles.md, "Whose money a partner sees").
enum FundingQueries {
    /// nil: every source; otherwise the funder organisations whose sources the person sees.
    static func funderScope(_ context: TenantContext) -> Set<UUID>? { context.readScope.funders }

    static func visibleSources(_ context: TenantContext) async throws -> [FundingSourceRecord] {
        var query = context.query(FundingSourceRecord.self)
        if let funders = funderScope(context) { query = query.filter(\.$funderOrganisationID ~~ Array(funders)) }
        // The id last: sources that start the same day under one programme keep one order, so
        // a paged list shows each on exactly one page.
        return try await query.sort(\.$startDay).sort(\.$programme).sort(\.$id).all()
    }

    /// A source the person may see, or 404 (never 403, so ids reveal nothing).
    static func source(_ context: TenantContext, id raw: String?) async throws -> FundingSourceRecord {
        guard let raw, let id = UUID(uuidString: raw), let record = try await context.find(FundingSourceRecord.self, id) else {
            throw WaymarkError.notFound
        }
        if let funders = funderScope(context), !funders.contains(record.funderOrganisationID) { throw WaymarkError.notFound }
        return record
    }

    static func funderNames(_ context: TenantContext) async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await context.query(Organisation.self).all().map { ($0.id!, $0.name) })
    }

    /// Each route's local authority, for checking a source's restrictions.
    static func routeAuthorities(_ routes: [Route]) -> [UUID: UUID] {
        Dictionary(uniqueKeysWithValues: routes.compactMap { route in route.id.map { ($0, route.localAuthorityID) } })
    }

    static func allocations(_ context: TenantContext, sourceID: UUID) async throws -> [AllocationRecord] {
        try await context.query(AllocationRecord.self).filter(\.$sourceID == sourceID).all()
    }
}
