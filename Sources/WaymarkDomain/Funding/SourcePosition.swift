import Foundation

/// Where one funding source's money stands as of a day: how much of it is allocated, how
/// much the routes have drawn, what has lapsed and what is still to come — the finance view
/// of the coverage walks, source by source instead of route by route.
///
/// Figures are read from the one walk that counts the source's status: the *secured* walk
/// for confirmed and received money, the *projected* walk for pledges. (Confirmed money is in
/// both walks, but pledges ending earlier can be drawn before it in the projected one; the
/// secured walk is the picture of confirmed money that does not depend on any pledge.)
/// Prospective and withdrawn money is in no walk: nothing is drawn from it and nothing
/// lapses, so all of it stays `remaining`.
///
/// Always `drawnToDate + lapsed + remaining == allocated`, for the source and for each
/// route's line. For counted money also `remaining == toBeDrawn + willLapse`. Negative
/// allocation amounts (invalid data) count as zero, as they do in the walk.
public struct SourcePosition: Hashable, Sendable {
    /// One route's share of the source.
    public struct RouteLine: Hashable, Sendable {
        public let routeID: UUID
        public let allocated: Money
        public let drawnToDate: Money
        public let lapsed: Money
        public let remaining: Money
        public let toBeDrawn: Money
        public let willLapse: Money
    }

    public let sourceID: UUID
    public let asOf: Day
    /// The walk the figures come from; nil when no walk counts the source's money.
    public let basis: CoverageBasis?
    /// The source's own amount.
    public let amount: Money
    /// What its allocations add up to.
    public let allocated: Money
    /// `amount − allocated`, never below zero; see `overAllocated`.
    public let unallocated: Money
    /// The allocations add up to more than the source. Validation refuses this, so it means
    /// the source was cut after allocating; the page should say so rather than show a
    /// negative balance.
    public let overAllocated: Bool
    /// Paid towards school days before the as-of date.
    public let drawnToDate: Money
    /// Underspend already lost: allocations whose period ended before the as-of date.
    public let lapsed: Money
    /// Still in allocations whose period has not ended.
    public let remaining: Money
    /// Of `remaining`, what the walk draws on the as-of date and after.
    public let toBeDrawn: Money
    /// Of `remaining`, forecast underspend: it will lapse at the periods' ends if nothing changes.
    public let willLapse: Money
    /// One line per route holding an allocation from the source, in the order the routes were given.
    public let routes: [RouteLine]

    /// Whether a walk counts this source's money at all.
    public var counted: Bool { basis != nil }

    /// - Parameter routes: the coverage of every route holding an allocation from `source`;
    ///   routes without one are skipped, so passing all of a tenant's routes is fine.
    public init(source: FundingSource, routes: [RouteCoverage], asOf: Day) {
        let basis = SourcePosition.basis(for: source.status)
        var lines: [RouteLine] = []
        for route in routes {
            if let line = SourcePosition.line(of: source.id, in: route, basis: basis, asOf: asOf) { lines.append(line) }
        }
        self.sourceID = source.id
        self.asOf = asOf
        self.basis = basis
        self.amount = source.amount
        self.allocated = lines.reduce(.zero) { $0 + $1.allocated }
        self.unallocated = Swift.max(source.amount - allocated, .zero)
        self.overAllocated = allocated > source.amount
        self.drawnToDate = lines.reduce(.zero) { $0 + $1.drawnToDate }
        self.lapsed = lines.reduce(.zero) { $0 + $1.lapsed }
        self.remaining = lines.reduce(.zero) { $0 + $1.remaining }
        self.toBeDrawn = lines.reduce(.zero) { $0 + $1.toBeDrawn }
        self.willLapse = lines.reduce(.zero) { $0 + $1.willLapse }
        self.routes = lines
    }

    /// The narrowest walk that counts money of this status.
    public static func basis(for status: FundingSource.Status) -> CoverageBasis? {
        if CoverageBasis.secured.counts(status) { return .secured }
        if CoverageBasis.projected.counts(status) { return .projected }
        return nil
    }

    /// The route's allocations from the source, added up; nil when it holds none.
    private static func line(of sourceID: UUID, in route: RouteCoverage, basis: CoverageBasis?, asOf: Day) -> RouteLine? {
        var allocated = Money.zero, drawnToDate = Money.zero, lapsed = Money.zero
        var remaining = Money.zero, toBeDrawn = Money.zero, willLapse = Money.zero
        var holds = false
        for index in route.allocations.indices where route.allocations[index].allocation.sourceID == sourceID {
            holds = true
            let amount = Swift.max(route.allocations[index].allocation.amount, .zero)
            allocated += amount
            // A coverage built when the source had another status may not count it; its
            // money is then treated as undrawn, like money no walk counts.
            guard let basis, let position = route.walk(basis).position(ofAllocationAt: index, asOf: asOf) else {
                remaining += amount
                continue
            }
            drawnToDate += position.drawnToDate
            lapsed += position.lapsed
            remaining += position.remaining
            toBeDrawn += position.toBeDrawn
            willLapse += position.willLapse
        }
        guard holds else { return nil }
        return RouteLine(routeID: route.routeID, allocated: allocated, drawnToDate: drawnToDate, lapsed: lapsed,
                         remaining: remaining, toBeDrawn: toBeDrawn, willLapse: willLapse)
    }
}
