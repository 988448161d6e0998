import Foundation
import Testing
import WaymarkDomain
@testable import WaymarkSimulation

/// With every probability 0 or 1 and no ranges, every sample is the coverage engine's
/// projected walk, month by month.
struct EngineEqualityTests {
    @Test func certaintyEqualsTheCoverageEngine() {
        let base = Fixture.base()
        let result = Simulation.run(Fixture.certain(), on: base)
        let schedules = Dictionary(uniqueKeysWithValues: base.routes.map { ($0.id, $0.schedule) })
        // Pledged money counts as certain here, so the engine's projected walk is the reference.
        let inputs = TenantCoverage.inputs(schedules: schedules, sources: base.sources, allocations: base.allocations)
        var coveredRoutes = [Int](repeating: 0, count: base.horizonMonths)
        var gap = [Int64](repeating: 0, count: base.horizonMonths)
        var lapsed: Int64 = 0
        for input in inputs {
            let coverage = RouteCoverage(input)
            let monthly = coverage.monthly(from: base.months[0], through: base.horizonEnd)
            #expect(monthly.count == base.horizonMonths)
            var covered = monthly.map { $0.schoolDays > 0 && $0.projected.fullyCovered == $0.schoolDays }
            for m in covered.indices.reversed() where monthly[m].schoolDays == 0 {   // months with no school days
                covered[m] = m + 1 < covered.count ? covered[m + 1] : false
            }
            let forecast = result.routes.first { $0.routeID == input.routeID }!
            #expect(forecast.probabilityCovered == covered.map { $0 ? 1.0 : 0.0 })
            for m in covered.indices {
                if covered[m] { coveredRoutes[m] += 1 }
                gap[m] += monthly[m].projected.gap.pence
            }
            for a in coverage.allocations.indices {
                let end = coverage.allocations[a].allocation.period.end
                if end >= base.asOf && end <= base.horizonEnd { lapsed += coverage.projected.lapsed(allocationAt: a).pence }
            }
        }
        for m in 0..<base.horizonMonths {
            let expected = Int64(coveredRoutes[m])
            #expect(result.routesCovered[m] == Spread(p10: expected, p50: expected, p90: expected, mean: Double(expected)))
            #expect(result.fundingGap[m] == Spread(p10: gap[m], p50: gap[m], p90: gap[m], mean: Double(gap[m])))
        }
        #expect(result.lapsed.p50 == lapsed && result.lapsed.p10 == lapsed && lapsed > 0)
        // The fixture is not trivial: some months covered, some not, some gap.
        #expect(coveredRoutes.contains(0) || coveredRoutes.contains(1))
        #expect(coveredRoutes.contains { $0 >= 2 })
        #expect(gap.contains { $0 > 0 })
    }

    @Test func routeLostWhenItsMoneyEnds() {
        let result = Simulation.run(Fixture.certain(), on: Fixture.base())
        // Route 2 is paid by the Home Office to March 2024 and then by the council's pledge
        // (certain here) to March 2025; the withdrawn source never counts.
        #expect(result.routes[1].likelyLostFrom == Day(2025, 4, 1))
        // Route 3 runs short in May 2024.
        #expect(result.routes[2].likelyLostFrom == Day(2024, 5, 1))
    }
}
