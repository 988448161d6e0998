import Foundation
import WaymarkDomain

/// One row of a figures table: a month, route, local authority or provider.
struct DeliveryFiguresRow: Encodable {
    let label: String
    let sessionsPlanned: String
    let sessionsDelivered: String
    let deliveryRate: String
    let youngPeople: String
    let incidents: String
    let deEscalated: String
    let safeguarding: String
    let referrals: String
    let hours: String

    init(_ label: String, _ figures: DeliveryFigures) {
        let n = { (value: Int) in value.grouped() }
        self.label = label
        sessionsPlanned = n(figures.sessionsPlanned)
        sessionsDelivered = n(figures.sessionsDelivered)
        deliveryRate = figures.deliveryRateText
        youngPeople = n(figures.youngPeopleEngaged)
        incidents = n(figures.incidents)
        deEscalated = n(figures.deEscalated)
        safeguarding = n(figures.safeguardingConcerns)
        referrals = n(figures.referrals)
        hours = Self.hours(figures.chaperoneHours)
    }

    /// Hours are reported to the quarter hour: "12.25", "40", never a long binary tail.
    static func hours(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// What `returns/dashboard.leaf` shows.
struct DeliveryDashboardPage: Encodable {
    struct Headline: Encodable { let label: String; let value: String; let detail: String }
    struct Table: Encodable { let heading: String; let caption: String; let column: String; let rows: [DeliveryFiguresRow] }
    struct Option: Encodable { let value: String; let label: String; let selected: Bool }
    struct ChartRow: Encodable { let month: String; let rate: String; let engaged: String }
    struct OverdueRow: Encodable { let contract: String; let href: String?; let month: String; let due: String; let days: Int }
    struct Status: Encodable { let due: Int; let overdue: Int; let awaitingReview: Int; let withProvider: Int; let overdueRows: [OverdueRow] }

    let hasFacts: Bool
    let filterText: String
    let headlines: [Headline]
    let chartSVG: String
    let chartRows: [ChartRow]
    let tables: [Table]
    let fromOptions: [Option]
    let toOptions: [Option]
    let authorityOptions: [Option]
    let status: Status
    let today: String
    let csvHref: String
    let formHref: String
    let filtered: Bool
    var wide = true

    /// The filter's choices come from every fact the asker may read, so narrowing to one month
    /// still offers the others; the figures come from the filtered facts.
    init(data: DeliveryDashboardData, filter: DeliveryFilter, status: ReturnsStatusCounts, today: Day, slug: String, linksContracts: Bool) {
        let facts = filter.apply(data.facts)
        let total = DeliverySummary.total(facts)
        let n = { (value: Int) in value.grouped() }
        hasFacts = !facts.isEmpty
        filterText = filter.description
        headlines = [
            Headline(label: "Delivery rate", value: total.deliveryRateText,
                     detail: "\(n(total.sessionsDelivered)) of \(n(total.sessionsPlanned)) planned sessions delivered"),
            Headline(label: "Young people engaged", value: n(total.youngPeopleEngaged),
                     detail: "over \(n(total.routeMonths)) route-months reported"),
            Headline(label: "Incidents seen", value: n(total.incidents), detail: "\(n(total.deEscalated)) de-escalated"),
            Headline(label: "Safeguarding concerns raised", value: n(total.safeguardingConcerns), detail: "in approved returns"),
            Headline(label: "Referrals made", value: n(total.referrals), detail: "to mental health, food and clothing, diversionary, mentoring and other help"),
        ]
        let months = DeliverySummary.grouped(facts, by: \.month)
        let byRoute = DeliverySummary.grouped(facts) { data.routes[$0.routeID]?.label ?? $0.routeID.uuidString }
        tables = [
            Table(heading: "By month", caption: "Delivery by month, \(filter.description)", column: "Month",
                  rows: months.map { DeliveryFiguresRow($0.0.longDisplay, $0.1) }),
            Table(heading: "By route", caption: "Delivery by route, \(filter.description)", column: "Route",
                  rows: byRoute.map { DeliveryFiguresRow($0.0, $0.1) }),
            Table(heading: "By local authority", caption: "Delivery by local authority, \(filter.description)", column: "Local authority",
                  rows: DeliverySummary.grouped(facts, by: \.authority).map { DeliveryFiguresRow($0.0, $0.1) }),
            Table(heading: "By provider", caption: "Delivery by provider, \(filter.description)", column: "Provider",
                  rows: DeliverySummary.grouped(facts, by: \.provider).map { DeliveryFiguresRow($0.0, $0.1) }),
        ]
        let points = Self.continuous(months)
        chartRows = points.map { ChartRow(month: $0.month.longDisplay, rate: $0.rate.map(DeliveryFigures.percent) ?? "–", engaged: $0.engaged.map(n) ?? "–") }
        chartSVG = DeliveryChartSVG.render(points, title: "Delivery rate and young people engaged by month",
                                           summary: Self.summary(points, filter: filter))

        let allMonths = Set(data.facts.map(\.month)).sorted()
        fromOptions = allMonths.map { Option(value: $0.description, label: $0.longDisplay, selected: $0 == filter.from) }
        toOptions = allMonths.map { Option(value: $0.description, label: $0.longDisplay, selected: $0 == filter.to) }
        authorityOptions = Set(data.facts.map(\.authority)).sorted().map { Option(value: $0, label: $0, selected: $0 == filter.authority) }
        self.status = Status(due: status.due, overdue: status.overdue, awaitingReview: status.awaitingReview, withProvider: status.withProvider,
                             overdueRows: status.overdueReturns.sorted {
                                 ($0.month, data.references[$0.contractID] ?? "") < ($1.month, data.references[$1.contractID] ?? "")
                             }.map { item in
                                 OverdueRow(contract: data.references[item.contractID] ?? "",
                                            href: linksContracts ? SiteMap.Tenant.contract.path(slug, item.contractID.uuidString) : nil,
                                            month: item.month.longDisplay, due: item.due.display, days: item.days)
                             })
        self.today = today.display
        formHref = SiteMap.Tenant.delivery.bare(slug)
        csvHref = SiteMap.Tenant.deliveryCSV.path(slug, query: filter.queryItems)
        filtered = !filter.isEmpty
    }

    /// Every month from the first to the last with figures, so a month with no approved
    /// return shows as a gap in the time axis rather than vanishing from it.
    static func continuous(_ months: [(CalendarMonth, DeliveryFigures)]) -> [DeliveryChartSVG.Point] {
        guard let first = months.first?.0, let last = months.last?.0 else { return [] }
        let figures = Dictionary(uniqueKeysWithValues: months.map { ($0.0, $0.1) })
        var points: [DeliveryChartSVG.Point] = [], month = first
        while month <= last {
            let found = figures[month]
            points.append(.init(month: month, rate: found?.deliveryRate, engaged: found?.youngPeopleEngaged))
            month = month.next
        }
        return points
    }

    static func summary(_ points: [DeliveryChartSVG.Point], filter: DeliveryFilter) -> String {
        guard let first = points.first, let last = points.last else { return "" }
        let rates = points.compactMap(\.rate)
        var text = "Approved returns \(filter.description), \(first.month.longDisplay) to \(last.month.longDisplay)."
        if let low = rates.min(), let high = rates.max() {
            text += " Delivery rate between \(DeliveryFigures.percent(low)) and \(DeliveryFigures.percent(high)) a month."
        }
        let engaged = points.compactMap(\.engaged)
        if let low = engaged.min(), let high = engaged.max() {
            text += " Young people engaged between \(low.grouped()) and \(high.grouped()) a month."
        }
        return text
    }
}
