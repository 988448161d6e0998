import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// The search on its own, on gap tables small enough to check every claim independently.
struct ExtraMoneySearchTests {
    static func passing(_ gaps: [[Int64]], _ amounts: [Int64]) -> Int {
        (0..<gaps[0].count).filter { s in gaps.indices.allSatisfy { gaps[$0][s] <= amounts[$0] } }.count
    }

    /// Two years pulling opposite ways: giving up either extreme sample costs 50; giving up
    /// a middle one costs 60.
    @Test func aHandWorkedTable() {
        let gaps: [[Int64]] = [[0, 10, 20, 30], [30, 20, 10, 0]]
        var search = ExtraMoneySearch(gaps: gaps, required: 3)
        #expect(search.amounts == [20, 20])   // each year's third-smallest gap: the floor
        search.solve()
        #expect(search.amounts.reduce(0, +) == 50)
        #expect(search.passing == 3 && Self.passing(gaps, search.amounts) == 3)
        #expect(search.passingWithNothing == 0)
    }

    @Test func nothingNeededWhenEnoughSamplesHaveNoGap() {
        let gaps: [[Int64]] = [[0, 0, 0, 500], [0, 0, 7, 0]]
        var search = ExtraMoneySearch(gaps: gaps, required: 2)
        search.solve()
        #expect(search.amounts == [0, 0])
        #expect(search.passingWithNothing == 2)
        var all = ExtraMoneySearch(gaps: gaps, required: 4)
        all.solve()
        #expect(all.amounts == [500, 7])   // every sample: each year's largest gap
    }

    /// On random tables: enough samples pass; no year can come down by a penny; and the
    /// total is never below the floor of each year's own quantile.
    @Test func resultsAreFeasibleAndMinimalYearByYear() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<300 {
            let years = Int.random(in: 1...4, using: &random), samples = Int.random(in: 1...40, using: &random)
            // Correlated gaps with many zeros and ties, like a real run's.
            let gaps: [[Int64]] = (0..<years).map { _ in
                (0..<samples).map { _ in Int64.random(in: -3...6, using: &random) }.map { Swift.max(0, $0) * 100 }
            }
            let required = Int.random(in: 0...samples, using: &random)
            var search = ExtraMoneySearch(gaps: gaps, required: required)
            let floor = search.amounts
            search.solve()
            let amounts = search.amounts
            #expect(Self.passing(gaps, amounts) >= required)
            #expect(search.passing == Self.passing(gaps, amounts))
            #expect(zip(amounts, floor).allSatisfy { $0 >= $1 })
            for y in amounts.indices where amounts[y] > 0 {
                var lower = amounts
                lower[y] -= 1
                #expect(Self.passing(gaps, lower) < required, "year \(y) of \(gaps), required \(required): \(amounts)")
            }
        }
    }
}
