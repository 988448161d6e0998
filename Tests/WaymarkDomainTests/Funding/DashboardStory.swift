import Foundation
@testable import WaymarkDomain

/// A small tenant as of 1 Sep 2022 on Birmingham's 2022/23 calendar at £100 a school day.
/// September and October 2022 have 35 school days (19 + 16: half-term 24–28 Oct, back on 31 Oct),
/// 1 Sep – 31 Mar 128, the school year 193.
///
/// | route | funding | status |
/// |---|---|---|
/// | 1 BHM-03 Aston (10 children) | Home Office £13,000 to 31 Mar (£200 lapses) | secure |
/// | 2 BHM-06 Ladywood (12) | YEF £3,500 to 31 Oct | at risk |
/// | 3 SAN-01 Oldbury (8) | Sandwell pledge £1,800 to 29 Sep; a withdrawn £500 | at risk |
/// | 4 WAL-01 Bloxwich (5) | summer scheme £500 that ended 31 Aug, unspent | unfunded |
/// | 5 BHM-09 Handsworth (20) | YEF £3,500 then Home Office £9,300 from 1 Nov | secure |
/// | 6 BHM-01 Edgbaston (7) | YEF £3,500 then a council pledge of £20,000 (£4,200 lapses) | watch |
/// | 7 BHM-02 Erdington (9) | YEF £4,100 to 31 Oct (£600 lapses) | at risk |
enum DashboardStory {
    static let asOf = day("2022-09-01")
    static let autumnToSpring = range("2022-09-01", "2023-03-31")
    static let septOct = range("2022-09-01", "2022-10-31")

    static let homeOffice = Fixture.source(10)
    static let yef = Fixture.source(20, funder: "Youth Endowment Fund", programme: "extension", amount: pounds(20_000),
                                    period: range("2022-04-01", "2022-10-31"))
    static let sandwell = Fixture.source(30, funder: "Sandwell Council", programme: "route pledge", kind: .council,
                                         amount: pounds(5_000), period: range("2022-09-01", "2022-09-29"), status: .pledged)
    static let bid = Fixture.source(40, funder: "A trust", programme: "bid", amount: pounds(5_000),
                                    period: range("2022-09-01", "2022-09-15"), status: .prospective)
    static let withdrawn = Fixture.source(50, funder: "A school", programme: "buy-in", amount: pounds(5_000),
                                          period: range("2022-09-01", "2022-09-15"), status: .withdrawn)
    static let summer = Fixture.source(60, funder: "Walsall Council", programme: "summer scheme", amount: pounds(1_000),
                                       period: range("2022-07-01", "2022-08-31"))
    static let council = Fixture.source(70, funder: "Birmingham City Council", programme: "route funding", kind: .council,
                                        amount: pounds(50_000), period: range("2022-11-01", "2023-07-31"), status: .pledged)
    static let saferStreets = Fixture.source(80, funder: "Home Office", programme: "Safer Streets", amount: pounds(10_000),
                                             period: range("2022-04-01", "2023-01-31"), status: .received)
    static let coventry = Fixture.source(90, funder: "Coventry City Council", programme: "top-up", amount: pounds(2_000),
                                         period: range("2022-04-01", "2022-10-31"))
    static let sources = [homeOffice, yef, sandwell, bid, withdrawn, summer, council, saferStreets, coventry]

    static let routes: [TestRoute] = [
        TestRoute(number: 1, funding: [(Fixture.allocation(101, source: 10, route: 1, amount: pounds(13_000), period: autumnToSpring), homeOffice)]),
        TestRoute(number: 2, funding: [(Fixture.allocation(201, source: 20, route: 2, amount: pounds(3_500), period: septOct), yef)]),
        TestRoute(number: 3, funding: [
            (Fixture.allocation(301, source: 30, route: 3, amount: pounds(1_800), period: sandwell.period), sandwell),
            (Fixture.allocation(302, source: 50, route: 3, amount: pounds(500), period: withdrawn.period), withdrawn)]),
        TestRoute(number: 4, funding: [(Fixture.allocation(401, source: 60, route: 4, amount: pounds(500), period: summer.period), summer)]),
        TestRoute(number: 5, funding: [
            (Fixture.allocation(501, source: 20, route: 5, amount: pounds(3_500), period: septOct), yef),
            (Fixture.allocation(502, source: 10, route: 5, amount: pounds(9_300), period: range("2022-11-01", "2023-03-31")), homeOffice)]),
        TestRoute(number: 6, funding: [
            (Fixture.allocation(601, source: 20, route: 6, amount: pounds(3_500), period: septOct), yef),
            (Fixture.allocation(602, source: 70, route: 6, amount: pounds(20_000), period: council.period), council)]),
        TestRoute(number: 7, funding: [(Fixture.allocation(701, source: 20, route: 7, amount: pounds(4_100), period: septOct), yef)]),
    ]

    static let facts = [
        routeFacts(1, "BHM-03", "Aston", children: 10), routeFacts(2, "BHM-06", "Ladywood", children: 12),
        routeFacts(3, "SAN-01", "Oldbury", children: 8), routeFacts(4, "WAL-01", "Bloxwich", children: 5),
        routeFacts(5, "BHM-09", "Handsworth", children: 20), routeFacts(6, "BHM-01", "Edgbaston", children: 7),
        routeFacts(7, "BHM-02", "Erdington", children: 9),
    ]

    static func results(asOf: Day = asOf) -> [RouteCoverageResult] { tenantResults(routes, asOf: asOf) }

    static func dashboard(asOf: Day = asOf, bandLimits: [Int] = [30, 90, 180]) -> FundingDashboard {
        FundingDashboard(results: results(asOf: asOf), routes: facts, sources: sources, asOf: asOf, bandLimits: bandLimits)
    }
}
