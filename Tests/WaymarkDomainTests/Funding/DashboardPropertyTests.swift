import Foundation
import Testing
@testable import WaymarkDomain

/// Properties of source positions, the dashboard and monthly coverage over random tenants
/// from a seeded generator, so a failure repeats exactly.
@Suite("Dashboard: properties")
struct DashboardPropertyTests {
    static let cases = 150

    @Test("Source positions conserve money: drawn + lapsed + remaining == allocated, per route and in total")
    func conservation() {
        forEachTenant(seed: 11) { tenant, asOf in
            let coverages = tenant.results.map(\.coverage)
            for source in tenant.sources {
                let position = SourcePosition(source: source, routes: coverages, asOf: asOf)
                #expect(position.drawnToDate + position.lapsed + position.remaining == position.allocated)
                #expect(position.routes.reduce(.zero) { $0 + $1.allocated } == position.allocated)
                for line in position.routes {
                    #expect(line.drawnToDate + line.lapsed + line.remaining == line.allocated)
                    #expect(line.drawnToDate >= .zero && line.lapsed >= .zero && line.toBeDrawn >= .zero && line.willLapse >= .zero)
                    if position.counted { #expect(line.toBeDrawn + line.willLapse == line.remaining) }
                }
                if !position.counted { #expect(position.drawnToDate == .zero && position.lapsed == .zero && position.remaining == position.allocated) }
                #expect(position.overAllocated == (position.allocated > position.amount))
                if !position.overAllocated && position.amount >= .zero { #expect(position.unallocated + position.allocated == position.amount) }
            }
        }
    }

    @Test("Summed over sources, confirmed money drawn and lapsed equals the secured walks' totals")
    func sourcesReconcileWithWalks() {
        forEachTenant(seed: 12) { tenant, asOf in
            let coverages = tenant.results.map(\.coverage)
            let confirmed = tenant.sources.map { SourcePosition(source: $0, routes: coverages, asOf: asOf) }.filter { $0.basis == .secured }
            let walks = coverages.map(\.secured)
            #expect(confirmed.reduce(.zero) { $0 + $1.drawnToDate + $1.toBeDrawn } == walks.reduce(.zero) { $0 + $1.paidTotal })
            #expect(confirmed.reduce(.zero) { $0 + $1.lapsed + $1.willLapse } == walks.reduce(.zero) { $0 + $1.lapsedTotal })
            let paidBefore = walks.reduce(Money.zero) { total, walk in
                (0..<walk.schedule.index(onOrAfter: asOf)).reduce(total) { $0 + walk.paid(at: $1) }
            }
            #expect(confirmed.reduce(.zero) { $0 + $1.drawnToDate } == paidBefore)
        }
    }

    @Test("Dashboard counts add up to the routes and children; shortfalls and ending grants agree with their rules")
    func dashboardCounts() {
        forEachTenant(seed: 13) { tenant, asOf in
            let dashboard = FundingDashboard(results: tenant.results, routes: tenant.facts, sources: tenant.sources, asOf: asOf)
            #expect(dashboard.routeCounts.values.reduce(0, +) == tenant.results.count)
            #expect(dashboard.childrenCounts.values.reduce(0, +) == tenant.facts.reduce(0) { $0 + $1.childrenPerDay })
            #expect(Set(dashboard.routeCounts.keys) == Set(RouteStatus.allCases))
            let shortfalls = tenant.results.compactMap { $0.coverage.shortfallToEndOfFinancialYear(asOf: asOf) }
            #expect(dashboard.financialYearShortfall.secured == shortfalls.reduce(.zero) { $0 + $1.secured })
            #expect(dashboard.financialYearShortfall.projected == shortfalls.reduce(.zero) { $0 + $1.projected })
            for band in dashboard.endingGrants {
                for grant in band.grants {
                    #expect(grant.daysLeft >= band.lowerEdge && grant.daysLeft < band.days)
                    #expect(grant.status.countsAsProjected)
                    #expect(grant.routesLeftAtRisk.allSatisfy { $0.status != .secure })
                    #expect(grant.routesLeftAtRisk.map(\.status) == grant.routesLeftAtRisk.map(\.status).sorted())
                }
            }
            let lapsing = dashboard.sourcePositions.filter(\.counted)
            #expect(dashboard.lapse.past == lapsing.reduce(.zero) { $0 + $1.lapsed })
            #expect(dashboard.lapse.future == lapsing.reduce(.zero) { $0 + $1.willLapse })
        }
    }

    @Test("Monthly figures add up to the walk: paid, days by state, and the gap equals the uncovered cost")
    func monthlyAddsUp() {
        forEachTenant(seed: 14) { tenant, asOf in
            for result in tenant.results {
                let route = result.coverage
                guard let first = route.schedule.days.first, let last = route.schedule.days.last else {
                    #expect(route.monthly(from: asOf, through: asOf.adding(days: 40)).allSatisfy { $0.schoolDays == 0 })
                    continue
                }
                let months = route.monthly(from: first.adding(days: -3), through: last.adding(days: 3))
                #expect(months.reduce(0) { $0 + $1.schoolDays } == route.schedule.count)
                for basis in CoverageBasis.allCases {
                    let walk = route.walk(basis), figures = months.map { $0.figures(basis) }
                    #expect(figures.reduce(.zero) { $0 + $1.paid } == walk.paidTotal)
                    #expect(figures.reduce(0) { $0 + $1.fullyCovered } == walk.coveredDayCount)
                    #expect(figures.reduce(0) { $0 + $1.partlyCovered } == walk.partlyCoveredDayCount)
                }
                let window = DayRange(start: asOf, end: asOf.adding(days: 75))!
                let uncovered = route.projected.uncoveredCost(in: window)
                let months75 = route.monthly(from: window.start, through: window.end).map(\.projected)
                #expect(months75.reduce(.zero) { $0 + $1.gap } == uncovered.amount)
                #expect(months75.reduce(0) { $0 + $1.unknownCostDays } == uncovered.unknownCostDays)
            }
        }
    }
}

// MARK: - Random tenants

private struct RandomTenant {
    var sources: [FundingSource]
    var facts: [DashboardRoute]
    var results: [RouteCoverageResult]
}

private func forEachTenant(seed: UInt64, _ body: (RandomTenant, Day) -> Void) {
    var rng = SeededGenerator(seed: seed)
    for _ in 0..<DashboardPropertyTests.cases {
        let asOf = day("2022-08-25").adding(days: Int(rng.next() % 400))
        body(randomTenant(asOf: asOf, &rng), asOf)
    }
}

/// Up to 6 sources of any status sharing up to 8 routes; allocations of any size, some
/// beyond their source's amount, a few negative, a few naming no known source.
private func randomTenant(asOf: Day, _ rng: inout SeededGenerator) -> RandomTenant {
    let sources = (0..<Int(1 + rng.next() % 6)).map { n in
        let start = day("2022-06-01").adding(days: Int(rng.next() % 200))
        return Fixture.source(n + 1, funder: "Funder \(n)", amount: Money(pence: Int64(rng.next() % 5_000_000)),
                              period: DayRange(start: start, end: start.adding(days: Int(rng.next() % 400)))!,
                              status: FundingSource.Status.allCases[Int(rng.next() % 5)])
    }
    var schedules: [UUID: RouteSchedule] = [:], allocations: [Allocation] = [], facts: [DashboardRoute] = []
    for route in 0..<Int(1 + rng.next() % 8) {
        let routeID = id(100 + route)
        schedules[routeID] = randomSchedule(&rng)
        facts.append(DashboardRoute(routeID: routeID, code: "R-\(route)", name: "Route \(route)", childrenPerDay: Int(rng.next() % 30)))
        for _ in 0..<Int(rng.next() % 7) {
            let source = Int(1 + rng.next() % UInt64(sources.count + 1))   // one past the end: no such source
            let start = day("2022-08-20").adding(days: Int(rng.next() % 300))
            let amount = rng.next() % 20 == 0 ? -Int64(rng.next() % 1_000) : Int64(rng.next() % 1_500_000)
            allocations.append(Allocation(id: id(10_000 + allocations.count), sourceID: id(source), routeID: routeID,
                                          amount: Money(pence: amount),
                                          period: DayRange(start: start, end: start.adding(days: Int(rng.next() % 200)))!,
                                          enteredAt: entered(Int(rng.next() % 3))))
        }
    }
    let inputs = TenantCoverage.inputs(schedules: schedules, sources: sources, allocations: allocations)
    return RandomTenant(sources: sources, facts: facts, results: TenantCoverage.run(inputs, asOf: asOf))
}
