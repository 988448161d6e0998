import Foundation

/// Delivery summed over any set of route-months: the figures the dashboards show by month,
/// route, local authority and provider. Sums are exact integers (hours aside); rates are
/// worked out from the sums, never averaged from rates.
public struct DeliveryFigures: Hashable, Sendable {
    public var schoolDays = 0
    public var sessionsPlanned = 0
    public var sessionsDelivered = 0
    public var chaperoneHours = 0.0
    public var youngPeopleEngaged = 0
    public var incidents = 0
    public var deEscalated = 0
    public var safeguardingConcerns = 0
    public var referrals = 0
    public var routeMonths = 0

    public init() {}

    public init(_ line: RouteReturnLine) {
        add(line)
    }

    public mutating func add(_ line: RouteReturnLine) {
        schoolDays += line.schoolDays
        sessionsPlanned += line.sessionsPlanned
        sessionsDelivered += line[.sessionsDelivered]
        chaperoneHours += line.chaperoneHours
        youngPeopleEngaged += line[.youngPeopleEngaged]
        incidents += line.incidentsTotal
        deEscalated += line[.incidentsDeEscalated]
        safeguardingConcerns += line[.safeguardingConcerns]
        referrals += line.referralsTotal
        routeMonths += 1
    }

    public static func + (lhs: DeliveryFigures, rhs: DeliveryFigures) -> DeliveryFigures {
        var sum = lhs
        sum.schoolDays += rhs.schoolDays
        sum.sessionsPlanned += rhs.sessionsPlanned
        sum.sessionsDelivered += rhs.sessionsDelivered
        sum.chaperoneHours += rhs.chaperoneHours
        sum.youngPeopleEngaged += rhs.youngPeopleEngaged
        sum.incidents += rhs.incidents
        sum.deEscalated += rhs.deEscalated
        sum.safeguardingConcerns += rhs.safeguardingConcerns
        sum.referrals += rhs.referrals
        sum.routeMonths += rhs.routeMonths
        return sum
    }

    /// Sessions delivered ÷ planned; nil when nothing was planned (a month of holidays).
    public var deliveryRate: Double? {
        sessionsPlanned > 0 ? Double(sessionsDelivered) / Double(sessionsPlanned) : nil
    }

    /// "96.3%", or "–" when nothing was planned.
    public var deliveryRateText: String {
        guard let rate = deliveryRate else { return "–" }
        return Self.percent(rate)
    }

    public static func percent(_ rate: Double) -> String {
        let tenths = (rate * 1000).rounded() / 10
        return (tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)) + "%"
    }
}

/// One approved route-month, with what the dashboards group it by.
public struct DeliveryFact: Hashable, Sendable {
    public let month: CalendarMonth
    public let routeID: UUID
    public let authority: String
    public let provider: String
    public let line: RouteReturnLine

    public init(month: CalendarMonth, routeID: UUID, authority: String, provider: String, line: RouteReturnLine) {
        self.month = month
        self.routeID = routeID
        self.authority = authority
        self.provider = provider
        self.line = line
    }
}

public enum DeliverySummary {
    /// The figures for each value of `key`, sorted by key.
    public static func grouped<Key: Hashable & Comparable>(_ facts: [DeliveryFact], by key: (DeliveryFact) -> Key) -> [(Key, DeliveryFigures)] {
        var groups: [Key: DeliveryFigures] = [:]
        for fact in facts { groups[key(fact), default: DeliveryFigures()].add(fact.line) }
        return groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public static func total(_ facts: [DeliveryFact]) -> DeliveryFigures {
        facts.reduce(into: DeliveryFigures()) { $0.add($1.line) }
    }
}
