import Foundation

/// Part of a funding source assigned to one route for a period inside the source's period.
///
/// An allocation is a ceiling, not a payment: the coverage walk draws from it day by day and
/// whatever is left when its period ends lapses.
public struct Allocation: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var sourceID: UUID
    public var routeID: UUID
    public var amount: Money
    public var period: DayRange
    /// When the allocation was entered. The walk's last tie-break ("then oldest") uses it, so
    /// that of two otherwise identical allocations the one agreed first is spent first.
    public var enteredAt: Date

    public init(id: UUID = UUID(), sourceID: UUID, routeID: UUID, amount: Money,
                period: DayRange, enteredAt: Date) {
        self.id = id
        self.sourceID = sourceID
        self.routeID = routeID
        self.amount = amount
        self.period = period
        self.enteredAt = enteredAt
    }
}

extension Allocation {
    /// The order in which allocations active on the same day are drawn (DESIGN.md, "Coverage"):
    /// earliest-ending first, so money that would lapse soonest is used before money that
    /// could still be spent later; then earliest-starting; then oldest. The id settles exact
    /// ties so the result never depends on the order records arrive in.
    public static func drawsBefore(_ a: Allocation, _ b: Allocation) -> Bool {
        if a.period.end != b.period.end { return a.period.end < b.period.end }
        if a.period.start != b.period.start { return a.period.start < b.period.start }
        if a.enteredAt != b.enteredAt { return a.enteredAt < b.enteredAt }
        if a.id != b.id { return a.id.sortsBefore(b.id) }
        // Only malformed data (two records sharing an id) gets here; keep the order total anyway.
        if a.amount != b.amount { return a.amount < b.amount }
        return a.sourceID.sortsBefore(b.sourceID)
    }
}

extension UUID {
    /// Byte order of the 128 bits — the same order as `uuidString` — without building strings.
    func sortsBefore(_ other: UUID) -> Bool {
        let (a1, a2) = halves
        let (b1, b2) = other.halves
        return a1 != b1 ? a1 < b1 : a2 < b2
    }

    private var halves: (UInt64, UInt64) {
        withUnsafeBytes(of: uuid) { bytes in
            (UInt64(bigEndian: bytes.loadUnaligned(as: UInt64.self)),
             UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }
}
