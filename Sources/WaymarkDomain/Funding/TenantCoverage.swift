import Foundation

/// One route's walks and status, as the tenant dashboard needs them.
public struct RouteCoverageResult: Sendable {
    public let coverage: RouteCoverage
    public let status: RouteStatusReport

    public var routeID: UUID { coverage.routeID }
}

/// Coverage for every route of a tenant at once.
///
/// Built for the dashboard and the simulation, which ask for a thousand routes at a time:
/// schedules (school days and costs) come in precomputed, each route's allocations are
/// sorted once and turned into school-day indexes once for both walks, and one scratch
/// buffer serves every walk, so the only memory taken per route is its results.
public enum TenantCoverage {
    /// Results in the order of `inputs`.
    public static func run(_ inputs: [RouteCoverageInput], asOf: Day,
                           windows: StatusWindows = .standard) -> [RouteCoverageResult] {
        var workspace = CoverageWorkspace()
        var results: [RouteCoverageResult] = []
        results.reserveCapacity(inputs.count)
        for input in inputs {
            let coverage = RouteCoverage(input, workspace: &workspace)
            results.append(RouteCoverageResult(coverage: coverage, status: coverage.status(asOf: asOf, windows: windows)))
        }
        return results
    }

    /// How many routes have each status — the dashboard's headline.
    public static func statusCounts(_ results: [RouteCoverageResult]) -> [RouteStatus: Int] {
        var counts = Dictionary(uniqueKeysWithValues: RouteStatus.allCases.map { ($0, 0) })
        for result in results { counts[result.status.status, default: 0] += 1 }
        return counts
    }

    /// Groups a tenant's allocations by route, tagging each with its source's status and name.
    /// Allocations whose source is missing are left out (they cannot be told apart from
    /// withdrawn money); routes with no schedule are left out too.
    public static func inputs(schedules: [UUID: RouteSchedule], sources: [FundingSource],
                              allocations: [Allocation]) -> [RouteCoverageInput] {
        // Each source's label is worked out once, not once per allocation: a tenant has
        // thousands of allocations and a few hundred sources.
        let sourcesByID = Dictionary(sources.map { ($0.id, ($0, $0.label)) }, uniquingKeysWith: { first, _ in first })
        var byRoute: [UUID: [FundedAllocation]] = [:]
        for allocation in allocations {
            guard let (source, label) = sourcesByID[allocation.sourceID] else { continue }
            byRoute[allocation.routeID, default: []].append(
                FundedAllocation(allocation, status: source.status, label: label, funderName: source.funderName))
        }
        return schedules.keys.sorted { $0.sortsBefore($1) }.map { routeID in
            RouteCoverageInput(routeID: routeID, schedule: schedules[routeID]!, allocations: byRoute[routeID] ?? [])
        }
    }
}
