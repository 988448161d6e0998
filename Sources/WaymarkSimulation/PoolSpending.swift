/// How a pooled fund's money is divided among its routes' gaps in one sample: pure
/// arithmetic on whole pence, separate from the sample loop so each policy can be tested
/// on its own.
enum PoolSpending {
    /// Fills `grants` (one per eligible route, parallel to `gaps`) with what the fund gives
    /// each route, never more than its gap, and returns what is left unspent.
    /// `order` is scratch space at least as long as `gaps`.
    static func divide(_ amount: Int64, among gaps: UnsafeBufferPointer<Int64>, pool: PreparedPool,
                       grants: UnsafeMutableBufferPointer<Int64>, order: UnsafeMutableBufferPointer<Int32>) -> Int64 {
        let count = gaps.count
        var total: Int64 = 0
        for e in 0..<count {
            grants[e] = 0
            total += gaps[e]
        }
        guard total > 0, amount > 0 else { return amount }
        // Enough for every gap: every policy funds them all, so there is nothing to order.
        if amount >= total {
            for e in 0..<count { grants[e] = gaps[e] }
            return amount - total
        }
        switch pool.order {
        case .proRata:
            return shareProRata(amount, total: total, gaps: gaps, grants: grants)
        case .priority(let fixed):
            return fundWhole(amount, in: fixed, gaps: gaps, grants: grants)
        case .cheapestFirst, .childrenPerPound:
            var n = 0
            for e in 0..<count where gaps[e] > 0 {
                order[n] = Int32(e)
                n += 1
            }
            var ranked = UnsafeMutableBufferPointer(rebasing: order[0..<n])
            let codeRank = pool.codeRank
            if case .cheapestFirst = pool.order {
                ranked.sort { a, b in
                    let (x, y) = (gaps[Int(a)], gaps[Int(b)])
                    return x != y ? x < y : codeRank[Int(a)] < codeRank[Int(b)]
                }
            } else {
                let children = pool.children
                ranked.sort { a, b in
                    // children[a] / gap[a] > children[b] / gap[b], without division or overflow.
                    let left = children[Int(a)].multipliedFullWidth(by: gaps[Int(b)])
                    let right = children[Int(b)].multipliedFullWidth(by: gaps[Int(a)])
                    if left != right { return (left.high, left.low) > (right.high, right.low) }
                    return codeRank[Int(a)] < codeRank[Int(b)]
                }
            }
            return fundWhole(amount, in: ranked, gaps: gaps, grants: grants)
        }
    }

    /// Each route in turn gets its whole gap if what is left covers it; otherwise it is
    /// skipped (part of a gap saves no route) and the next one is tried.
    private static func fundWhole(_ amount: Int64, in order: some Sequence<Int32>,
                                  gaps: UnsafeBufferPointer<Int64>, grants: UnsafeMutableBufferPointer<Int64>) -> Int64 {
        var left = amount
        for e in order {
            let gap = gaps[Int(e)]
            if gap > 0 && gap <= left {
                grants[Int(e)] = gap
                left -= gap
            }
        }
        return left
    }

    /// `amount × gap ÷ total` each, rounded down (below the gap, since amount < total), then
    /// the pence left one each to routes with a gap in route order: fewer pence are left
    /// than there are such routes, so one pass places them all.
    private static func shareProRata(_ amount: Int64, total: Int64, gaps: UnsafeBufferPointer<Int64>,
                                     grants: UnsafeMutableBufferPointer<Int64>) -> Int64 {
        var given: Int64 = 0
        for e in 0..<gaps.count where gaps[e] > 0 {
            let product = amount.multipliedFullWidth(by: gaps[e])
            grants[e] = total.dividingFullWidth(product).quotient
            given += grants[e]
        }
        var left = amount - given
        for e in 0..<gaps.count where left > 0 && grants[e] < gaps[e] {
            grants[e] += 1
            left -= 1
        }
        return left
    }
}
