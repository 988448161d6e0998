import Foundation
import WaymarkDomain
import WaymarkSimulation

/// A simulation result as the shell, the API and downloads give it: plain JSON (snake_case
/// through APIJSON) and CSV. Money is integer pence; probabilities are 0…1.
struct ForecastReport: Codable, Sendable {
    struct Month: Codable, Sendable {
        let month: String
        let routesCovered: Spread
        let childrenCovered: Spread
        let fundingGapPence: Spread
    }
    struct RouteLine: Codable, Sendable {
        let routeId: UUID
        let code: String
        let probabilityCovered: [Double]
        let likelyLostFrom: String?
    }
    struct Timing: Codable, Sendable {
        let threads: Int
        let totalMs: Double
        let drawingMs: Double
        let coverageMs: Double
        let aggregationMs: Double
    }

    let scenario: String
    let asOf: String
    let samples: Int
    let seed: UInt64
    let months: [Month]
    let routes: [RouteLine]
    let lapsedPence: Spread
    let timing: Timing

    init(_ result: SimulationResult, asOf: Day) {
        scenario = result.scenarioName
        self.asOf = asOf.iso
        samples = result.samples
        seed = result.seed
        months = result.months.indices.map { i in
            Month(month: String(result.months[i].iso.prefix(7)), routesCovered: result.routesCovered[i],
                  childrenCovered: result.childrenCovered[i], fundingGapPence: result.fundingGap[i])
        }
        routes = result.routes.map { RouteLine(routeId: $0.routeID, code: $0.code, probabilityCovered: $0.probabilityCovered, likelyLostFrom: $0.likelyLostFrom?.iso) }
        lapsedPence = result.lapsed
        let ms = { (d: Duration) in Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15 }
        timing = Timing(threads: result.timing.threads, totalMs: ms(result.timing.total), drawingMs: ms(result.timing.drawing),
                        coverageMs: ms(result.timing.coverage), aggregationMs: ms(result.timing.aggregation))
    }

    /// One row per month, then one per route and month with its probability of being covered.
    var csv: Data {
        var rows: [[String]] = months.map { m in
            ["month", m.month, "", String(m.routesCovered.p10), String(m.routesCovered.p50), String(m.routesCovered.p90),
             String(format: "%.2f", m.routesCovered.mean), String(m.childrenCovered.p50), String(m.fundingGapPence.p50), ""]
        }
        for route in routes {
            for (i, probability) in zip(months.indices, route.probabilityCovered) {
                rows.append(["route", months[i].month, route.code, "", "", "", "", "", "", String(format: "%.4f", probability)])
            }
        }
        return TabularWriter.csv(headers: ["row", "month", "route_code", "routes_covered_p10", "routes_covered_p50", "routes_covered_p90",
                                           "routes_covered_mean", "children_covered_p50", "funding_gap_pence_p50", "probability_covered"],
                                 rows: rows)
    }
}
