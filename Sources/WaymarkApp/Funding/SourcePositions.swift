import Foundation
import WaymarkDomain

/// Every visible source's position as of a day, from one coverage run over the tenant's
/// routes (drawn-to-date needs every route the money pays for, whoever is looking).
struct SourcePositions: Sendable {
    let snapshot: CoverageSnapshot
    let routes: [UUID: Route]
    private let coverageBySource: [UUID: [RouteCoverage]]

    static func load(_ context: TenantContext, asOf: Day) async throws -> SourcePositions {
        let routes = try await context.query(Route.self).all()
        let snapshot = try await CoverageLoader.load(context, routes: routes, asOf: asOf)
        var bySource: [UUID: [RouteCoverage]] = [:]
        for result in snapshot.results.values.sorted(by: { $0.routeID.uuidString < $1.routeID.uuidString }) {
            for sourceID in Set(result.coverage.allocations.map(\.allocation.sourceID)) {
                bySource[sourceID, default: []].append(result.coverage)
            }
        }
        return SourcePositions(snapshot: snapshot, routes: Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0) }),
                               coverageBySource: bySource)
    }

    /// nil when Waymark did not yet know of the source on the as-of day.
    func position(of sourceID: UUID) -> SourcePosition? {
        guard let source = snapshot.sources[sourceID] else { return nil }
        return SourcePosition(source: source, routes: coverageBySource[sourceID] ?? [], asOf: snapshot.asOf)
    }

    /// The status a source had on the as-of day.
    func status(of sourceID: UUID) -> FundingSource.Status? { snapshot.sources[sourceID]?.status }
}
