import Fluent
import Foundation
import WaymarkDomain

/// How a contract's value is spread over its payment quarters.
///
/// By the school days of the routes it serves (a quarter holding the summer holiday costs
/// less, as chaperones work school days only), when every route's term dates are known to the
/// end of the contract. Otherwise by calendar days: school days known for only part of the
/// contract would put all the money in the known part and none in the rest.
enum PaymentWeighting {
    static func weighting(for terms: ContractTerms, schedules: [UUID: RouteSchedule]) -> DayWeighting {
        var days = Set<Day>()
        for route in terms.routes {
            guard let schedule = schedules[route.routeID], knowsTermDates(schedule, through: terms.end),
                  let served = terms.servicePeriod(ofRoute: route.routeID) else { return .calendarDays }
            days.formUnion(schedule.days[schedule.indexes(in: served)])
        }
        return days.isEmpty ? .calendarDays : .schoolDays(days)
    }

    static func weighting(_ context: TenantContext, for terms: ContractTerms) async throws -> DayWeighting {
        let ids = terms.routes.map(\.routeID)
        let routes = try await context.query(Route.self).filter(\.$id ~~ ids).all()
        return weighting(for: terms, schedules: try await RouteSchedules.build(context, routes: routes))
    }

    private static func knowsTermDates(_ schedule: RouteSchedule, through day: Day) -> Bool {
        switch schedule.end {
        case .routeCloses: true
        case .termDatesEnd(let known): known.map { $0 >= day } ?? false
        }
    }
}
