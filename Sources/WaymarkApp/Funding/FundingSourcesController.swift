import Fluent
import Vapor
import WaymarkDomain

/// The tenant's funding sources: the list with each source's position, and the CSV.
struct FundingSourcesController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.fundingSources, .viewFunding, list)
        routes.get(SiteMap.Tenant.fundingSourcesCSV, .viewFunding, csv)
        routes.get(SiteMap.Tenant.fundingSourceNew, .editFunding, FundingSourceForm.showNew)
        routes.post(SiteMap.Tenant.fundingSourceNew, .editFunding, FundingSourceForm.create)
        routes.get(SiteMap.Tenant.fundingSource, .viewFunding, FundingSourceDetail.show)
        routes.get(SiteMap.Tenant.fundingSourceRoutesCSV, .viewFunding, FundingSourceDetail.csv)
        routes.get(SiteMap.Tenant.fundingSourceEdit, .editFunding, FundingSourceForm.showEdit)
        routes.post(SiteMap.Tenant.fundingSourceEdit, .editFunding, FundingSourceForm.update)
        routes.post(SiteMap.Tenant.fundingSourceStatus, .editFunding, FundingStatusChanging.change)
        routes.get(SiteMap.Tenant.allocationNew, .editFunding, AllocationForm.showNew)
        routes.post(SiteMap.Tenant.allocationNew, .editFunding, AllocationForm.create)
        routes.get(SiteMap.Tenant.allocationEdit, .editFunding, AllocationForm.showEdit)
        routes.post(SiteMap.Tenant.allocationEdit, .editFunding, AllocationForm.update)
        routes.post(SiteMap.Tenant.allocationRemove, .editFunding, AllocationForm.remove)
    }

    struct Row: Encodable, Sendable {
        let id: String
        let href: String
        let funder: String
        let programme: String
        let kind: String
        let status: String
        let statusLabel: String
        let statusTag: String
        let period: String
        let startDay: String
        let endDay: String
        let amount: Money
        let allocated: Money
        let drawnToDate: Money
        let remaining: Money
        let lapsed: Money
        let willLapse: Money
        let known: Bool
        let renewable: Bool
        let reference: String
    }

    struct ListPage: Encodable {
        struct Line: Encodable {
            let href: String; let funder: String; let programme: String; let statusLabel: String; let statusTag: String
            let period: String; let amount: String; let allocated: String; let drawnToDate: String; let remaining: String
            let lapsing: String; let known: Bool
        }
        let lines: [Line]
        let totals: [String: String]
        let sortHeaders: [TableSort<Row>.Header]
        let pager: Pager.Links
        let canEdit: Bool
        let newHref: String
        let csvHref: String
        let asOf: String
        let asOfISO: String
        /// The layout's wider container: eight columns of figures.
        let wide = true
    }

    /// Each visible source that existed on the day (its first status had taken effect: see
    /// `Reading`), with its position then.
    static func rows(_ context: TenantContext, asOf: Day) async throws -> [Row] {
        let positions = try await SourcePositions.load(context, asOf: asOf)
        let existing = try await FundingQueries.visibleSources(context).filter { positions.status(of: $0.id!) != nil }
        return rows(existing, positions: positions, names: try await FundingQueries.funderNames(context), slug: context.tenant.slug)
    }

    static func rows(_ records: [FundingSourceRecord], positions: SourcePositions, names: [UUID: String], slug: String) -> [Row] {
        records.map { record in
            let position = positions.position(of: record.id!)
            let status = positions.status(of: record.id!)
            return Row(id: record.id!.uuidString, href: SiteMap.Tenant.fundingSource.path(slug, record.id!.uuidString),
                       funder: names[record.funderOrganisationID] ?? "", programme: record.programme,
                       kind: record.sourceKind.displayName, status: status?.rawValue ?? "",
                       statusLabel: status?.displayName ?? "Not yet recorded", statusTag: FundingDisplay.tag(status),
                       period: record.period.display, startDay: record.startDay, endDay: record.endDay, amount: record.amount,
                       allocated: position?.allocated ?? .zero, drawnToDate: position?.drawnToDate ?? .zero,
                       remaining: position?.remaining ?? .zero, lapsed: position?.lapsed ?? .zero,
                       willLapse: position?.willLapse ?? .zero, known: position != nil, renewable: record.renewable,
                       reference: record.reference)
        }
    }

    /// The list's columns, as its head row shows them; a source not known on the day sorts as nothing.
    static let columns: [TableSort<Row>.Column] = [
        .init(key: "source", label: "Source") { ($0.programme, $0.funder) < ($1.programme, $1.funder) },
        .init(key: "status", label: "Status") { $0.statusLabel < $1.statusLabel },
        .init(key: "period", label: "Period") { ($0.startDay, $0.endDay) < ($1.startDay, $1.endDay) },
        .init(key: "amount", label: "Amount", numeric: true) { $0.amount < $1.amount },
        .init(key: "allocated", label: "Allocated", numeric: true) { $0.allocated < $1.allocated },
        .init(key: "drawn", label: "Drawn to date", numeric: true) { $0.drawnToDate < $1.drawnToDate },
        .init(key: "remaining", label: "Remaining", numeric: true) { $0.remaining < $1.remaining },
        .init(key: "lapsing", label: "Lapsed or lapsing", numeric: true) { $0.lapsed + $0.willLapse < $1.lapsed + $1.willLapse },
    ]

    func list(req: Request, context: TenantContext) async throws -> Response {
        let asOf = try req.asOfDay()
        let sort = TableSort<Row>(req, columns: Self.columns, defaultKey: "source")
        let rows = sort.sorted(try await Self.rows(context, asOf: asOf))
        let slug = context.tenant.slug
        let known = rows.filter(\.known)
        func total(_ keyPath: KeyPath<Row, Money>) -> String { (Money.sum(known.map { $0[keyPath: keyPath] }) ?? .zero).display }
        let pager = Pager(req)
        // The totals are the whole list's; the lines are this page's.
        let page = ListPage(
            lines: pager.rows(rows).map { row in
                .init(href: row.href, funder: row.funder, programme: row.programme, statusLabel: row.statusLabel, statusTag: row.statusTag,
                      period: row.period, amount: row.amount.display, allocated: row.allocated.display,
                      drawnToDate: row.drawnToDate.display, remaining: row.remaining.display,
                      lapsing: (row.lapsed + row.willLapse).display, known: row.known)
            },
            totals: ["amount": total(\.amount), "allocated": total(\.allocated), "drawnToDate": total(\.drawnToDate),
                     "remaining": total(\.remaining), "lapsed": total(\.lapsed), "willLapse": total(\.willLapse)],
            sortHeaders: sort.headers(req), pager: pager.links(req, total: rows.count, noun: "funding sources"),
            canEdit: context.can(.editFunding), newHref: SiteMap.Tenant.fundingSourceNew.path(slug),
            csvHref: SiteMap.Tenant.fundingSourcesCSV.path(slug), asOf: asOf.display, asOfISO: asOf.iso)
        return try await PageRenderer.render(req, "funding/sources", title: "Funding sources", page)
    }

    func csv(req: Request, context: TenantContext) async throws -> Response {
        let asOf = try req.asOfDay()
        let rows = try await Self.rows(context, asOf: asOf)
        return CSVResponse.stream(
            headers: ["source_id", "funder", "programme", "kind", "as_of", "status", "start_day", "end_day", "amount", "allocated",
                      "drawn_to_date", "remaining", "lapsed", "will_lapse", "renewable", "reference"],
            rows: rows.map { row in
                [row.id, row.funder, row.programme, row.kind, asOf.iso, row.status, row.startDay, row.endDay,
                 row.amount.decimalString, row.allocated.decimalString, row.drawnToDate.decimalString, row.remaining.decimalString,
                 row.lapsed.decimalString, row.willLapse.decimalString, row.renewable ? "yes" : "no", row.reference]
            }, filename: "\(context.tenant.slug)-funding-sources.csv")
    }
}
