import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// How a pooled fund's grant is paid, how it is drawn, and how it is checked.
struct PoolMechanicsTests {
    /// The sample loop pays a grant on top of the finished walk instead of walking the route
    /// again with one more allocation drawn last: the two must give the same days paid.
    @Test func payingOnTopOfTheWalkIsTheWalkWithTheGrantDrawnLast() {
        var random = SeededRandom(seed: 11)
        var kernel = CoverageKernel()
        for _ in 0..<200 {
            let n = Int.random(in: 1...60, using: &random)
            // Some unknown (negative) and free days among the priced ones.
            let costs = (0..<n).map { _ in [-1, 0, 500, 1_000, 1_250].randomElement(using: &random)! }.map(Int64.init)
            let count = Int.random(in: 0...4, using: &random)
            var amounts = (0..<count).map { _ in Int64.random(in: 0...20_000, using: &random) }
            var firstDay = (0..<count).map { _ in Int32.random(in: 0...Int32(n - 1), using: &random) }
            var endDay = firstDay.map { Int32.random(in: $0...Int32(n), using: &random) }
            let grantFrom = Int.random(in: 0...(n - 1), using: &random), grantTo = Int.random(in: grantFrom...n, using: &random)
            let grant = Int64.random(in: 0...30_000, using: &random)

            var walked = [Int64](repeating: 0, count: n)
            Self.pay(&kernel, costs, amounts, firstDay, endDay, into: &walked)
            costs.withUnsafeBufferPointer { costs in
                walked.withUnsafeMutableBufferPointer { paid in
                    _ = DayWalkLedger.fill(costs, paid, from: grantFrom, to: grantTo, amount: grant)
                }
            }
            amounts.append(grant)
            firstDay.append(Int32(grantFrom))
            endDay.append(Int32(grantTo))
            var drawnLast = [Int64](repeating: 0, count: n)
            Self.pay(&kernel, costs, amounts, firstDay, endDay, into: &drawnLast)
            #expect(walked == drawnLast)
        }
    }

    struct NoLog: CoverageDrawLog {
        mutating func draw(allocation: Int, day: Int, runningTotal: Int64) {}
        mutating func finish(allocation: Int, lapsed: Int64) {}
    }

    static func pay(_ kernel: inout CoverageKernel, _ costs: [Int64], _ amounts: [Int64], _ firstDay: [Int32],
                    _ endDay: [Int32], into paid: inout [Int64]) {
        var log = NoLog()
        costs.withUnsafeBufferPointer { c in
            amounts.withUnsafeBufferPointer { a in
                firstDay.withUnsafeBufferPointer { f in
                    endDay.withUnsafeBufferPointer { e in
                        paid.withUnsafeMutableBufferPointer { p in kernel.pay(costs: c, amounts: a, firstDay: f, endDay: e, paid: p, log: &log) }
                    }
                }
            }
        }
    }

