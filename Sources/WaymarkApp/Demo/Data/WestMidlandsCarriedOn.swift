import Foundation
import WaymarkDomain

// The story carried on to the seeding day (issue 15, "the demo lives in the present"). The 2021
// to 2024 story (WestMidlandsFunding) stays as it is; from 2024/25 the 14 kept routes run on
// council, school and police and crime commissioner money renewed year by year, each year's
// money a source of its own, confirmed some weeks before its year starts and received a few
// weeks in. Everything here is worked out from the seeding day, so whatever that day is, the
// present looks the same: most routes secure, Sandwell's renewal pledged and awaiting a
// decision (watch), the police and crime commissioner's grant for Coventry ending in four or
// five months with nothing after (watch or at risk), and Blakenhall's school contribution
// ending in six to ten weeks (at risk). No effective day is after the seeding day.
extension DemoWestMidlands {
    /// The ten routes nobody picked up: closed, their last day the day the central money
    /// ended, by the partnership board's decision of 7 Dec 2022 (so the 15 Nov 2022 view
    /// still shows them unfunded, as it did).
    static let lostRoutes: Set<String> = ["BHM-06", "COV-03", "COV-04", "DUD-01", "DUD-02", "DUD-03", "SAN-03", "WSL-01", "WSL-02", "WSL-03"]
    static let lostRoutesEnd = "2022-10-31"
    static let lostRoutesClosedOn = "2022-12-07"

    struct Renewal {
        enum Year { case financial, academic }
        enum Today { case secure, pledgeAwaited, endsWithNothingAfter, endsSoon }
        let funder: String
        let programme: String
        let kind: String
        let year: Year
        let today: Today
        let routes: [String]
        /// Who delivers the routes, and the contracts' reference ("ST-BHM-%d-01", by the year
        /// the money starts).
        let provider: String
        let contract: String
    }

    static let renewals: [Renewal] = [
        Renewal(funder: "Birmingham City Council", programme: "Safer Journeys fund", kind: "council", year: .financial, today: .secure,
                routes: ["BHM-01", "BHM-02", "BHM-03", "BHM-04"],
                provider: "Lanternway Youth Trust", contract: "ST-BHM-%d-01"),
        Renewal(funder: "Ladypool Academy", programme: "school contribution", kind: "school", year: .academic, today: .secure, routes: ["BHM-05"],
                provider: "Lanternway Youth Trust", contract: "ST-BHM-%d-02"),
        Renewal(funder: "Solihull Metropolitan Borough Council", programme: "Community safety grant", kind: "council", year: .academic,
                today: .secure, routes: ["SOL-01", "SOL-02"],
                provider: "Three Spires Safe Steps CIC", contract: "ST-SOL-%d-01"),
        Renewal(funder: "City of Wolverhampton Council", programme: "Step Together", kind: "council", year: .academic, today: .secure,
                routes: ["WLV-01", "WLV-02"],
                provider: "Lanternway Youth Trust", contract: "ST-WLV-%d-01"),
        Renewal(funder: "Sandwell Metropolitan Borough Council", programme: "Youth violence prevention", kind: "council", year: .financial,
                today: .pledgeAwaited, routes: ["SAN-01", "SAN-02"],
                provider: "Black Country Kerbside CIO", contract: "ST-SAN-%d-01"),
        Renewal(funder: "Office of the West Midlands Police and Crime Commissioner", programme: "Community safety fund",
                kind: "policeAndCrimeCommissioner", year: .financial, today: .endsWithNothingAfter, routes: ["COV-01", "COV-02"],
                provider: "Three Spires Safe Steps CIC", contract: "ST-COV-%d-01"),
        Renewal(funder: "Blakenhall Community Academy", programme: "school contribution", kind: "school", year: .academic, today: .endsSoon,
                routes: ["WLV-03"],
                provider: "Lanternway Youth Trust", contract: "ST-WLV-%d-02"),
    ]

    /// The last academic year the calendars must cover: two after today's, so next year's
    /// money (a financial year reaches into the academic year after) has school days to pay.
    static func lastAcademicYear(today: Day) -> Int { DemoTermRule.academicYear(of: today) + 2 }

