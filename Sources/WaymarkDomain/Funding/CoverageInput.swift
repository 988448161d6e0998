import Foundation

/// An allocation with what the walk and its reasons need to know about its source: how firm
/// the money is, and how to name it. Carrying these values instead of the source keeps the
/// engine free of lookups.
public struct FundedAllocation: Hashable, Sendable {
    public var allocation: Allocation
    public var status: FundingSource.Status
    /// How reasons name the money: "Home Office grant".
    public var label: String
    /// How reasons name the funder: "Birmingham City Council".
    public var funderName: String

    public init(_ allocation: Allocation, status: FundingSource.Status, label: String, funderName: String) {
        self.allocation = allocation
        self.status = status
        self.label = label
        self.funderName = funderName
    }

    public init(_ allocation: Allocation, of source: FundingSource) {
        self.init(allocation, status: source.status, label: source.label, funderName: source.funderName)
    }
}

/// Which money a walk counts (DESIGN.md: secured and projected are two walks).
public enum CoverageBasis: String, CaseIterable, Hashable, Sendable, Codable {
    /// Confirmed and received money.
    case secured
    /// Secured money plus pledges.
    case projected

    public func counts(_ status: FundingSource.Status) -> Bool {
        switch self {
        case .secured: status.countsAsSecured
        case .projected: status.countsAsProjected
        }
    }

    /// The money in words, for reasons: "no confirmed funding after".
    public var moneyWords: String {
        switch self {
        case .secured: "confirmed"
        case .projected: "confirmed or pledged"
        }
    }
}

/// Everything the engine needs about one route.
public struct RouteCoverageInput: Sendable {
    public var routeID: UUID
    public var schedule: RouteSchedule
    /// The route's allocations in any order, whatever their status: the walks pick the ones
    /// they count. Allocations for other routes must not be included.
    public var allocations: [FundedAllocation]

    public init(routeID: UUID, schedule: RouteSchedule, allocations: [FundedAllocation]) {
        self.routeID = routeID
        self.schedule = schedule
        self.allocations = allocations
    }
}
