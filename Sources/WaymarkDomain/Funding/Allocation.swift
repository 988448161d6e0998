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
    /// When the allocation was entered into Waymark.
    public var enteredAt: Date
    /// The day it was agreed (its effective day); nil when only the moment it was entered is known.
    public var agreedOn: Day?

    public init(id: UUID = UUID(), sourceID: UUID, routeID: UUID, amount: Money,
                period: DayRange, enteredAt: Date, agreedOn: Day? = nil) {
        self.id = id
        self.sourceID = sourceID
        self.routeID = routeID
        self.amount = amount
        self.period = period
        self.enteredAt = enteredAt
        self.agreedOn = agreedOn
    }
}

extension Allocation {
    /// The agreed day, or (for an allocation known only by when it was entered) that day in
    /// UTC, so that every allocation has one and the draw order stays a total order.
    var agreedDay: Day { agreedOn ?? Day(enteredAt, in: TimeZone(secondsFromGMT: 0)!) }

    /// The order in which allocations active on the same day are drawn (DESIGN.md, "Coverage"):
    /// earliest-ending first, so money that would lapse soonest is used before money that
    /// could still be spent later; then earliest-starting; then oldest: agreed first, and of
    /// those agreed the same day (or with no agreed day), entered first. The id settles exact
    /// ties so the result never depends on the order records arrive in.
    public static func drawsBefore(_ a: Allocation, _ b: Allocation) -> Bool {
        if a.period.end != b.period.end { return a.period.end < b.period.end }
        if a.period.start != b.period.start { return a.period.start < b.period.start }
        if a.agreedDay != b.agreedDay { return a.agreedDay < b.agreedDay }
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
