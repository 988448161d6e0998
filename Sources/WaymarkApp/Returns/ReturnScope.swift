import Fluent
import Foundation
import WaymarkDomain

/// Whose returns a person may read, by the read rule (`ReadScope.returns`): commissioners,
/// finance and viewers read every return; a provider reads the returns of their own
/// organisations' contracts; a partner reads the lines of the routes their organisations fund
/// (an allocation from one of their sources, or a contract paid from one). A person with both of
/// the last two roles reads both. This works out which routes a partner funds.
struct ReturnScope: Sendable {
    let reading: ReturnReading
    /// The routes the reader's organisations fund (empty unless they read as a partner).
    let fundedRoutes: Set<UUID>

    var seesEverything: Bool { reading == .everything }

    static func of(_ context: TenantContext) async throws -> ReturnScope {
        let reading = context.readScope.returns
        guard case .limited(_, let partner) = reading, partner else { return ReturnScope(reading: reading, fundedRoutes: []) }
        return ReturnScope(reading: reading, fundedRoutes: try await fundedRoutes(context))
    }

    /// Whether a contract's returns are readable at all.
    func sees(_ contract: ContractRecord, routes: [UUID]) -> Bool {
        reading.sees(provider: contract.providerOrganisationID, fundedByReader: !fundedRoutes.isDisjoint(with: routes))
    }

    /// Whether one route's line of a readable contract is shown: all of them to the provider,
    /// only funded routes to a partner.
    func sees(line routeID: UUID, of contract: ContractRecord) -> Bool {
        reading.sees(provider: contract.providerOrganisationID, fundedByReader: false) || fundedRoutes.contains(routeID)
    }

    /// Routes paid for, in part, by the partner's organisations' sources.
    private static func fundedRoutes(_ context: TenantContext) async throws -> Set<UUID> {
        let funders = Array(context.memberships.filter { $0.role == Role.partner.rawValue }.map(\.organisationID))
        guard !funders.isEmpty else { return [] }
        let sources = try await context.query(FundingSourceRecord.self).filter(\.$funderOrganisationID ~~ funders).all().compactMap(\.id)
        guard !sources.isEmpty else { return [] }
        var routes = Set(try await context.query(AllocationRecord.self).filter(\.$sourceID ~~ sources).all().map(\.routeID))
        let sourceSet = Set(sources)
        for contract in try await ContractQueries.contracts(context) where contract.fundingLinks.contains(where: { sourceSet.contains($0.sourceID) }) {
            routes.formUnion(contract.current.routes.map(\.routeID))
        }
        return routes
    }
}
