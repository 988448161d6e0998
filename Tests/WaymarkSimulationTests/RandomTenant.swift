import Foundation
import WaymarkDomain
@testable import WaymarkSimulation

/// Small tenants and scenarios made up from a seed, awkward on purpose, for checking the two
/// engines against each other: routes opening late and closing early or running past the
/// horizon, costs that change mid-year, unknown and free days, overlapping allocations of
/// every size (none, a penny, a fortune), money that renews, is withdrawn or scaled, costs
/// changed and routes opened and closed by the scenario, and pooled funds of every policy
/// with overlapping periods. Built on the fixture's two authorities and school days.
struct RandomTenant {
    var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ p: Double) -> Bool { random.chance(p) }
    mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

    /// A day from `from`, up to `days` later.
    mutating func day(from: Day, within days: Int) -> Day { from.adding(days: int(0...days)) }

    mutating func period(from: Day, within days: Int, length: ClosedRange<Int>) -> DayRange {
        let start = day(from: from, within: days)
        return Fixture.range(start, start.adding(days: int(length)))
    }

    static let schoolDays = Fixture.knownSchoolDays
    static let authorities = [Fixture.laA, Fixture.laB]
    /// Daily costs: unknown (nil), free, a penny, and prices inflation rounds.
    static let dailyCosts: [Money?] = [nil, .zero, Money(pence: 1), Money(pence: 333), Money(pounds: 100),
                                        Money(pence: 25_001), Money(pence: 9_999)]

    mutating func schedule() -> RouteSchedule {
        let days = Self.schoolDays
        let first = chance(0.7) ? 0 : int(0...(days.count / 2))
        let end = chance(0.6) ? days.count : int((first + 1)...days.count)
        let run = Array(days[first..<end])
        // A few stretches, each at one cost: changes mid-year, not on 1 April.
        var costs: [Money?] = []
        while costs.count < run.count {
            let cost = chance(0.8) ? pick(Array(Self.dailyCosts.dropFirst())) : nil
            costs += Array(repeating: cost, count: Swift.min(int(1...300), run.count - costs.count))
        }
        let last = run.last ?? days[0]
        return RouteSchedule(days: run, costs: costs, end: end < days.count ? .routeCloses(last) : .termDatesEnd(last))
    }

    mutating func amount() -> Money {
        switch int(0...9) {
        case 0: .zero
        case 1: Money(pence: 1)
        case 2: Money(pence: -500)
        case 3: Money(pounds: 50_000_000)
        default: Money(pence: Int64(int(1...300)) * 10_000 + Int64(int(0...99)))
        }
    }

    mutating func base() -> SimulationBase {
        let asOf = day(from: Day(2023, 10, 1), within: 360)
        let routes = (0..<int(1...5)).map { r in
            SimulationRoute(id: Fixture.id(0x3000 + r), code: "T\(r)", childrenPerDay: int(0...40),
                            localAuthorityID: pick(Self.authorities), schedule: schedule())
        }
        let statuses: [FundingSource.Status] = [.prospective, .pledged, .confirmed, .received, .withdrawn]
        let sources = (0..<int(1...6)).map { s in
            FundingSource(id: Fixture.id(0x4000 + s), funderName: "Funder \(int(0...3))", programmeName: "grant", kind: .other,
                          amount: Money(pounds: 10_000_000),
                          period: period(from: Day(2023, 4, 1), within: 800, length: 20...800),
                          status: pick(statuses),
                          restrictions: chance(0.3) ? .init(localAuthorityIDs: [pick(Self.authorities)]) : .none,
                          renewable: chance(0.5))
        }
        var allocations: [Allocation] = []
        for route in routes {
            for _ in 0..<int(0...5) {
                let source = pick(sources)
                let span = source.period.dayCount - 1
                let start = source.period.start.adding(days: chance(0.5) ? 0 : int(0...span))
                let end = chance(0.5) ? source.period.end : Swift.min(source.period.end, start.adding(days: int(0...span)))
                allocations.append(Allocation(
                    id: Fixture.id(0x5000 + allocations.count), sourceID: source.id, routeID: route.id, amount: amount(),
                    period: Fixture.range(start, end),
                    enteredAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(int(0...3)))))
            }
        }
        return SimulationBase(routes: routes, sources: sources, allocations: allocations, asOf: asOf,
                              horizonMonths: int(1...30), schoolDays: [Fixture.laA: Self.schoolDays, Fixture.laB: Self.schoolDays])
    }

    mutating func scenario(on base: SimulationBase, samples: Int, seed: UInt64) -> Scenario {
        var uncertainty = Uncertainty()
        uncertainty.byStatus.prospective = pick([0, 0.3, 0.5])
        uncertainty.byStatus.pledged = pick([0.7, 1])
        uncertainty.byStatus.confirmed = pick([0.9, 1])
        if chance(0.6) {
            uncertainty.renewal = RenewalAssumption(probability: pick([0.5, 1]), amountFactor: pick([.exactly(1), DrawRange(0.7, 1.2)]),
                                                    decisionDelayDays: pick([0, 20, 45]))
        }
        uncertainty.inflation = pick([.exactly(0), DrawRange(0.02, 0.06), DrawRange(-0.05, 0.1), .exactly(0.033)])
        if chance(0.3) { uncertainty.funderGroups = [["Funder 0", "Funder 1"]] }
        var interventions: [Intervention] = []
        let routes = base.routes, sources = base.sources
        for _ in 0..<int(0...5) {
            switch int(0...6) {
            case 0: interventions.append(.withdrawSource(sourceID: pick(sources).id, from: day(from: base.asOf, within: 500)))
            case 1: interventions.append(.scaleSource(sourceID: pick(sources).id, factor: pick([0, 0.5, 0.83, 1.7])))
            case 2:
                interventions.append(.addSource(source: HypotheticalSource(
                    funderName: "Bid", amount: Money(pounds: Int64(int(1...200)) * 100),
                    period: period(from: base.asOf, within: 400, length: 30...500), probability: pick([0.4, 1]),
                    localAuthorityIDs: chance(0.5) ? [pick(Self.authorities)] : [], renewable: chance(0.3))))
            case 3:
                interventions.append(.changeDailyCost(routeID: pick(routes).id, dailyCost: pick([Money(pence: -1), Money(pounds: 180), .zero]),
                                                      from: day(from: base.asOf, within: 400)))
            case 4: interventions.append(.closeRoute(routeID: pick(routes).id, on: day(from: base.asOf, within: 600)))
            case 5:
                interventions.append(.openRoute(route: HypotheticalRoute(
                    code: "New", localAuthorityID: pick(Self.authorities), childrenPerDay: 12,
                    dailyCost: pick([Money(pounds: 90), Money(pence: 12_345)]), from: day(from: base.asOf, within: 300),
                    closes: chance(0.5) ? day(from: base.asOf, within: 900) : nil)))
            default:
                let policies: [PoolPolicy] = [.proRata, .cheapestFirst, .childrenPerPound,
                                              .priority(scores: [RouteScore(routeID: pick(routes).id, score: 5)])]
                interventions.append(.pooledFund(fund: PooledFund(
                    name: "Pot", amount: Money(pounds: Int64(int(1...400)) * 50),
                    period: period(from: base.asOf.adding(days: -60), within: 400, length: 20...400),
                    probability: pick([0.6, 1]), policy: pick(policies),
                    localAuthorityIDs: chance(0.3) ? [pick(Self.authorities)] : [])))
            }
        }
        return Scenario(name: "random", samples: samples, seed: seed, uncertainty: uncertainty, interventions: interventions)
    }
}