    /// Each kept route group's money from 2024/25 to the year after `today`'s.
    static func carriedOnFunding(today: Day) -> [DemoSource] {
        renewals.flatMap { sources($0, today: today) }
    }

    static func sources(_ renewal: Renewal, today: Day) -> [DemoSource] {
        func start(_ year: Int) -> Day { renewal.year == .financial ? Day(year, 4, 1) : Day(year, 9, 1) }
        func end(_ year: Int) -> Day { renewal.year == .financial ? Day(year + 1, 3, 31) : Day(year + 1, 7, 31) }
        let current = renewal.year == .financial ? (today.month >= 4 ? today.year : today.year - 1) : DemoTermRule.academicYear(of: today)
        var periods = (2024...current).map { (start($0), end($0)) }
        switch renewal.today {
        case .secure:
            periods.append((start(current + 1), end(current + 1)))
        case .pledgeAwaited:
            let ends = today.adding(days: 120).endOfMonth
            periods[periods.count - 1].1 = ends
            periods.append((ends.next, ends.adding(months: 12)))
        case .endsWithNothingAfter:
            periods[periods.count - 1].1 = today.adding(days: 125).endOfMonth
        case .endsSoon:
            periods[periods.count - 1].1 = today.adding(days: 45).endOfMonth
        }
        return periods.enumerated().map { index, period in
            let pledgeAwaited = renewal.today == .pledgeAwaited && index == periods.count - 1
            let programme = pledgeAwaited ? "\(renewal.programme) from \(period.0.display)" : "\(renewal.programme) \(label(period.0))"
            return DemoSource(funder: renewal.funder, programme: programme, kind: renewal.kind,
                              amountPence: nil, start: period.0.iso, end: period.1.iso,
                              history: pledgeAwaited ? [.init(status: "pledged", on: today.adding(days: -18).iso)]
                                  : history(renewal, period.0, today: today),
                              renewable: true, routes: renewal.routes)
        }
    }

    /// Councils pledge in the winter before, then confirm six weeks ahead (or at once, if that
    /// is still to come); schools confirm a month ahead; money is received a month in.
    private static func history(_ renewal: Renewal, _ start: Day, today: Day) -> [DemoSource.StatusStep] {
        let yesterday = today.previous
        let confirmed = min(start.adding(days: renewal.kind == "school" ? -30 : -42), yesterday)
        var steps: [DemoSource.StatusStep] = []
        let pledged = start.adding(days: -100)
        if renewal.kind != "school", pledged < confirmed.adding(days: -14) { steps.append(.init(status: "pledged", on: pledged.iso)) }
        steps.append(.init(status: "confirmed", on: confirmed.iso))
        let received = start.adding(days: 30)
        if received <= yesterday { steps.append(.init(status: "received", on: received.iso)) }
        return steps
    }

    /// "2025/26", by the year the money starts in (a financial or an academic year).
    private static func label(_ start: Day) -> String {
        let year = start.month >= 4 ? start.year : start.year - 1
        return "\(year)/\(String(format: "%02d", (year + 1) % 100))"
    }

    /// The contracts that deliver the carried-on money: one for each year's money of each
    /// group, let to the group's provider four weeks before the money starts and running exactly
    /// as long as it. Money not yet signed for by yesterday (next year's, most often) has no
    /// contract yet, and a renewal only pledged has none either: both are the commissioner's
    /// work to come, and the dashboard says so.
    static func carriedOnContracts(today: Day) -> [DemoContract] {
        renewals.flatMap { renewal in
            sources(renewal, today: today).compactMap { source -> DemoContract? in
                guard let start = Day(iso: source.start), !source.history.allSatisfy({ $0.status == "pledged" }) else { return nil }
                let signed = start.adding(days: -28)
                guard signed < today else { return nil }
                return DemoContract(reference: String(format: renewal.contract, start.year),
                                    title: "Step Together chaperones, \(source.programme) (\(renewal.funder))", provider: renewal.provider,
                                    routes: source.routes, start: source.start, end: source.end,
                                    funding: [DemoFunding(source.funder, source.programme)], signed: signed.iso)
            }
        }
    }
}
