import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// The jumping ledger against the day-by-day walk on thousands of made-up routes: every
/// question the sample loop asks — what lapses, what each day is left unpaid, each month's
/// figures, what a grant leaves — must get the same answer to the penny, on one ledger of
/// each kind reused from route to route as the sample loop reuses them.
struct LedgerEqualityTests {
    static let cases = 4_000

    /// Runs of costs with every awkward value: unknown, free, a penny, prices that inflation
    /// rounds, and now and then a stretch where the cost changes every day.
    static func costs(_ n: Int, _ random: inout SeededRandom) -> [Int64] {
        let values: [Int64] = [-1, 0, 1, 3, 500, 1_000, 1_250, 99_999]
        var costs: [Int64] = []
        while costs.count < n {
            let length = Int.random(in: 1...Swift.max(1, n / 3), using: &random)
            if random.chance(0.1) {
                costs += (0..<length).map { _ in values.randomElement(using: &random)! }
            } else {
                costs += Array(repeating: values.randomElement(using: &random)!, count: length)
            }
        }
        return Array(costs.prefix(n))
    }

    static func sortedPoints(_ count: Int, upTo n: Int, _ random: inout SeededRandom) -> [Int32] {
        (0..<count).map { _ in Int32.random(in: 0...Int32(n), using: &random) }.sorted()
    }

    static func route(number: Int, _ random: inout SeededRandom) -> PreparedRoute {
        let n = random.chance(0.05) ? 0 : Int.random(in: 1...90, using: &random)
        let costs = Self.costs(n, &random)
        let allocations = Int.random(in: 0...8, using: &random)
        let firstDay = (0..<allocations).map { _ in Int32.random(in: 0...Int32(n), using: &random) }
        return PreparedRoute(
            id: Fixture.id(number), code: "L\(number)", children: 1, costs: costs,
            inflationStarts: sortedPoints(Int.random(in: 0...3, using: &random), upTo: n, &random),
            monthStarts: sortedPoints(Int.random(in: 1...6, using: &random), upTo: n, &random) + [Int32(n)],
            slots: (0..<allocations).map { _ in Int32.random(in: 0..<Int32(multipliers.count), using: &random) },
            amounts: (0..<allocations).map { _ in [-500, 0, 1, 999, 20_000, 60_000, 10_000_000].randomElement(using: &random)! },
            firstDay: firstDay, endDay: firstDay.map { Int32.random(in: $0...Int32(n), using: &random) },
            lapsesInHorizon: (0..<allocations).map { _ in random.chance(0.7) }, runsPastHorizon: false,
            alwaysWhole: { multipliers[Int($0)] == 1 && $0 != 2 })
    }

    /// Slot multipliers: money that did not come, came as it was (slot 1 marked as always
    /// coming whole, slot 2 not), or was scaled or renewed at a factor that rounds.
    static let multipliers = [0, 1, 1, 0.5, 0.83, 1.1]
    /// Inflation levels, including ones no valid scenario draws: a level that prices a penny
    /// at nothing, and a negative one that makes known costs unknown.
    static let levels = [1, 1.03, 1.0712, 0.97, 0.3, 1e-4, -0.5]

