import Foundation
@testable import WaymarkDomain

/// Youth Links' contract from the worked example: W1 and W2 at £45,630 each (its £91,260
/// split as the specification splits W1 and W2, equally), 2 Sep 2024 to 31 Aug 2025.
enum Contracted {
    static let contractID = id(1_001)
    static let approver = id(710)
    static let homeOffice = Fixture.source(10, amount: pounds(100_000), period: range("2024-04-01", "2026-03-31"))
    static let council = Fixture.source(11, funder: "Wolverhampton Council", programme: "route funding", kind: .council,
                                        amount: pounds(40_000), period: range("2024-04-01", "2026-03-31"))

    static var contract: Contract {
        Contract(id: contractID, specificationID: Demo.specification().id, awardedBidID: Worked.youthLinksBid,
                 providerOrganisationID: Bidders.youthLinks, value: Money(pence: 9_126_000),
                 start: day("2024-09-02"), end: day("2025-08-31"),
                 routes: [RouteValue(routeID: Demo.routeW1, value: Money(pence: 4_563_000)),
                          RouteValue(routeID: Demo.routeW2, value: Money(pence: 4_563_000))],
                 kpis: Demo.specification().kpis,
                 fundingLinks: [FundingLink(sourceID: homeOffice.id, allocationID: id(20), amount: pounds(60_000)),
                                FundingLink(sourceID: council.id, amount: Money(pence: 3_126_000))])
    }

    static func variation(_ n: Int, _ change: VariationChange, effective: String, approved: String,
                          reason: String = "Agreed at the quarterly review.") -> ContractVariation {
        ContractVariation(id: id(1_100 + n), change: change, reason: reason, effective: day(effective),
                          approvedBy: approver, approvedAt: instant(approved))
    }

    /// Weekdays in `range` outside the given holidays — a stand-in for a term calendar.
    static func schoolDays(_ range: DayRange, holidays: [DayRange] = []) -> [Day] {
        range.filter { day in !day.isWeekend && !holidays.contains { $0.contains(day) } }
    }
}
