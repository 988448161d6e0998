import Foundation
import Testing
@testable import WaymarkDomain

/// Properties of the walk over a few hundred random routes from a seeded generator, so a
/// failure repeats exactly. The walk skips paid days allocation by allocation; the reference
/// below is DESIGN.md's rule read literally — day by day, drawing from the active
/// allocations in order — and the two must agree to the penny.
@Suite("Coverage walk: properties")
struct CoveragePropertyTests {
    static let cases = 300

    @Test("Matches the literal day-by-day rule; no day paid more than its cost or twice")
    func matchesReference() {
        forEachCase(seed: 1) { input, _ in
            let route = RouteCoverage(input)
            for basis in CoverageBasis.allCases {
                let walk = route.walk(basis)
                let reference = referenceWalk(input, basis)
                #expect(paidArray(walk) == reference.paid)
                for (index, funded) in walk.allocations.enumerated() {
                    #expect(walk.drawn(allocationAt: index).pence == reference.drawn[funded.allocation.id, default: 0])
                }
                for i in 0..<walk.schedule.count {
                    let paid = walk.paid(at: i)
                    if let cost = walk.schedule.cost(at: i) { #expect(paid <= cost) } else { #expect(paid == .zero) }
                    #expect(walk.payments(onDayAt: i).map(\.amount).reduce(.zero, +) == paid)
                }
            }
        }
    }

    @Test("No allocation drawn below zero or above its amount; drawn + lapsed + remaining == amount")
    func allocationBalances() {
        forEachCase(seed: 2) { input, rng in
            let route = RouteCoverage(input)
            let asOf = randomAsOf(input.schedule, &rng)
            for walk in [route.secured, route.projected] {
                for (index, funded) in walk.allocations.enumerated() {
                    let amount = Swift.max(funded.allocation.amount, .zero)
                    let drawn = walk.drawn(allocationAt: index)
                    #expect(drawn >= .zero && drawn <= amount)
                    guard let position = walk.position(ofAllocationAt: index, asOf: asOf) else {
                        #expect(!walk.counts(allocationAt: index) && drawn == .zero)
                        continue
                    }
                    #expect(position.drawnToDate + position.lapsed + position.remaining == amount)
                    #expect(position.toBeDrawn + position.willLapse == position.remaining)
                    #expect(position.drawnToDate >= .zero && position.lapsed >= .zero && position.toBeDrawn >= .zero)
                    #expect(drawn + walk.lapsed(allocationAt: index) == amount)
                }
            }
        }
    }

    @Test("Secured coverage never exceeds projected coverage")
    func securedWithinProjected() {
        forEachCase(seed: 3) { input, rng in
            let route = RouteCoverage(input)
            #expect(zip(paidArray(route.secured), paidArray(route.projected)).allSatisfy { $0 <= $1 })
            #expect(route.secured.coveredDayCount <= route.projected.coveredDayCount)
            let asOf = randomAsOf(input.schedule, &rng)
            let until = route.fundedUntil(asOf: asOf)
            if let secured = until.secured { #expect(until.projected.map { $0 >= secured } == true) }
        }
    }

    @Test("The result does not depend on the order records are given in")
    func orderIndependent() {
        forEachCase(seed: 4) { input, rng in
            var shuffled = input
            shuffled.allocations.shuffle(using: &rng)
            let a = RouteCoverage(input), b = RouteCoverage(shuffled)
            let asOf = randomAsOf(input.schedule, &rng)
            for basis in CoverageBasis.allCases {
                #expect(paidArray(a.walk(basis)) == paidArray(b.walk(basis)))
                #expect(drawnByID(a.walk(basis)) == drawnByID(b.walk(basis)))
            }
            #expect(a.status(asOf: asOf) == b.status(asOf: asOf))
        }
    }

    @Test("More money never lowers coverage: adding an allocation or raising an amount")
    func moreMoneyNeverHurts() {
        forEachCase(seed: 5) { input, rng in
            var richer = input
            if richer.allocations.isEmpty || rng.next() % 2 == 0 {
                richer.allocations.append(randomAllocation(input.schedule, &rng))
            } else {
                let index = Int(rng.next() % UInt64(richer.allocations.count))
                richer.allocations[index].allocation.amount += Money(pence: Int64(rng.next() % 2_000_000))
            }
            let before = RouteCoverage(input), after = RouteCoverage(richer)
            let asOf = randomAsOf(input.schedule, &rng)
            for basis in CoverageBasis.allCases {
                let was = before.walk(basis), now = after.walk(basis)
                #expect(zip(paidArray(was), paidArray(now)).allSatisfy { $0 <= $1 })
                #expect(was.coveredDayCount <= now.coveredDayCount)
                #expect(was.paidTotal <= now.paidTotal)
                if let until = was.fundedUntil(asOf: asOf) { #expect(now.fundedUntil(asOf: asOf).map { $0 >= until } == true) }
            }
        }
    }

    @Test("Drawn to date as of a day equals the literal rule stopped at that day")
    func drawnToDate() {
        forEachCase(seed: 7) { input, rng in
            let route = RouteCoverage(input)
            let asOf = randomAsOf(input.schedule, &rng)
            for basis in CoverageBasis.allCases {
                let walk = route.walk(basis)
                let reference = referenceWalk(input, basis, before: asOf)
                for (index, funded) in walk.allocations.enumerated() {
                    #expect(walk.drawn(allocationAt: index, before: asOf).pence == reference.drawn[funded.allocation.id, default: 0])
                }
            }
        }
    }

    @Test("A tenant run (one scratch buffer for all routes) equals each route run alone")
    func tenantRun() {
        var inputs: [RouteCoverageInput] = []
        forEachCase(seed: 8) { input, _ in inputs.append(input) }
        let asOf = day("2023-01-09")
        let results = TenantCoverage.run(inputs, asOf: asOf)
        #expect(results.count == inputs.count)
        for (result, input) in zip(results, inputs) {
            let alone = RouteCoverage(input)
            #expect(paidArray(result.coverage.secured) == paidArray(alone.secured))
            #expect(paidArray(result.coverage.projected) == paidArray(alone.projected))
            #expect(result.status == alone.status(asOf: asOf))
        }
        #expect(TenantCoverage.statusCounts(results).values.reduce(0, +) == inputs.count)
    }

    @Test("Funded-until equals a plain scan of the days")
    func fundedUntilByScan() {
        forEachCase(seed: 6) { input, rng in
            let route = RouteCoverage(input)
            let asOf = randomAsOf(input.schedule, &rng)
            for walk in [route.secured, route.projected] {
                var i = walk.schedule.days.firstIndex { $0 >= asOf } ?? walk.schedule.count
                var last: Day? = nil
                while i < walk.schedule.count, let cost = walk.schedule.cost(at: i), walk.paid(at: i) == cost {
                    last = walk.schedule.days[i]
                    i += 1
                }
                #expect(walk.fundedUntil(asOf: asOf) == last)
            }
        }
    }
}

// MARK: - Generation and the reference rule

private func forEachCase(seed: UInt64, _ body: (RouteCoverageInput, inout SeededGenerator) -> Void) {
    var rng = SeededGenerator(seed: seed)
    for _ in 0..<CoveragePropertyTests.cases {
        let schedule = randomSchedule(&rng)
        let count = Int(rng.next() % 9)
        let allocations = (0..<count).map { _ in randomAllocation(schedule, &rng) }
        body(RouteCoverageInput(routeID: id(1), schedule: schedule, allocations: allocations), &rng)
    }
}

/// 0–150 school days a few days apart from September 2022; costs up to £300, a few free, a few unknown.
func randomSchedule(_ rng: inout SeededGenerator) -> RouteSchedule {
    var days: [Day] = [], costs: [Money?] = []
    var current = day("2022-09-01")
    for _ in 0..<Int(rng.next() % 151) {
        current = current.adding(days: 1 + Int(rng.next() % 3))
        days.append(current)
        switch rng.next() % 40 {
        case 0: costs.append(nil)
        case 1: costs.append(.zero)
        default: costs.append(Money(pence: Int64(1 + rng.next() % 30_000)))
        }
    }
    return RouteSchedule(days: days, costs: costs, end: .termDatesEnd(current))
}

/// Periods overlapping the schedule or just outside it, any status, amounts from nothing to
/// more than enough, and entry times that often tie so the id tie-break is exercised.
private func randomAllocation(_ schedule: RouteSchedule, _ rng: inout SeededGenerator) -> FundedAllocation {
    let span = Swift.max(schedule.days.last.map { $0.days(from: day("2022-09-01")) } ?? 30, 1) + 20
    let start = day("2022-08-20").adding(days: Int(rng.next() % UInt64(span)))
    let end = start.adding(days: Int(rng.next() % UInt64(span)))
    let amount = rng.next() % 25 == 0 ? -Int64(rng.next() % 1_000) : Int64(rng.next() % 2_500_000)
    let status = FundingSource.Status.allCases[Int(rng.next() % 5)]
    var bytes = [UInt8](repeating: 0, count: 16)
    for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: rng.next()) }
    let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    let allocation = Allocation(id: uuid, sourceID: id(Int(rng.next() % 4)), routeID: id(1), amount: Money(pence: amount),
                                period: DayRange(start: start, end: end)!, enteredAt: entered(Int(rng.next() % 3)))
    return FundedAllocation(allocation, status: status, label: "Source \(allocation.sourceID)", funderName: "Funder")
}

private func randomAsOf(_ schedule: RouteSchedule, _ rng: inout SeededGenerator) -> Day {
    day("2022-08-25").adding(days: Int(rng.next() % 400))
}

/// DESIGN.md's rule, literally: each school day in order draws from the allocations active
/// that day, earliest-ending, then earliest-starting, then oldest (then id), until paid.
private func referenceWalk(_ input: RouteCoverageInput, _ basis: CoverageBasis,
                           before cutoff: Day = .latest) -> (paid: [Int64], drawn: [UUID: Int64]) {
    let ordered = input.allocations.map(\.allocation).enumerated().sorted { x, y in
        let a = x.element, b = y.element
        return (a.period.end, a.period.start, a.enteredAt, a.id.uuidString) < (b.period.end, b.period.start, b.enteredAt, b.id.uuidString)
    }.map { input.allocations[$0.offset] }
    var balance = ordered.map { basis.counts($0.status) ? Swift.max($0.allocation.amount.pence, 0) : 0 }
    var drawn: [UUID: Int64] = [:]
    var paid: [Int64] = []
    for (i, day) in input.schedule.days.enumerated() where day < cutoff {
        guard let cost = input.schedule.cost(at: i)?.pence else { paid.append(0); continue }
        var need = cost
        for a in ordered.indices where need > 0 && balance[a] > 0 && ordered[a].allocation.period.contains(day) {
            let take = Swift.min(need, balance[a])
            need -= take
            balance[a] -= take
            drawn[ordered[a].allocation.id, default: 0] += take
        }
        paid.append(cost - need)
    }
    return (paid, drawn)
}

private func paidArray(_ walk: CoverageWalk) -> [Int64] {
    (0..<walk.schedule.count).map { walk.paid(at: $0).pence }
}

private func drawnByID(_ walk: CoverageWalk) -> [UUID: Money] {
    Dictionary(uniqueKeysWithValues: walk.allocations.indices.map { (walk.allocations[$0].allocation.id, walk.drawn(allocationAt: $0)) })
}
