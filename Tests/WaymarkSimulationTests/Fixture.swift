import Foundation
import WaymarkDomain
@testable import WaymarkSimulation

/// A small tenant built by hand: three routes over two local authorities, five sources of
/// every status, as of mid-January 2024 with a 24-month horizon.
enum Fixture {
    static let asOf = Day(2024, 1, 15)
    static let laA = UUID(uuidString: "A0000000-0000-4000-8000-000000000001")!
    static let laB = UUID(uuidString: "B0000000-0000-4000-8000-000000000002")!
    static let routeIDs = (1...3).map { UUID(uuidString: "00000000-0000-4000-8000-00000000000\($0)")! }
    static let homeOffice = id(0x10), council = id(0x11), trust = id(0x12), withdrawn = id(0x13), school = id(0x14)
    static let dailyCost = Money(pounds: 100)

    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-4000-8000-%012X", n))! }

    /// Weekdays, as far as the simulation cares: five days in every seven.
    static func schoolDays(_ range: DayRange) -> [Day] {
        range.filter { ($0.daysSinceEpoch % 7 + 7) % 7 < 5 }
    }

    /// Both authorities' school days, as their term calendars know them.
    static let knownSchoolDays = schoolDays(DayRange(start: Day(2023, 9, 1), end: Day(2026, 7, 20))!)

    static func schedule(cost: Money = dailyCost) -> RouteSchedule {
        let days = knownSchoolDays
        return RouteSchedule(days: days, costs: days.map { _ in cost }, end: .termDatesEnd(Day(2026, 8, 31)))
    }

    /// What a route costs over `range` at the fixture's daily cost.
    static func cost(_ range: DayRange) -> Money { Money(pence: dailyCost.pence * Int64(schoolDays(range).count)) }

    static func range(_ a: Day, _ b: Day) -> DayRange { DayRange(start: a, end: b)! }

    static func source(_ id: UUID, _ funder: String, _ status: FundingSource.Status, _ period: DayRange,
                       renewable: Bool = false) -> FundingSource {
        FundingSource(id: id, funderName: funder, programmeName: "grant", kind: .other, amount: Money(pounds: 10_000_000),
                      period: period, status: status, renewable: renewable)
    }

    static func allocation(_ n: Int, _ source: UUID, route: Int, _ amount: Money, _ period: DayRange) -> Allocation {
        Allocation(id: id(0x100 + n), sourceID: source, routeID: routeIDs[route], amount: amount, period: period,
                   enteredAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(n)))
    }

    static let fy2324 = range(Day(2023, 4, 1), Day(2024, 3, 31))
    static let fy2425 = range(Day(2024, 4, 1), Day(2025, 3, 31))
    static let ay2425 = range(Day(2024, 9, 1), Day(2025, 8, 31))

    static func base(horizonMonths: Int = 24) -> SimulationBase {
        let routes = (0..<3).map { r in
            SimulationRoute(id: routeIDs[r], code: "R\(r + 1)", childrenPerDay: 10 * (r + 1),
                            localAuthorityID: r < 2 ? laA : laB, schedule: schedule())
        }
        let autumn = range(Day(2023, 9, 1), Day(2024, 3, 31))
        let sources = [
            source(homeOffice, "Home Office", .confirmed, fy2324, renewable: true),
            source(council, "Council A", .pledged, fy2425),
            source(trust, "Trust", .prospective, ay2425),
            source(withdrawn, "Gone", .withdrawn, fy2425),
            source(school, "School", .received, range(Day(2023, 9, 1), Day(2024, 7, 31))),
        ]
        let allocations = [
            allocation(1, homeOffice, route: 0, cost(autumn), fy2324),
            allocation(2, homeOffice, route: 1, cost(autumn), fy2324),
            allocation(3, council, route: 0, cost(fy2425), fy2425),
            allocation(4, trust, route: 2, cost(ay2425), ay2425),
            allocation(5, withdrawn, route: 1, cost(fy2425), fy2425),
            // Covers route 3 into the spring, then runs short: a partly covered stretch.
            allocation(6, school, route: 2, Money(pence: cost(range(Day(2023, 9, 1), Day(2024, 5, 10))).pence + 5_000),
                       range(Day(2023, 9, 1), Day(2024, 7, 31))),
            // More than route 2 needs: money that lapses inside the horizon.
            allocation(7, council, route: 1, cost(fy2425) + Money(pounds: 1_234), fy2425),
        ]
        return SimulationBase(routes: routes, sources: sources, allocations: allocations, asOf: asOf,
                              horizonMonths: horizonMonths, schoolDays: [laA: knownSchoolDays, laB: knownSchoolDays])
    }

    /// Probabilities 0 or 1 only, no ranges: projected-style certainty.
    static func certain(_ name: String = "certain", samples: Int = 50) -> Scenario {
        var uncertainty = Uncertainty()
        uncertainty.byStatus.pledged = 1
        uncertainty.byStatus.prospective = 0
        return Scenario(name: name, samples: samples, seed: 7, uncertainty: uncertainty)
    }

    /// Plenty of chance: default probabilities, renewals with a range and a delay, inflation.
    static func uncertain(samples: Int = 2_000, seed: UInt64 = 42) -> Scenario {
        var uncertainty = Uncertainty()
        uncertainty.renewal = RenewalAssumption(probability: 0.6, amountFactor: DrawRange(0.8, 1.1), decisionDelayDays: 20)
        uncertainty.inflation = DrawRange(0.01, 0.06)
        return Scenario(name: "uncertain", samples: samples, seed: seed, uncertainty: uncertainty)
    }

    static func month(_ result: SimulationResult, _ year: Int, _ month: Int) -> Int {
        result.months.firstIndex(of: Day(year, month, 1))!
    }
}
