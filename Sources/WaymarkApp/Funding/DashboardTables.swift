import Foundation
import WaymarkDomain

/// The dashboard's tables as CSV: the same rows the page shows, in machine-readable form.
enum DashboardTables {
    enum Table: String, CaseIterable {
        case routes = "routes-by-status"
        case shortfall
        case endingGrants = "ending-grants"
        case lapsing = "money-lapsing"
    }

    static func rows(_ table: Table, _ data: DashboardData) -> (headers: [String], rows: [[String]]) {
        let asOf = data.asOf.iso
        let dashboard = data.dashboard
        switch table {
        case .routes:
            return (["as_of", "route_code", "route_name", "children_per_day", "funding_status", "funded_until",
                     "funded_until_projected", "reasons"],
                    data.routesByUrgency.map { route, report in
                        [asOf, route.code, route.name, String(route.childrenPerDay), report.status.rawValue,
                         report.securedFundedUntil?.iso ?? "", report.projectedFundedUntil?.iso ?? "", data.snapshot.reasons(of: route.id).joined(separator: " ")]
                    })
        case .shortfall:
            let periods = [("school_year", dashboard.schoolYearShortfall), ("financial_year", dashboard.financialYearShortfall)]
            return (["as_of", "to_end_of", "through", "route_code", "route_name", "funding_status", "secured_shortfall",
                     "projected_shortfall", "unknown_cost_days", "term_dates_end_early"],
                    periods.flatMap { name, summary in
                        summary.routes.map { line in
                            [asOf, name, summary.period.end.iso, line.route.code, line.route.name, line.status.rawValue,
                             line.shortfall.secured.decimalString, line.shortfall.projected.decimalString,
                             String(line.shortfall.unknownCostDays), line.shortfall.termDatesEndEarly ? "yes" : "no"]
                        }
                    })
        case .endingGrants:
            return (["as_of", "within_days", "source_id", "source", "status", "amount", "ends", "days_left",
                     "route_code", "route_name", "route_status", "route_funded_until_projected"],
                    dashboard.endingGrants.flatMap { band in
                        band.grants.flatMap { grant -> [[String]] in
                            let base = [asOf, String(band.days), grant.sourceID.uuidString, grant.label, grant.status.rawValue,
                                        grant.amount.decimalString, grant.end.iso, String(grant.daysLeft)]
                            guard !grant.routesLeftAtRisk.isEmpty else { return [base + ["", "", "", ""]] }
                            return grant.routesLeftAtRisk.map { line in
                                base + [line.route.code, line.route.name, line.status.rawValue, line.projectedFundedUntil?.iso ?? ""]
                            }
                        }
                    })
        case .lapsing:
            return (["as_of", "source_id", "source", "status", "ends", "lapsed", "will_lapse"],
                    dashboard.lapse.sources.map { line in
                        [asOf, line.sourceID.uuidString, line.label, line.status.rawValue, line.end.iso,
                         line.past.decimalString, line.future.decimalString]
                    })
        }
    }
}
