import Foundation
import WaymarkDomain

/// A pooled fund ready for the sample loop: its eligible routes (those with school days in
/// its period), where its period falls in each route's days, and its spending order's fixed
/// parts, so a sample only sums gaps, orders them and pays.
struct PreparedPool: Sendable {
    enum Order: Sendable {
        /// Fixed for the run: positions into `routes`, highest score first.
        case priority([Int32])
        case childrenPerPound
        case cheapestFirst
        case proRata
    }

    var id: UUID
    var amount: Int64
    var probability: Double
    /// Names the random stream of its materialisation, from its id.
    var stream: UInt64
    var order: Order
    /// Route indexes, in the scenario's route order.
    var routes: [Int32]
    /// School days of `routes[e]` inside the period: `firstDay[e] ..< endDay[e]`.
    var firstDay: [Int32]
    var endDay: [Int32]
    /// Children per day of each eligible route, for `childrenPerPound`.
    var children: [Int64]
    /// Each eligible route's place when sorted by code (then by route order): ties in every
    /// policy go to the lower code without comparing strings in the sample loop.
    var codeRank: [Int32]
    /// Whether money it leaves unspent lapses inside the forecast (its period ends between
    /// the as-of date and the horizon's end), as for an allocation.
    var lapsesInHorizon: Bool
}

extension PreparedPool {
    init(_ fund: PooledFund, number: Int, probability: Double, routes: [SimulationRoute], days: [RouteDays],
         asOf: Day, horizonEnd: Day) {
        let id = fund.resolvedID(number: number)
        let restrictions = FundingSource.Restrictions(localAuthorityIDs: Set(fund.localAuthorityIDs), routeIDs: Set(fund.routeIDs))
        var eligible: [Int] = [], first: [Int32] = [], end: [Int32] = []
        for r in routes.indices where restrictions.allows(routeID: routes[r].id, localAuthorityID: routes[r].localAuthorityID) {
            let from = RouteDays.lowerBound(days[r].days, fund.period.start)
            let to = RouteDays.lowerBound(days[r].days, fund.period.end.next)
            guard from < to else { continue }   // no school days in the period: never a gap
            eligible.append(r)
            first.append(Int32(from))
            end.append(Int32(to))
        }
        let byCode = eligible.indices.sorted { (routes[eligible[$0]].code, $0) < (routes[eligible[$1]].code, $1) }
        var codeRank = [Int32](repeating: 0, count: eligible.count)
        for (rank, e) in byCode.enumerated() { codeRank[e] = Int32(rank) }

        let order: Order
        switch fund.policy {
        case .priority(let scores):
            var score: [UUID: Double] = [:]
            for entry in scores where !entry.score.isNaN { score[entry.routeID] = entry.score }   // the last score given wins
            let scored = eligible.map { score[routes[$0].id] }
            order = .priority(eligible.indices.sorted { a, b in
                switch (scored[a], scored[b]) {
                case let (x?, y?) where x != y: x > y
                case (.some, nil): true
                case (nil, .some): false
                default: codeRank[a] < codeRank[b]
                }
            }.map(Int32.init))
        case .childrenPerPound: order = .childrenPerPound
        case .cheapestFirst: order = .cheapestFirst
        case .proRata: order = .proRata
        }
        self.init(id: id, amount: Swift.max(fund.amount.pence, 0), probability: probability,
                  stream: id.streamKey ^ 0x706F_6F6C_6564_0000,   // "pooled"
                  order: order, routes: eligible.map(Int32.init), firstDay: first, endDay: end,
                  children: eligible.map { Int64(Swift.max(routes[$0].childrenPerDay, 0)) }, codeRank: codeRank,
                  lapsesInHorizon: fund.period.end >= asOf && fund.period.end <= horizonEnd)
    }
}

/// Which routes pooled funds reach, for the sample loop's bookkeeping: each such route's
/// gaps, per fund, and the grants it gets sit in flat per-entry arrays (fund p's entry e at
/// `entryStart[p] + e`).
struct PoolLayout: Sendable {
    /// One fund's entry for one route.
    struct Entry: Sendable {
        var pool: Int
        var entry: Int
    }

    /// Routes some fund may pay for, in route order.
    var heldRoutes: [Int]
    /// Each route's place in `heldRoutes`, or nil.
    var slot: [Int?]
    /// For each held route, the funds' entries that name it, in the funds' order.
    var entries: [[Entry]]
    var entryStart: [Int]
    var entryCount: Int { entryStart.last ?? 0 }

    init(pools: [PreparedPool], routeCount: Int) {
        var entriesOf = [[Entry]](repeating: [], count: routeCount)
        var start = [0]
        for (p, pool) in pools.enumerated() {
            for (e, route) in pool.routes.enumerated() { entriesOf[Int(route)].append(Entry(pool: p, entry: e)) }
            start.append(start[p] + pool.routes.count)
        }
        heldRoutes = entriesOf.indices.filter { !entriesOf[$0].isEmpty }
        var slot = [Int?](repeating: nil, count: routeCount)
        for (h, r) in heldRoutes.enumerated() { slot[r] = h }
        self.slot = slot
        entries = heldRoutes.map { entriesOf[$0] }
        entryStart = start
    }
}
