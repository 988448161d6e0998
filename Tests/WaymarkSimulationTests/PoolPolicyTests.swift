import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// Each policy on `PoolFixture`, with the routes funded worked out by hand.
struct PoolPolicyTests {
    @Test func cheapestFirstFundsTheSmallestGapsAndSkipsWhatItCannotAfford() {
        // £7,000: A (£2,100), then B (£4,200), £700 left: C and D do not fit.
        let result = PoolFixture.run([PoolFixture.fund(Money(pounds: 7_000), .cheapestFirst)])
        #expect(PoolFixture.coveredInFebruary(result) == ["A", "B"])
        #expect(result.lapsed.p50 == Money(pounds: 700).pence)
        #expect(result.fundingGap[Fixture.month(result, 2024, 2)].p50 == (PoolFixture.totalGap - Money(pounds: 6_300)).pence)
        // Nothing else changes: January was not in the fund's period.
        #expect(result.routesCovered[Fixture.month(result, 2024, 1)].p50 == 0)
    }

    @Test func priorityGoesByScoreThenUnscoredByCode() {
        // £9,000: C (score 3, £6,300), A (score 2, £2,100); £600 left: B and D (unscored) do not fit.
        let first = PoolFixture.run([PoolFixture.fund(Money(pounds: 9_000),
                                                      .priority(scores: [PoolFixture.score(2, 3), PoolFixture.score(0, 2)]))])
        #expect(PoolFixture.coveredInFebruary(first) == ["A", "C"])
        #expect(first.lapsed.p50 == Money(pounds: 600).pence)
        // £8,000: D (score 5, £8,400) is too dear and is skipped, not part-paid; A (score 1)
        // takes £2,100; then the unscored by code: B takes £4,200; C (£6,300) does not fit.
        let skipping = PoolFixture.run([PoolFixture.fund(Money(pounds: 8_000),
                                                         .priority(scores: [PoolFixture.score(3, 5), PoolFixture.score(0, 1)]))])
        #expect(PoolFixture.coveredInFebruary(skipping) == ["A", "B"])
        #expect(skipping.lapsed.p50 == Money(pounds: 1_700).pence)
        let february = Fixture.month(skipping, 2024, 2)
        #expect(skipping.fundingGap[february].p50 == (PoolFixture.totalGap - Money(pounds: 6_300)).pence)
    }

    @Test func childrenPerPoundFundsTheMostChildrenForTheMoneyFirst() {
        // Children per £ of gap: B 30/4,200 first; A 10/2,100 and D 40/8,400 tie, A first by
        // code; C 20/6,300 last. £13,000: B, A, then D (£8,400) does not fit, C (£6,300) does.
        let result = PoolFixture.run([PoolFixture.fund(Money(pounds: 13_000), .childrenPerPound)])
        #expect(PoolFixture.coveredInFebruary(result) == ["A", "B", "C"])
        #expect(result.lapsed.p50 == Money(pounds: 400).pence)
        #expect(result.childrenCovered[Fixture.month(result, 2024, 2)].p50 == 10 + 30 + 20)
    }

    @Test func proRataSharesInProportionToTheGaps() {
        #expect(PoolFixture.totalGap == Money(pounds: 21_000))
        // Half the total gap: every route gets half its gap, so none is covered and February's
        // gap halves; all of the fund is spent.
        let half = PoolFixture.run([PoolFixture.fund(Money(pounds: 10_500), .proRata)])
        #expect(PoolFixture.coveredInFebruary(half).isEmpty)
        #expect(half.fundingGap[Fixture.month(half, 2024, 2)].p50 == Money(pounds: 10_500).pence)
        #expect(half.lapsed.p50 == 0)
    }

