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
        let providers = Set(all.map(\.provider))
        let soleProvider = providers.count == 1 ? providers.first : nil
        let sort = TableSort<Owed>(req, columns: soleProvider == nil ? columns : columns.filter { $0.key != "provider" },
                                   defaultKey: "month", defaultDescending: true)
        let shown = sort.sorted(all.filter { matches($0, show) }), pager = Pager(req)
        let page = Page(rows: pager.rows(shown).map { $0.row(slug) }, sortHeaders: sort.headers(req),
                        pager: pager.links(req, total: shown.count, noun: "returns"), filters: filters,
                        empty: show == .all ? "No returns are owed yet on the contracts you can see." : "None at the moment.",
                        soleProvider: soleProvider)
        return try await PageRenderer.render(req, "returns/list", title: "Monthly returns", page)
    }

    /// Newest month first by default; each column sorts as it reads (months and days by date).
    static let columns: [TableSort<Owed>.Column] = [
        .init(key: "month", label: "Month") { ($0.month, $1.contract) < ($1.month, $0.contract) },
        .init(key: "contract", label: "Contract") { ($0.contract, $1.month) < ($1.contract, $0.month) },
        .init(key: "provider", label: "Provider") { $0.provider < $1.provider },
        .init(key: "due", label: "Due") { $0.due < $1.due },
        .init(key: "status", label: "Status") { $0.statusLabel < $1.statusLabel },
        .init(key: "timeliness", label: "Timeliness") { $0.timeliness < $1.timeliness },
    ]

    /// A return owed, with what it is sorted, filtered and counted by. Its row's links and
    /// display text are made only for the rows a page shows (`row`).
    struct Owed: Sendable {
        let contractID: UUID
        /// The contract's reference.
        let contract: String
        let provider: String
        let month: CalendarMonth
        let due: Day
        let status: ReturnStatus?
        let statusLabel: String
        /// "Overdue by 3 days", "Submitted on time".
        let timeliness: String
        let overdue: Bool
        let statusTag: String

        func row(_ slug: String) -> Row {
            Row(contract: contract, provider: provider, month: month.longDisplay, due: due.display, status: statusLabel,
                statusTag: statusTag, timeliness: timeliness,
                href: SiteMap.Tenant.monthlyReturn.path(slug, contractID.uuidString, month.description))
        }
    }

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
            return Owed(contractID: item.contract.id, contract: item.contract.record.reference,
                        provider: names[item.contract.contract.providerOrganisationID] ?? "", month: item.month, due: item.due,
                        status: status, statusLabel: item.record?.isStarted == true ? (status ?? .draft).label : "Not started",
                        timeliness: ReturnPage.describe(timeliness), overdue: timeliness.isOverdue,
                        statusTag: ReturnPage.tag(status ?? .draft, timeliness))
        }
        return owed.sorted { $0.month != $1.month ? $0.month > $1.month : $0.contract < $1.contract }
    }
}
