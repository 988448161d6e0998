import Foundation
import WaymarkDomain

/// A made-up tenant the size the coverage engine must handle: 1,000 routes over three school
/// years across seven calendars, and 10,000 allocations from about 200 sources of every kind
/// and status. Deterministic from its seed.
struct SyntheticTenant {
    let calendars: [TermCalendar]
    let sources: [FundingSource]
    let inputs: [RouteCoverageInput]
    let allocationCount: Int

    static let firstYear = 2023
    static let span = DayRange(start: Day(2023, 9, 1), end: Day(2026, 8, 31))!

    init(routes: Int = 1_000, allocationsPerRoute: Int = 10, sourceCount: Int = 200, seed: UInt64 = 2024) {
        var rng = BenchRandom(seed: seed)
        let calendars = SyntheticCalendars.make(years: Self.firstYear...(Self.firstYear + 2))
        let sources = (0..<sourceCount).map { Self.source(number: $0, &rng) }
        var inputs: [RouteCoverageInput] = []
        var allocationCount = 0
        for number in 0..<routes {
            let routeID = UUID(number: 1_000_000 + number)
            let cost = Self.costModel(&rng)
            let closing: Day? = rng.chance(0.05) ? Day(2025, 7, 31) : nil
            let schedule = RouteSchedule(calendar: calendars[number % calendars.count], costModel: cost,
                                         from: Self.span.start, closingOn: closing)
            // A typical day's cost, to size allocations so that some routes are short and some flush.
            let daily = cost.dailyCost(on: Day(2024, 1, 10))!.pence
            let allocations = (0..<allocationsPerRoute).map { index in
                Self.allocation(routeID: routeID, daily: daily, number: allocationCount + index, sources: sources, &rng)
            }
            allocationCount += allocations.count
            inputs.append(RouteCoverageInput(routeID: routeID, schedule: schedule, allocations: allocations))
        }
        self.calendars = calendars
        self.sources = sources
        self.inputs = inputs
        self.allocationCount = allocationCount
    }

    private static func source(number: Int, _ rng: inout BenchRandom) -> FundingSource {
        let kinds = FundingSource.Kind.allCases
        let statusDraw = rng.int(0...99)
        let status: FundingSource.Status = switch statusDraw {
        case 0..<25: .received
        case 25..<60: .confirmed
        case 60..<80: .pledged
        case 80..<92: .prospective
        default: .withdrawn
        }
        // Financial-year or academic-year periods, one to three years long.
        let startYear = firstYear + rng.int(0...2)
        let years = rng.int(1...3)
        let start = rng.chance(0.5) ? Day(startYear, 4, 1) : Day(startYear, 9, 1)
        let end = Swift.min(start.adding(months: 12 * years).previous, span.end.adding(days: 365))
        return FundingSource(id: UUID(number: number), funderName: "Funder \(number % 60)", programmeName: "programme \(number)",
                             kind: kinds[number % kinds.count], amount: Money(pounds: Int64(rng.int(50_000...2_000_000))),
                             period: DayRange(start: start, end: end)!, status: status, renewable: rng.chance(0.3))
    }

    private static func costModel(_ rng: inout BenchRandom) -> RouteCostModel {
        let chaperones = rng.int(2...4), minutes = rng.int(8...16) * 15
        var rate = Int64(rng.int(1_200...1_700)), management = Int64(rng.int(2_000...4_000))
        var entries: [RouteCostModel.Entry] = []
        for year in 0..<3 {   // a pay rise each April
            let from = year == 0 ? span.start : Day(firstYear + year, 4, 1)
            entries.append(.init(effectiveFrom: from, chaperones: chaperones, minutesPerDay: minutes,
                                 hourlyRate: Money(pence: rate), dailyManagement: Money(pence: management)))
            rate += Int64(rng.int(20...80))
            management += Int64(rng.int(0...200))
        }
        return RouteCostModel(entries: entries)
    }

    /// A slice of a random source's period inside the three years, worth 30–130% of the
    /// route's cost over that slice (taking about 190 school days a year).
    private static func allocation(routeID: UUID, daily: Int64, number: Int, sources: [FundingSource],
                                   _ rng: inout BenchRandom) -> FundedAllocation {
        let source = sources[rng.int(0...(sources.count - 1))]
        let window = source.period.clamped(to: span) ?? source.period
        let start = window.start.adding(days: rng.int(0...(window.dayCount / 2)))
        let length = rng.int(30...Swift.max(30, window.end.days(from: start)))
        let end = Swift.min(start.adding(days: length), window.end)
        let period = DayRange(start: start, end: Swift.max(start, end))!
        let schoolDays = Int64(period.dayCount) * 190 / 365
        let amount = schoolDays * daily * Int64(rng.int(30...130)) / 100
        let allocation = Allocation(id: UUID(number: 2_000_000 + number), sourceID: source.id, routeID: routeID,
                                    amount: Money(pence: Swift.max(amount, 100)), period: period,
                                    enteredAt: Date(timeIntervalSince1970: 1_690_000_000 + Double(rng.int(0...10_000_000))))
        return FundedAllocation(allocation, of: source)
    }
}

extension UUID {
    /// A readable, stable id for synthetic records.
    init(number: Int) {
        self.init(uuidString: String(format: "00000000-0000-4000-8000-%012X", number))!
    }
}
