import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// What more money in a pooled fund can and cannot promise. Per sample (common random
/// numbers), a bigger fund spends at least as much: pro rata spends min(amount, gaps), and a
/// greedy pass that skips what does not fit never takes less with more (at the first route
/// the bigger fund takes and the smaller does not, it has already spent more than the
/// smaller fund can ever reach). So the funding gap never grows. Which routes are funded can
/// change: a priority fund that can afford a dearer route first may then skip two cheaper
/// ones, and pro rata's rounded pence can move between routes; only cheapest-first funds a
/// growing prefix of the same order, so only there does no route lose coverage.
struct PoolPropertyTests {
    static let amounts = [2_000, 8_000, 20_000, 60_000, 400_000].map { Money(pounds: $0) }

    static func run(_ amount: Money?, _ policy: PoolPolicy) -> SimulationResult {
        var scenario = Fixture.uncertain(samples: 1_000)
        if let amount {
            scenario.interventions = [.pooledFund(fund: PooledFund(name: "Fund", amount: amount, period: Fixture.fy2425,
                                                                   probability: 0.8, policy: policy))]
        }
        return Simulation.run(scenario, on: Fixture.base())
    }

    static func totalGap(_ result: SimulationResult) -> Double { result.fundingGap.reduce(0) { $0 + $1.mean } }

    @Test(arguments: [PoolPolicy.proRata, .cheapestFirst, .childrenPerPound,
                      .priority(scores: [RouteScore(routeID: Fixture.routeIDs[2], score: 9), RouteScore(routeID: Fixture.routeIDs[0], score: 1)])])
    func moreMoneyNeverRaisesTheGap(policy: PoolPolicy) {
        var previous = Self.totalGap(Self.run(nil, policy))
        var fell = false
        for amount in Self.amounts {
            let gap = Self.totalGap(Self.run(amount, policy))
            #expect(gap <= previous * (1 + 1e-12), "\(amount.display)")
            fell = fell || gap < previous
            previous = gap
        }
        #expect(fell)
    }

    @Test func cheapestFirstNeverUncoversARouteWithMoreMoney() {
        var previous = Self.run(nil, .cheapestFirst).routes
        for amount in Self.amounts {
            let routes = Self.run(amount, .cheapestFirst).routes
            for (now, before) in zip(routes, previous) {
                #expect(zip(now.probabilityCovered, before.probabilityCovered).allSatisfy { $0 >= $1 }, "\(amount.display)")
            }
            previous = routes
        }
    }

    /// With certain money, pro rata takes exactly min(amount, total gap) off the period's gap.
    @Test func proRataSpendsTheWholeFundUpToTheGap() {
        let certain = { (amount: Money?) -> SimulationResult in
            var scenario = Fixture.certain()
            if let amount {
                scenario.interventions = [.pooledFund(fund: PooledFund(name: "Fund", amount: amount, period: Fixture.fy2425,
                                                                       policy: .proRata))]
            }
            return Simulation.run(scenario, on: Fixture.base())
        }
        let plain = certain(nil)
        let april = Fixture.month(plain, 2024, 4), nextApril = Fixture.month(plain, 2025, 4)
        let periodGap = plain.fundingGap[april..<nextApril].reduce(0) { $0 + $1.p50 }
        #expect(periodGap > Money(pounds: 20_000).pence)
        for amount in [Money(pounds: 1_234), Money(pounds: 20_000), Money(pence: periodGap), Money(pence: periodGap + 99)] {
            let result = certain(amount)
            let gap = result.fundingGap[april..<nextApril].reduce(0) { $0 + $1.p50 }
            #expect(gap == periodGap - min(amount.pence, periodGap))
            #expect(result.lapsed.p50 == plain.lapsed.p50 + max(0, amount.pence - periodGap))
        }
    }

    /// Whole pence: never more than a route's gap, and every penny placed while gaps remain.
    @Test func proRataSharesAreWholePenceAndAddUp() {
        let pool = PreparedPool(id: UUID(), amount: 0, probability: 1, stream: 0, order: .proRata, routes: [], firstDay: [],
                                endDay: [], children: [], codeRank: [], lapsesInHorizon: true)
        for (gaps, amount, expected) in [([Int64(1), 1, 1], Int64(2), [Int64(1), 1, 0]), ([3, 0, 5], 4, [2, 0, 2]),
                                         ([1, 1, 3, 3], 3, [1, 0, 1, 1]), ([10, 20], 45, [10, 20])] {
            var grants = [Int64](repeating: -1, count: gaps.count), order = [Int32](repeating: 0, count: gaps.count)
            let left = gaps.withUnsafeBufferPointer { g in
                grants.withUnsafeMutableBufferPointer { out in
                    order.withUnsafeMutableBufferPointer { PoolSpending.divide(amount, among: g, pool: pool, grants: out, order: $0) }
                }
            }
            #expect(grants == expected)
            #expect(left == amount - grants.reduce(0, +))
            #expect(zip(grants, gaps).allSatisfy { $0 <= $1 })
        }
    }
}
