import Foundation
@testable import WaymarkDomain

/// DESIGN.md's coverage, funded-until and status rules written out a second time, plainly and
/// day by day, from the same facts a partnership imports: none of the application's coverage
/// code is used, so the two can only agree by both following the design.
struct DesignRules {
    struct Period { let start: Day; let end: Day; func contains(_ day: Day) -> Bool { start <= day && day <= end } }
    struct Term { let dates: Period; let halfTerms: [Period] }
    struct Cost { let from: Day; let pence: Int64 }
    struct Route { let code: String; let start: Day; let terms: [Term]; let inset: [Day]; let costs: [Cost] }
    struct Source { let reference: String; let history: [(FundingSource.Status, Day)] }
    struct Allocation { let source: String; let route: String; let pence: Int64; let period: Period; let agreedOn: Day }

    let routes: [Route]
    let sources: [Source]
    let allocations: [Allocation]
    var atRiskDays = 90, watchDays = 180

    struct Answer: Equatable, CustomStringConvertible {
        let secured: Day?, projected: Day?, status: String
        var description: String { "\(status) secured \(secured?.iso ?? "none") projected \(projected?.iso ?? "none")" }
    }

    /// The source's status on `day`: its last status change effective by then.
    func status(of reference: String, on day: Day) -> FundingSource.Status? {
        sources.first { $0.reference == reference }?.history.filter { $0.1 <= day }.last?.0
    }

    func isSchoolDay(_ day: Day, _ route: Route) -> Bool {
        guard !day.isWeekend, !BankHolidays.englandAndWales.contains(day), !route.inset.contains(day) else { return false }
        return route.terms.contains { $0.dates.contains(day) && !$0.halfTerms.contains { $0.contains(day) } }
    }

    func cost(on day: Day, _ route: Route) -> Int64? { route.costs.filter { $0.from <= day }.max { $0.from < $1.from }?.pence }

    /// Which school days of the route are fully paid, counting money of sources in `counted`
    /// statuses as of `asOf`, and the route's school days in order.
    func walk(_ route: Route, asOf: Day, counted: Set<FundingSource.Status>) -> (days: [Day], covered: Set<Day>) {
        let usable = allocations.filter { allocation in
            allocation.route == route.code && allocation.agreedOn <= asOf
                && status(of: allocation.source, on: asOf).map(counted.contains) == true
        }
        let lastTermDay = route.terms.map(\.dates.end).max()!
        var days: [Day] = []
        var day = route.start
        while day <= lastTermDay { if isSchoolDay(day, route) { days.append(day) }; day = day.next }
        guard let firstMoney = usable.map(\.period.start).min() else { return (days, []) }
        var left = usable.map(\.pence)
        let order = usable.indices.sorted { a, b in
            let x = usable[a], y = usable[b]
            return (x.period.end, x.period.start, x.agreedOn) < (y.period.end, y.period.start, y.agreedOn)
        }
        var covered: Set<Day> = []
        for day in days where day >= firstMoney {
            guard let price = cost(on: day, route) else { continue }
            var owed = price
            for index in order where usable[index].period.contains(day) && owed > 0 {
                let drawn = min(owed, left[index])
                left[index] -= drawn
                owed -= drawn
            }
            if owed == 0 { covered.insert(day) }
        }
        return (days, covered)
    }

    /// The last school day of the unbroken run of fully covered days that starts at the first
    /// school day on or after `asOf`; nil when that day is not fully covered.
    func fundedUntil(_ route: Route, asOf: Day, counted: Set<FundingSource.Status>) -> Day? {
        let (days, covered) = walk(route, asOf: asOf, counted: counted)
        var last: Day?
        for day in days where day >= asOf {
            guard covered.contains(day) else { break }
            last = day
        }
        return last
    }

    func answer(_ code: String, asOf: Day) -> Answer {
        let route = routes.first { $0.code == code }!
        let secured = fundedUntil(route, asOf: asOf, counted: [.confirmed, .received])
        let projected = fundedUntil(route, asOf: asOf, counted: [.pledged, .confirmed, .received])
        func endsWithin(_ until: Day?, _ days: Int) -> Bool { until.map { $0 < asOf.adding(days: days) } ?? true }
        let status = projected == nil ? "unfunded"
            : endsWithin(projected, atRiskDays) ? "atRisk"
            : endsWithin(secured, watchDays) ? "watch" : "secure"
        return Answer(secured: secured, projected: projected, status: status)
    }
}
