import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// Every return owed so far on the contracts a person may read, newest month first: those due,
/// overdue and awaiting review at a glance, with a filter for each.
enum ReturnsList {
    struct Row: Encodable, Sendable {
        let contract: String; let provider: String; let month: String; let due: String
        let status: String; let statusTag: String; let timeliness: String; let href: String
    }
    struct Filter: Encodable, Sendable { let label: String; let href: String; let current: Bool; let count: Int }
    struct Page: Encodable, Sendable {
        let rows: [Row]; let sortHeaders: [TableSort<Owed>.Header]; let pager: Pager.Links; let filters: [Filter]; let empty: String
        var wide = true
        /// Whose returns these are when they are all one provider's (a provider reading its own):
        /// the caption says so once instead of a column repeating it.
        let soleProvider: String?
    }

    enum Show: String, CaseIterable { case all, awaiting, overdue, open }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let show = req.query[String.self, at: "show"].flatMap(Show.init(rawValue:)) ?? .all
        let all = try await rows(context, reading: try req.reading())
        let slug = context.tenant.slug
        let filters = Show.allCases.map { option in
            Filter(label: label(option), href: SiteMap.Tenant.returns.path(slug, query: option == .all ? [] : [("show", option.rawValue)]),
                   current: option == show, count: all.filter { matches($0, option) }.count)
        }
        let providers = Set(all.map(\.row.provider))
        let soleProvider = providers.count == 1 ? providers.first : nil
        let sort = TableSort<Owed>(req, columns: soleProvider == nil ? columns : columns.filter { $0.key != "provider" },
                                   defaultKey: "month", defaultDescending: true)
        let shown = sort.sorted(all.filter { matches($0, show) }), pager = Pager(req)
        let page = Page(rows: pager.rows(shown).map(\.row), sortHeaders: sort.headers(req),
                        pager: pager.links(req, total: shown.count, noun: "returns"), filters: filters,
                        empty: show == .all ? "No returns are owed yet on the contracts you can see." : "None at the moment.",
                        soleProvider: soleProvider)
        return try await PageRenderer.render(req, "returns/list", title: "Monthly returns", page)
    }

    /// Newest month first by default; each column sorts as it reads (months and days by date).
    static let columns: [TableSort<Owed>.Column] = [
        .init(key: "month", label: "Month") { ($0.month, $1.row.contract) < ($1.month, $0.row.contract) },
        .init(key: "contract", label: "Contract") { ($0.row.contract, $1.month) < ($1.row.contract, $0.month) },
        .init(key: "provider", label: "Provider") { $0.row.provider < $1.row.provider },
        .init(key: "due", label: "Due") { $0.due < $1.due },
        .init(key: "status", label: "Status") { $0.row.status < $1.row.status },
        .init(key: "timeliness", label: "Timeliness") { $0.row.timeliness < $1.row.timeliness },
    ]

    struct Owed: Sendable { let row: Row; let contractID: UUID; let month: CalendarMonth; let due: Day; let status: ReturnStatus?; let overdue: Bool }

    static func label(_ show: Show) -> String {
        switch show {
        case .all: "All"
        case .awaiting: "Awaiting review"
        case .overdue: "Overdue"
        case .open: "Queried or returned"
        }
    }

    static func matches(_ owed: Owed, _ show: Show) -> Bool {
        switch show {
        case .all: true
        case .awaiting: owed.status == .submitted
        case .overdue: owed.overdue
        case .open: owed.status == .queried || owed.status == .returned
        }
    }

    /// Each visible contract's months from its start to the reading's month, with the stored
    /// return as it stood on the reading's day (`ReturnsAsOf`): contracts not yet signed owe
    /// nothing, and a return not yet submitted then is owed, or overdue, as it was.
    static func rows(_ context: TenantContext, reading: Reading) async throws -> [Owed] {
        let today = reading.day
        let scope = try await ReturnScope.of(context)
        let contracts = try await ContractQueries.all(context, in: reading).filter { scope.sees($0.record, routes: $0.contract.current.routes.map(\.routeID)) }
        let names = try await ContractQueries.organisationNames(context)
        let deadlines = ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay)
        let thisMonth = CalendarMonth(containing: today)
        let owed = try await OwedReturn.of(contracts, context, in: reading) { $0 <= thisMonth }.map { item -> Owed in
            let timeliness = ReturnTimeliness.of(due: item.due, firstSubmitted: item.firstSubmitted, asOf: today, deadlines: deadlines)
            let status = item.record?.status
            let started = item.record.map { $0.latestVersion > 0 || $0.draft != nil } ?? false
            return Owed(row: Row(
                contract: item.contract.record.reference, provider: names[item.contract.contract.providerOrganisationID] ?? "",
                month: item.month.longDisplay, due: item.due.display,
                status: started ? (status ?? .draft).label : "Not started",
                statusTag: ReturnPage.tag(status ?? .draft, timeliness), timeliness: ReturnPage.describe(timeliness),
                href: SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, item.contract.id.uuidString, item.month.description)),
                contractID: item.contract.id, month: item.month, due: item.due, status: status, overdue: timeliness.isOverdue)
        }
        return owed.sorted { $0.month != $1.month ? $0.month > $1.month : $0.row.contract < $1.row.contract }
    }
}