    /// Route 3's school money runs short in May 2024 and its period ends in July. A fund of
    /// exactly its gap from May to July fills every day left unpaid; drawn after the school's
    /// money, it leaves none of that money to lapse.
    @Test func aFundEqualToARoutesGapFillsExactlyTheDaysLeftUnpaid() {
        let base = Fixture.base()
        let plain = Simulation.run(Fixture.certain(), on: base)
        let may = Fixture.month(plain, 2024, 5), august = Fixture.month(plain, 2024, 8)
        // Routes 1 and 2 are paid throughout, so the month's gap is route 3's.
        #expect(plain.routes[0].probabilityCovered[may..<august] == [1, 1, 1])
        #expect(plain.routes[1].probabilityCovered[may..<august] == [1, 1, 1])
        let gap = plain.fundingGap[may..<august].reduce(0) { $0 + $1.p50 }
        #expect(gap > 0)
        func withFund(_ pence: Int64) -> SimulationResult {
            var scenario = Fixture.certain()
            scenario.interventions = [.pooledFund(fund: PooledFund(
                name: "Top-up", amount: Money(pence: pence), period: Fixture.range(Day(2024, 5, 1), Day(2024, 7, 31)),
                policy: .cheapestFirst, routeIDs: [Fixture.routeIDs[2]]))]
            return Simulation.run(scenario, on: base)
        }
        let exact = withFund(gap)
        #expect(exact.routes[2].probabilityCovered[may..<august] == [1, 1, 1])
        #expect(exact.fundingGap[may..<august].allSatisfy { $0.p50 == 0 })
        #expect(exact.lapsed == plain.lapsed)
        #expect(exact.routes[2].probabilityCovered[august...] == plain.routes[2].probabilityCovered[august...])
        // Pro rata is not all-or-nothing: a penny less leaves the last day a penny short.
        var scenario = Fixture.certain()
        scenario.interventions = [.pooledFund(fund: PooledFund(
            name: "Top-up", amount: Money(pence: gap - 1), period: Fixture.range(Day(2024, 5, 1), Day(2024, 7, 31)),
            policy: .proRata, routeIDs: [Fixture.routeIDs[2]]))]
        let short = Simulation.run(scenario, on: base)
        #expect(short.routes[2].probabilityCovered[may..<august] == [1, 1, 0])
        #expect(short.fundingGap[august - 1].p50 == 1)
    }

    static func uncertainWithPools(_ probability: Double = 1) -> Scenario {
        var scenario = Fixture.uncertain(samples: 1_000)
        scenario.interventions = [
            .pooledFund(fund: PooledFund(name: "Regional", amount: Money(pounds: 15_000), period: Fixture.fy2425,
                                         probability: probability, policy: .childrenPerPound)),
            .pooledFund(fund: PooledFund(name: "Authority A", amount: Money(pounds: 9_000), period: Fixture.ay2425,
                                         probability: probability, policy: .proRata, localAuthorityIDs: [Fixture.laA])),
        ]
        return scenario
    }

    @Test func aFundThatNeverComesChangesNothing() {
        let base = Fixture.base()
        let without = Simulation.run(Fixture.uncertain(samples: 1_000), on: base)
        #expect(ReproducibilityTests.same(without, Simulation.run(Self.uncertainWithPools(0), on: base)))
        // An override for the fund's id beats its own probability.
        var overridden = Self.uncertainWithPools(1)
        let id = UUID(uuidString: "00000000-0000-4000-8000-00000000F00D")!
        if case .pooledFund(var fund) = overridden.interventions[0] {
            fund.id = id
            overridden.interventions = [.pooledFund(fund: fund)]
        }
        overridden.uncertainty.overrides = [ProbabilityOverride(sourceID: id, probability: 0)]
        #expect(overridden.problems(against: base).isEmpty)
        #expect(ReproducibilityTests.same(without, Simulation.run(overridden, on: base)))
        // And one that does come changes something, or the comparisons above prove nothing.
        #expect(!ReproducibilityTests.same(without, Simulation.run(Self.uncertainWithPools(1), on: base)))
    }

    @Test func aFundComesAsOftenAsItsProbabilitySays() {
        let half = PoolFixture.run([PoolFixture.fund(PoolFixture.totalGap, .cheapestFirst, probability: 0.3)], samples: 4_000)
        let covered = half.routes[0].probabilityCovered[Fixture.month(half, 2024, 2)]
        #expect(abs(covered - 0.3) < 0.03)
    }

    @Test func threadCountDoesNotMatterWithPooledFunds() {
        let base = Fixture.base()
        let one = Simulation.run(Self.uncertainWithPools(0.6), on: base, threads: 1)
        let three = Simulation.run(Self.uncertainWithPools(0.6), on: base, threads: 3)
        #expect(three.timing.threads == 3)
        #expect(ReproducibilityTests.same(one, three))
    }
}
