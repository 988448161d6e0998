import Foundation
@testable import WaymarkDomain

/// A readable, stable id: `id(7)` is 00000000-0000-0000-0000-000000000007.
func id(_ n: Int) -> UUID {
    UUID(uuidString: String(format: "00000000-0000-0000-0000-%012X", n))!
}

/// `pounds(234)` is £234.00.
func pounds(_ amount: Int64) -> Money { Money(pounds: amount) }

/// An instant `n` seconds into 2022, for `enteredAt` ("then oldest").
func entered(_ n: Int) -> Date { Date(timeIntervalSince1970: 1_640_995_200 + Double(n)) }

enum Fixture {
    static let birmingham = id(900)
    static let coventry = id(901)

    static func source(_ n: Int, funder: String = "Home Office", programme: String = "grant",
                       kind: FundingSource.Kind = .centralGrant, amount: Money = pounds(100_000),
                       period: DayRange = range("2022-04-01", "2023-03-31"),
                       status: FundingSource.Status = .confirmed,
                       restrictions: FundingSource.Restrictions = .none) -> FundingSource {
        FundingSource(id: id(n), funderName: funder, programmeName: programme, kind: kind, amount: amount,
                      period: period, status: status, restrictions: restrictions, reference: "REF-\(n)")
    }

    static func allocation(_ n: Int, source: Int, route: Int = 1, amount: Money,
                           period: DayRange, enteredAt: Int? = nil) -> Allocation {
        Allocation(id: id(n), sourceID: id(source), routeID: id(route), amount: amount,
                   period: period, enteredAt: entered(enteredAt ?? n))
    }

    /// A flat cost per school day from `from`.
    static func flatCost(_ perDay: Money, from: Day = day("2020-01-01")) -> RouteCostModel {
        RouteCostModel(entries: [.init(effectiveFrom: from, chaperones: 1, minutesPerDay: 0,
                                       hourlyRate: .zero, dailyManagement: perDay)])
    }
}