    @Test func bothLedgersAgreeOnEveryQuestion() {
        var random = SeededRandom(seed: 2_024)
        let routes = (0..<Self.cases).map { Self.route(number: $0, &random) }
        let grants = 3
        var walk = DayWalkLedger(routes: routes, grants: grants)
        let jump = RunLedger(routes: routes, grants: grants)
        var partPaidSeen = false, lapseSeen = false
        for route in routes {
            let n = route.costs.count
            let inflation = route.inflationStarts.map { _ in Self.levels.randomElement(using: &random)! }
            let walked = walk.payAllocations(of: route, inflation: inflation, multiplier: Self.multipliers)
            let jumped = jump.payAllocations(of: route, inflation: inflation, multiplier: Self.multipliers)
            #expect(walked == jumped, "\(route.code): lapse")
            lapseSeen = lapseSeen || walked > 0
            for round in 0...grants {
                if round > 0 {
                    let from = Int.random(in: 0...n, using: &random), to = Int.random(in: from...n, using: &random)
                    let amount = [0, 1, 777, 5_000, 50_000].randomElement(using: &random)!
                    #expect(walk.pay(Int64(amount), from: from, to: to) == jump.pay(Int64(amount), from: from, to: to),
                            "\(route.code): grant \(round)")
                }
                // Day by day, so any difference in what was paid shows up.
                for day in 0..<n {
                    let unpaid = walk.gap(from: day, to: day + 1)
                    #expect(unpaid == jump.gap(from: day, to: day + 1), "\(route.code): day \(day)")
                    partPaidSeen = partPaidSeen || (unpaid > 0 && unpaid < route.costs[day])
                }
                let from = Int.random(in: 0...n, using: &random), to = Int.random(in: from...n, using: &random)
                #expect(walk.gap(from: from, to: to) == jump.gap(from: from, to: to), "\(route.code): gap")
                #expect(Self.months(walk, route) == Self.months(jump, route), "\(route.code): months")
            }
        }
        // The cases reach what they are meant to test.
        #expect(partPaidSeen && lapseSeen)
    }

    /// The ledger's figures for the months with school days (the others are the caller's).
    static func months(_ ledger: some RouteLedger, _ route: PreparedRoute) -> [String] {
        let count = route.monthStarts.count - 1
        var gaps = [Int64](repeating: -7, count: count), full = [Bool](repeating: false, count: count)
        gaps.withUnsafeMutableBufferPointer { g in
            full.withUnsafeMutableBufferPointer { f in ledger.monthFigures(of: route, gaps: g, paidInFull: f) }
        }
        return (0..<count).filter { route.monthStarts[$0] < route.monthStarts[$0 + 1] }.map { "\(gaps[$0]) \(full[$0])" }
    }

    @Test func runsBreakAtEveryCostChangeAndEveryInflationStep() {
        let runs = CostRuns(costs: [5, 5, 5, -1, -1, 0, 5, 5, 5], inflationStarts: [2, 2, 7, 9])
        #expect(runs.runs.map(\.start) == [0, 2, 3, 5, 6, 7, 9])
        #expect(runs.runs.map(\.cost) == [5, 5, -1, 0, 5, 5, 0])
        #expect(runs.runs.map(\.step) == [0, 2, 2, 2, 2, 3, 0])
        #expect(runs.count == 6)
        let none = CostRuns(costs: [], inflationStarts: [0])
        #expect(none.runs == [.init(start: 0, step: 0, cost: 0)] && none.count == 0)
    }
}

extension SeededRandom {
    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < p
    }
}

/// The months without school days take their answers as the sample loop's backward pass
/// used to work them out month by month.
struct BorrowedAnswerTests {
    /// The rule as it was written before it was worked out once per route.
    static func backwardPass(_ monthStarts: [Int32], runsPastHorizon: Bool, schoolMonths covered: [Bool]) -> [Bool] {
        let months = monthStarts.count - 1
        var covered = covered
        var nextCovered = false, lastSchoolMonth: Int?
        for m in stride(from: months - 1, through: 0, by: -1) {
            let first = monthStarts[m], end = monthStarts[m + 1]
            if first < end {
                if lastSchoolMonth == nil { lastSchoolMonth = m }
            } else {
                covered[m] = nextCovered && end > 0
            }
            nextCovered = covered[m]
        }
        if runsPastHorizon, let last = lastSchoolMonth {
            for m in (last + 1)..<months { covered[m] = covered[last] }
        }
        return covered
    }

    @Test func everyMonthWithoutSchoolDaysTakesTheSameAnswer() {
        var random = SeededRandom(seed: 8)
        for _ in 0..<3_000 {
            let n = Int32.random(in: 0...40, using: &random)
            let monthStarts = LedgerEqualityTests.sortedPoints(Int.random(in: 1...14, using: &random), upTo: Int(n), &random) + [n]
            let runsPastHorizon = random.chance(0.5)
            let school = (0..<(monthStarts.count - 1)).map { _ in random.chance(0.7) }
            var covered = school
            for borrowed in BorrowedAnswer.months(monthStarts: monthStarts, runsPastHorizon: runsPastHorizon) {
                covered[Int(borrowed.month)] = borrowed.from >= 0 && covered[Int(borrowed.from)]
            }
            #expect(covered == Self.backwardPass(monthStarts, runsPastHorizon: runsPastHorizon, schoolMonths: school),
                    "\(monthStarts) \(runsPastHorizon)")
        }
    }
}
