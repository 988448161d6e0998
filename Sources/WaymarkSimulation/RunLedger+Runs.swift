/// The route in hand's runs (`CostRuns`) priced for the sample, and the cost of the days
/// before any day found from them.
extension RunLedger {
    /// Takes the route in hand, prices its runs at the sample's inflation, and starts with
    /// nothing paid.
    func price(_ runs: CostRuns, inflation: [Double]) {
        runCount = runs.count
        var cost: Int64 = 0, unknownDays: Int64 = 0
        runs.runs.withUnsafeBufferPointer { runs in
            for k in 0..<runCount {
                let price = runs[k].price(inflation: inflation), days = Int64(runs[k + 1].start - runs[k].start)
                starts[k] = Int(runs[k].start)
                rate[k] = Swift.max(price, 0)
                unknown[k] = price < 0 ? 1 : 0
                costBefore[k] = cost
                unknownBefore[k] = unknownDays
                cost += days * rate[k]
                unknownDays += days * unknown[k]
            }
            starts[runCount] = Int(runs[runCount].start)
        }
        starts[runCount + 1] = .max
        rate[runCount] = 0
        unknown[runCount] = 0
        costBefore[runCount] = cost
        costBefore[runCount + 1] = .max
        unknownBefore[runCount] = unknownDays
        anyUnknown = unknownDays > 0
        doneCount = 0
        partCount = 0
    }

    /// The run `day` is in (`0 ... day count`; the day count is in the end's slot).
    @inline(__always)
    func run(of day: Int) -> Int {
        // Halving without a branch to mispredict: a route has a handful of runs.
        var low = 0, count = runCount + 1
        while count > 1 {
            let half = count >> 1
            low = starts[low + half] <= day ? low + half : low
            count -= half
        }
        return low
    }

    /// Known cost of the days before `day` (`0 ... day count`).
    @inline(__always)
    func cost(before day: Int) -> Int64 {
        mark(day).costBefore
    }

    @inline(__always)
    func mark(_ day: Int, run k: Int) -> Mark {
        Mark(day: day, costBefore: costBefore[k] + Int64(day - starts[k]) * rate[k], run: k)
    }

    @inline(__always)
    func mark(_ day: Int) -> Mark { mark(day, run: run(of: day)) }

    /// `day`, on or after `earlier`: a payment's days lie within a run or two, so look a few
    /// runs on before searching.
    @inline(__always)
    func mark(_ day: Int, after earlier: Mark) -> Mark {
        var k = earlier.run
        for _ in 0..<3 {
            if starts[k + 1] > day { return mark(day, run: k) }
            k += 1
        }
        return mark(day)
    }

    /// Days of unknown cost before `day`.
    @inline(__always)
    func unknownDays(before day: Int) -> Int64 {
        let k = run(of: day)
        return unknownBefore[k] + Int64(day - starts[k]) * unknown[k]
    }
}
