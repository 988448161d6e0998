/// The search behind `Simulation.whatItWouldTake`, on each sample's unpaid cost per
/// financial year (`gaps[y][s]`, whole pence, common random numbers so every amount is
/// judged on the same samples).
///
/// With extra money `x[y]` spent on year y's gaps, a sample keeps every route covered
/// exactly when `gaps[y][s] ≤ x[y]` in every year. We want the least total with at least
/// `required` such samples. That is a hard problem in general (choosing which samples to
/// give up), so this is a heuristic with a proven floor:
///
/// 1. Lower bound: each year needs at least its own `required`-th smallest gap (at least
///    `required` samples must fit in that year alone). Start there.
/// 2. Greedy: while too few samples pass, raise the one year that brings in the most newly
///    passing samples per pound (samples failing in that year only); when no single year
///    can bring any in, raise every year to let in the failing sample that costs least.
/// 3. Trim: lower each year, in turn and until nothing changes, to the smallest amount that
///    still keeps `required` samples passing given the others.
///
/// After the trim no year can be lowered by any amount without falling below `required`, so
/// the answer is minimal year by year, though not proven the least total.
struct ExtraMoneySearch {
    let gaps: [[Int64]]
    let required: Int
    private let samples: Int
    /// Each year's samples, smallest gap first.
    private let sorted: [[Int32]]
    private(set) var amounts: [Int64]
    /// Years in which each sample's gap exceeds the amount.
    private var failing: [Int32]
    private(set) var passing: Int

    init(gaps: [[Int64]], required: Int) {
        self.gaps = gaps
        self.required = required
        samples = gaps.first?.count ?? 0
        let sorted = gaps.map { year in (0..<Int32(year.count)).sorted { (year[Int($0)], $0) < (year[Int($1)], $1) } }
        let amounts = gaps.indices.map { y in required > 0 ? gaps[y][Int(sorted[y][required - 1])] : 0 }
        let failing = (0..<samples).map { s in Int32(gaps.indices.filter { gaps[$0][s] > amounts[$0] }.count) }
        self.sorted = sorted
        self.amounts = amounts
        self.failing = failing
        passing = failing.filter { $0 == 0 }.count
    }

    /// Samples passing with no extra money at all.
    var passingWithNothing: Int {
        (0..<samples).filter { s in gaps.indices.allSatisfy { gaps[$0][s] == 0 } }.count
    }

    mutating func solve() {
        while passing < required {
            if let (year, amount) = bestSingleYearRaise() {
                set(year, to: amount)
            } else {
                raiseToCheapestFailingSample()
            }
        }
        var changed = true
        while changed {
            changed = false
            for y in gaps.indices {
                let lowest = lowestKeeping(year: y)
                if lowest < amounts[y] {
                    set(y, to: lowest)
                    changed = true
                }
            }
        }
    }

    /// The raise of one year that lets in the most samples per pound, over every amount
    /// that lets any in; nil when no sample fails in one year only.
    private func bestSingleYearRaise() -> (year: Int, amount: Int64)? {
        var best: (year: Int, amount: Int64, gain: Double, cost: Double)?
        for y in gaps.indices {
            var gain = 0
            let order = sorted[y], year = gaps[y]
            var i = 0
            while i < samples {
                let value = year[Int(order[i])]
                // All samples with this same gap come in together.
                var j = i
                while j < samples && year[Int(order[j])] == value {
                    let s = Int(order[j])
                    if value > amounts[y] && failing[s] == 1 { gain += 1 }
                    j += 1
                }
                i = j
                guard value > amounts[y], gain > 0 else { continue }
                let cost = Double(value - amounts[y])
                if let b = best, Double(gain) * b.cost <= b.gain * cost { continue }
                best = (y, value, Double(gain), cost)
            }
        }
        return best.map { ($0.year, $0.amount) }
    }

    /// Raises every year as far as the failing sample that is cheapest to let in needs.
    private mutating func raiseToCheapestFailingSample() {
        var cheapest: (sample: Int, cost: Int64)?
        for s in 0..<samples where failing[s] > 0 {
            let cost = gaps.indices.reduce(Int64(0)) { $0 + Swift.max(0, gaps[$1][s] - amounts[$1]) }
            if cheapest == nil || cost < cheapest!.cost { cheapest = (s, cost) }
        }
        guard let sample = cheapest?.sample else { return }
        for y in gaps.indices where gaps[y][sample] > amounts[y] { set(y, to: gaps[y][sample]) }
    }

    /// The smallest amount for `year` that keeps `required` samples passing, the other
    /// years as they are: the `required`-th smallest gap among samples passing elsewhere.
    private func lowestKeeping(year y: Int) -> Int64 {
        var count = 0
        for s32 in sorted[y] {
            let s = Int(s32)
            let elsewhere = Int(failing[s]) - (gaps[y][s] > amounts[y] ? 1 : 0)
            guard elsewhere == 0 else { continue }
            count += 1
            if count == required { return gaps[y][s] }
        }
        return amounts[y]
    }

    private mutating func set(_ y: Int, to amount: Int64) {
        let old = amounts[y]
        amounts[y] = amount
        for s in 0..<samples {
            let gap = gaps[y][s]
            let before = gap > old, after = gap > amount
            guard before != after else { continue }
            let wasPassing = failing[s] == 0
            failing[s] += after ? 1 : -1
            if failing[s] == 0 && !wasPassing { passing += 1 }
            if failing[s] != 0 && wasPassing { passing -= 1 }
        }
    }
}
