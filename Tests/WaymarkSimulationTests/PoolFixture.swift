import Foundation
import WaymarkDomain
@testable import WaymarkSimulation

/// Four routes of one authority with no money at all, so a pooled fund for February is the
/// only thing that pays anything and each route's gap is its February cost:
///
/// | route | daily cost | children | February gap (21 school days) |
/// |---|---|---|---|
/// | A | £100 | 10 | £2,100 |
/// | B | £200 | 30 | £4,200 |
/// | C | £300 | 20 | £6,300 |
/// | D | £400 | 40 | £8,400 |
enum PoolFixture {
    static let codes = ["A", "B", "C", "D"]
    static let routeIDs = (0..<4).map { Fixture.id(0x200 + $0) }
    static let dailyCosts = [100, 200, 300, 400].map { Money(pounds: $0) }
    static let children = [10, 30, 20, 40]
    static let february = Fixture.range(Day(2024, 2, 1), Day(2024, 2, 29))
    static let februaryDays = Int64(Fixture.schoolDays(february).count)

    static func base() -> SimulationBase {
        let routes = (0..<4).map { r in
            SimulationRoute(id: routeIDs[r], code: codes[r], childrenPerDay: children[r], localAuthorityID: Fixture.laA,
                            schedule: Fixture.schedule(cost: dailyCosts[r]))
        }
        return SimulationBase(routes: routes, sources: [], allocations: [], asOf: Day(2024, 1, 15), horizonMonths: 6,
                              schoolDays: [Fixture.laA: Fixture.knownSchoolDays])
    }

    /// Route r's unpaid cost in February.
    static func gap(_ r: Int) -> Money { Money(pence: dailyCosts[r].pence * februaryDays) }
    static var totalGap: Money { (0..<4).reduce(Money.zero) { $0 + gap($1) } }

    static func fund(_ amount: Money, _ policy: PoolPolicy, probability: Double = 1, id: UUID? = nil) -> PooledFund {
        PooledFund(id: id, name: "February fund", amount: amount, period: february, probability: probability, policy: policy)
    }

    static func run(_ funds: [PooledFund], samples: Int = 20, threads: Int? = nil) -> SimulationResult {
        let scenario = Scenario(name: "pools", samples: samples, seed: 3, interventions: funds.map { .pooledFund(fund: $0) })
        return Simulation.run(scenario, on: base(), threads: threads)
    }

    /// Codes of the routes covered in February (every sample alike: nothing here is uncertain).
    static func coveredInFebruary(_ result: SimulationResult) -> [String] {
        let month = Fixture.month(result, 2024, 2)
        return result.routes.filter { $0.probabilityCovered[month] == 1 }.map(\.code)
    }

    static func score(_ r: Int, _ score: Double) -> RouteScore { RouteScore(routeID: routeIDs[r], score: score) }
}
