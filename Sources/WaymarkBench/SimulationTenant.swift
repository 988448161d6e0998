import Foundation
import WaymarkDomain
import WaymarkSimulation

/// A made-up tenant for the simulation benchmark, deterministic from its seed: routes spread
/// over local authorities (sharing the seven synthetic term calendars), sources restricted
/// to one authority or unrestricted central money, every status, about a third renewable,
/// and each route funded by a few allocations from the sources it may draw on.
enum SimulationTenant {
    static let asOf = Day(2023, 1, 16)   // before central funding's March 2023 end
    static let scheduleStart = Day(2022, 9, 1)

    static func base(routes routeCount: Int, authorities: Int, sources sourceCount: Int,
                     allocationsPerRoute: Int, seed: UInt64 = 2023) -> SimulationBase {
        var rng = BenchRandom(seed: seed)
        let calendars = SyntheticCalendars.make(years: 2022...2025)
        let authorityIDs = (0..<authorities).map { UUID(number: 5_000_000 + $0) }
        let sources = (0..<sourceCount).map { source(number: $0, authorities: authorityIDs, &rng) }
        // Sources each route may draw on: its authority's, and the unrestricted ones.
        var usable = [[Int]](repeating: [], count: authorities)
        let central = sources.indices.filter { sources[$0].restrictions.isUnrestricted }
        for (index, source) in sources.enumerated() {
            for id in source.restrictions.localAuthorityIDs { usable[authorityIDs.firstIndex(of: id)!].append(index) }
        }
        var routes: [SimulationRoute] = [], allocations: [Allocation] = []
        for number in 0..<routeCount {
            let authority = number % authorities
            let model = costModel(&rng)
            let schedule = RouteSchedule(calendar: calendars[authority % calendars.count], costModel: model,
                                         from: scheduleStart)
            let id = UUID(number: 1_000_000 + number)
            routes.append(SimulationRoute(id: id, code: "R\(number + 1)", childrenPerDay: rng.int(10...40),
                                          localAuthorityID: authorityIDs[authority], schedule: schedule))
            let daily = model.dailyCost(on: asOf)!.pence
            let choices = usable[authority] + central
            for _ in 0..<allocationsPerRoute {
                let source = sources[choices[rng.int(0...(choices.count - 1))]]
                let period = source.period.clamped(to: DayRange(start: scheduleStart, end: .latest)!) ?? source.period
                let schoolDays = Int64(period.dayCount) * 190 / 365
                allocations.append(Allocation(
                    id: UUID(number: 2_000_000 + allocations.count), sourceID: source.id, routeID: id,
                    amount: Money(pence: schoolDays * daily * Int64(rng.int(40...110)) / 100), period: period,
                    enteredAt: Date(timeIntervalSince1970: 1_650_000_000 + Double(allocations.count))))
            }
        }
        return SimulationBase(routes: routes, sources: sources, allocations: allocations, asOf: asOf, horizonMonths: 36)
    }

    private static func source(number: Int, authorities: [UUID], _ rng: inout BenchRandom) -> FundingSource {
        let isCentral = number % 10 == 0
        let status: FundingSource.Status = switch rng.int(0...99) {
        case 0..<30: .received
        case 30..<60: .confirmed
        case 60..<80: .pledged
        case 80..<95: .prospective
        default: .withdrawn
        }
        let startYear = 2022 + rng.int(0...2), years = rng.int(1...3)
        let start = rng.chance(0.6) ? Day(startYear, 4, 1) : Day(startYear, 9, 1)
        let authority = authorities[number % authorities.count]
        return FundingSource(
            id: UUID(number: number), funderName: isCentral ? "Central \(number % 3)" : "Council \(number % authorities.count)",
            programmeName: "programme \(number)", kind: isCentral ? .centralGrant : .council,
            amount: Money(pounds: 10_000_000), period: DayRange(start: start, end: start.adding(months: 12 * years).previous)!,
            status: status, restrictions: isCentral ? .none : .init(localAuthorityIDs: [authority]),
            renewable: isCentral || rng.chance(0.3))
    }

    private static func costModel(_ rng: inout BenchRandom) -> RouteCostModel {
        RouteCostModel(entries: [.init(effectiveFrom: scheduleStart, chaperones: rng.int(2...4),
                                       minutesPerDay: rng.int(8...16) * 15,
                                       hourlyRate: Money(pence: Int64(rng.int(1_200...1_700))),
                                       dailyManagement: Money(pence: Int64(rng.int(2_000...4_000))))])
    }

    /// A busy scenario: default probabilities, councils 0–2 deciding together, uncertain
    /// renewals with a decision delay, 2–6% inflation, and one of each intervention.
    static func scenario(_ base: SimulationBase, samples: Int) -> Scenario {
        var uncertainty = Uncertainty()
        uncertainty.funderGroups = [["Council 0", "Council 1", "Council 2"]]
        uncertainty.overrides = [ProbabilityOverride(funderName: "Central 1", probability: 0.5)]
        uncertainty.renewal = RenewalAssumption(probability: 0.6, amountFactor: DrawRange(0.8, 1.1), decisionDelayDays: 30)
        uncertainty.inflation = DrawRange(0.02, 0.06)
        let first = base.routes[0], last = base.routes[base.routes.count - 1]
        let year = DayRange(start: Day(2024, 4, 1), end: Day(2025, 3, 31))!
        return Scenario(name: "benchmark", samples: samples, seed: 7, uncertainty: uncertainty, interventions: [
            .withdrawSource(sourceID: base.sources[0].id, from: Day(2023, 4, 1)),
            .scaleSource(sourceID: base.sources[1].id, factor: 0.67),
            .addSource(source: HypotheticalSource(funderName: "Youth Endowment Fund", amount: Money(pounds: 2_000_000),
                                                  period: year, probability: 0.4,
                                                  localAuthorityIDs: first.localAuthorityID.map { [$0] } ?? [])),
            .changeDailyCost(routeID: first.id, dailyCost: Money(pounds: 450), from: Day(2023, 9, 1)),
            .closeRoute(routeID: last.id, on: Day(2024, 7, 19)),
        ])
    }
}
