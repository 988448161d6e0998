import Foundation
@testable import WaymarkDomain

/// A contract of two Wolverhampton routes, September 2023 to July 2024, and October's
/// return for it: 20 school days on City Centre, 19 on Blakenhall (an INSET day).
enum ReturnWorked {
    static let cityCentre = id(901)
    static let blakenhall = id(902)
    static let october = CalendarMonth(year: 2023, month: 10)!
    static let period = range("2023-09-04", "2024-07-31")

    static let expectation = ReturnExpectation(month: october, period: period, routes: [
        .init(routeID: cityCentre, code: "WLV-01", schoolDays: 20),
        .init(routeID: blakenhall, code: "WLV-02", schoolDays: 19),
    ])

    static func line(_ route: UUID, days: Int, _ changes: [ReturnCount: Int] = [:], hours: Double = 160) -> RouteReturnLine {
        var counts: [ReturnCount: Int] = [
            .sessionsDelivered: days * 2 - 1, .youngPeopleEngaged: 140, .incidentsViolence: 2, .incidentsBullying: 3,
            .incidentsAntiSocialBehaviour: 1, .incidentsDeEscalated: 5, .safeguardingConcerns: 1, .referralsMentoring: 2,
            .policeContacts: 1, .schoolContacts: 8, .staffOnRoute: 2, .staffChecksInDate: 2,
        ]
        counts.merge(changes) { _, new in new }
        return RouteReturnLine(routeID: route, schoolDays: days, counts: counts, chaperoneHours: hours)
    }

    static func content(_ lines: [RouteReturnLine]? = nil, narrative: String = "A steady month; half-term week was quiet.") -> ReturnContent {
        ReturnContent(month: october, lines: lines ?? [line(cityCentre, days: 20), line(blakenhall, days: 19)], narrative: narrative)
    }
}
