import Foundation

/// What a provider reports for one route in one month. Counts only, never names.
///
/// School days are not typed by the provider: they come from the route's term calendar for
/// the days of the month its contract covers, and are kept with the line so that a later
/// change to the calendar does not rewrite what was reported against.
public struct RouteReturnLine: Hashable, Sendable, Codable {
    public var routeID: UUID
    public var schoolDays: Int
    public var counts: [ReturnCount: Int]
    /// Hours chaperones spent on the route, to the quarter hour or finer.
    public var chaperoneHours: Double

    /// Each school day has a journey to school and one home.
    public static let sessionsPerSchoolDay = 2

    public init(routeID: UUID, schoolDays: Int, counts: [ReturnCount: Int] = [:], chaperoneHours: Double = 0) {
        self.routeID = routeID
        self.schoolDays = schoolDays
        self.counts = counts
        self.chaperoneHours = chaperoneHours
    }

    /// Planned sessions are derived, never typed.
    public var sessionsPlanned: Int { schoolDays * Self.sessionsPerSchoolDay }

    /// A count not reported reads as nought.
    public subscript(_ count: ReturnCount) -> Int {
        get { counts[count] ?? 0 }
        set { counts[count] = newValue }
    }

    public var incidentsTotal: Int { ReturnCount.incidents.reduce(0) { $0 + self[$1] } }
    public var referralsTotal: Int { ReturnCount.referrals.reduce(0) { $0 + self[$1] } }

    private enum CodingKeys: String, CodingKey { case routeID = "route_id", schoolDays = "school_days", counts, chaperoneHours = "chaperone_hours" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        routeID = try container.decode(UUID.self, forKey: .routeID)
        schoolDays = try container.decode(Int.self, forKey: .schoolDays)
        chaperoneHours = try container.decode(Double.self, forKey: .chaperoneHours)
        let raw = try container.decode([String: Int].self, forKey: .counts)
        var counts: [ReturnCount: Int] = [:]
        for (key, value) in raw {
            guard let count = ReturnCount(rawValue: key) else {
                throw DecodingError.dataCorruptedError(forKey: .counts, in: container, debugDescription: "unknown count \(key)")
            }
            counts[count] = value
        }
        self.counts = counts
    }

    /// Counts are written keyed by their column name, so stored returns read like the template.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(routeID, forKey: .routeID)
        try container.encode(schoolDays, forKey: .schoolDays)
        try container.encode(chaperoneHours, forKey: .chaperoneHours)
        try container.encode(Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) }), forKey: .counts)
    }
}
