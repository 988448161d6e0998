import Foundation

/// One source's money lapsing unspent.
public struct SourceLapse: Hashable, Sendable {
    public let sourceID: UUID
    public let label: String
    public let status: FundingSource.Status
    /// The last day of the source's period.
    public let end: Day
    /// Already lost: allocations whose period ended before the as-of date with money left.
    public let past: Money
    /// Forecast: what will be left in allocations still running when their periods end.
    public let future: Money
}

/// Underspend across the tenant (DESIGN.md: money left in an allocation when its period
/// ends lapses and never carries over). Only money a walk counts — pledged, confirmed or
/// received — can lapse; prospective and withdrawn money never comes to be spent. Money a
/// source never allocated is not counted here: it shows as the source's `unallocated`.
public struct LapseSummary: Hashable, Sendable {
    public let past: Money
    public let future: Money
    /// Sources with any past or forecast lapse, by end day then label.
    public let sources: [SourceLapse]

    init(sources: [FundingSource], positions: [SourcePosition]) {
        var rows: [SourceLapse] = []
        var past = Money.zero, future = Money.zero
        for (source, position) in zip(sources, positions) where position.counted {
            past += position.lapsed
            future += position.willLapse
            guard !position.lapsed.isZero || !position.willLapse.isZero else { continue }
            rows.append(SourceLapse(sourceID: source.id, label: source.label, status: source.status,
                                    end: source.period.end, past: position.lapsed, future: position.willLapse))
        }
        rows.sort { a, b in
            if a.end != b.end { return a.end < b.end }
            if a.label != b.label { return a.label < b.label }
            return a.sourceID.sortsBefore(b.sourceID)
        }
        self.past = past
        self.future = future
        self.sources = rows
    }
}