    @Test func aFundEqualToTheTotalGapCoversEveryRouteUnderEveryPolicy() {
        for policy in [PoolPolicy.cheapestFirst, .childrenPerPound, .proRata, .priority(scores: [PoolFixture.score(3, 1)])] {
            let exact = PoolFixture.run([PoolFixture.fund(PoolFixture.totalGap, policy)])
            #expect(PoolFixture.coveredInFebruary(exact) == PoolFixture.codes, "\(policy)")
            #expect(exact.lapsed.p50 == 0 && exact.fundingGap[Fixture.month(exact, 2024, 2)].p50 == 0)
        }
        // A penny short: the greedy policies leave out one route whole; pro rata leaves a
        // penny unpaid on one route's last day.
        let short = PoolFixture.totalGap - Money(pence: 1)
        #expect(PoolFixture.coveredInFebruary(PoolFixture.run([PoolFixture.fund(short, .cheapestFirst)])) == ["A", "B", "C"])
        let proRata = PoolFixture.run([PoolFixture.fund(short, .proRata)])
        #expect(PoolFixture.coveredInFebruary(proRata).count == 3)
        #expect(proRata.fundingGap[Fixture.month(proRata, 2024, 2)].p50 == 1)
    }

    @Test func moneyLeftOverLapses() {
        let result = PoolFixture.run([PoolFixture.fund(Money(pounds: 30_000), .cheapestFirst)])
        #expect(PoolFixture.coveredInFebruary(result) == PoolFixture.codes)
        #expect(result.lapsed.p50 == (Money(pounds: 30_000) - PoolFixture.totalGap).pence)
    }

    @Test func fundsAreSpentInTheOrderGivenEachOnWhatTheOneBeforeLeft() {
        // The first fund covers A and B; the second sees only C and D short, and covers C.
        let result = PoolFixture.run([PoolFixture.fund(Money(pounds: 6_300), .cheapestFirst),
                                      PoolFixture.fund(Money(pounds: 7_000), .cheapestFirst)])
        #expect(PoolFixture.coveredInFebruary(result) == ["A", "B", "C"])
        #expect(result.lapsed.p50 == Money(pounds: 700).pence)
    }

    @Test func aLaterFundSeesWhatAnEarlierOneHalfPaid() {
        // Pro rata pays half of every gap; cheapest first then sees A £1,050, B £2,100,
        // C £3,150, D £4,200 and covers A and B, with £2,100 left.
        let result = PoolFixture.run([PoolFixture.fund(Money(pounds: 10_500), .proRata),
                                      PoolFixture.fund(Money(pounds: 5_250), .cheapestFirst)])
        #expect(PoolFixture.coveredInFebruary(result) == ["A", "B"])
        #expect(result.lapsed.p50 == Money(pounds: 2_100).pence)
        #expect(result.fundingGap[Fixture.month(result, 2024, 2)].p50 == Money(pounds: 21_000 - 10_500 - 3_150).pence)
    }

    @Test func fundsForDifferentMonthsDoNotSeeEachOther() {
        // March has 23 school days: A £2,300, B £4,600, C £6,900, D £9,200.
        let march = Fixture.range(Day(2024, 3, 1), Day(2024, 3, 31))
        var second = PoolFixture.fund(Money(pounds: 7_000), .cheapestFirst)
        second.period = march
        let result = PoolFixture.run([PoolFixture.fund(Money(pounds: 7_000), .cheapestFirst), second])
        #expect(PoolFixture.coveredInFebruary(result) == ["A", "B"])
        let inMarch = Fixture.month(result, 2024, 3)
        #expect(result.routes.filter { $0.probabilityCovered[inMarch] == 1 }.map(\.code) == ["A", "B"])
        #expect(result.lapsed.p50 == Money(pounds: 700 + 100).pence)
    }

    @Test func restrictionsDecideWhichRoutesAFundMayPayFor() {
        var fund = PoolFixture.fund(PoolFixture.totalGap, .cheapestFirst)
        fund.routeIDs = [PoolFixture.routeIDs[1], PoolFixture.routeIDs[3]]
        let result = PoolFixture.run([fund])
        #expect(PoolFixture.coveredInFebruary(result) == ["B", "D"])
        fund.routeIDs = []
        fund.localAuthorityIDs = [Fixture.laB]
        #expect(PoolFixture.coveredInFebruary(PoolFixture.run([fund])).isEmpty)
    }
}
