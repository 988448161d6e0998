/// The look-ahead bands of the "ending grants" list and alerts: by default grants ending
/// within 30, 90 and 180 days.
///
/// DESIGN.md's reading of "ends within N days" is used for grants too: the end day is
/// earlier than the as-of date plus N calendar days. With bands 30, 90 and 180 and
/// `d = end − asOf`, a grant is in band 30 when 0 ≤ d < 30, band 90 when 30 ≤ d < 90, band
/// 180 when 90 ≤ d < 180, and in none from d = 180 — so "0–30, 31–90, 91–180" on a page
/// means days *left* 0–29, 30–89 and 90–179. A grant that ended before the as-of date is in
/// no band: it has ended, not "is ending".
public struct GrantBands: Hashable, Sendable, Codable {
    /// Ascending, distinct and positive.
    public let limits: [Int]

    /// Limits are sorted and de-duplicated, and any not above zero dropped, so a tenant's
    /// setting cannot make a band that holds nothing or overlaps another.
    public init(_ limits: [Int] = [30, 90, 180]) {
        self.limits = Array(Set(limits.filter { $0 > 0 })).sorted()
    }

    public static let standard = GrantBands()

    /// The narrowest band `end` falls in as of `asOf`, or nil when it falls in none.
    public func band(forEnd end: Day, asOf: Day) -> Int? {
        let daysLeft = end.days(from: asOf)
        guard daysLeft >= 0 else { return nil }
        return limits.first { daysLeft < $0 }
    }

    /// The bands wider than `band`: once an alert has gone out for a grant in a narrow band,
    /// alerts for these would be news from the past.
    public func wider(than band: Int) -> [Int] {
        limits.filter { $0 > band }
    }

    /// The band below `band`'s lower edge (0 for the first), for "ends in 30 to 89 days".
    public func lowerEdge(of band: Int) -> Int {
        limits.last { $0 < band } ?? 0
    }
}
