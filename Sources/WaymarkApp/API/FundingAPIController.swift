import Fluent
import Vapor
import WaymarkDomain

/// The funding API: coverage by month, sources, allocations, pledges and the caller's
/// alerts — each the same data, and the same visibility, as the pages.
struct FundingAPIController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.API.coverage, .viewFunding, coverage)
        routes.get(SiteMap.API.fundingSources, .viewFunding, sources)
        routes.get(SiteMap.API.fundingSource, .viewFunding, source)
        routes.get(SiteMap.API.allocations, .viewFunding, allocations)
        routes.get(SiteMap.API.pledges, .viewFunding, pledges)
        routes.get(SiteMap.API.alerts, .readInbox, alerts)
    }

    func coverage(req: Request, context: TenantContext) async throws -> Response {
        let asOf = try req.asOfDay()
        let from = try day(req, "from") ?? Day(asOf.year, asOf.month, 1)
        let to = try day(req, "to") ?? from.adding(months: 12).adding(days: -1)
        guard from <= to else { throw WaymarkError.unprocessable("to (\(to.iso)) must be on or after from (\(from.iso))") }
        guard to.daysSinceEpoch - from.daysSinceEpoch <= 3_700 else { throw WaymarkError.unprocessable("from and to may be at most ten years apart") }
        let data = try await DashboardData.load(context, asOf: asOf)
        let routes = data.routesByUrgency.sorted { $0.route.code < $1.route.code }.compactMap { route, report -> FundingAPIBodies.RouteMonths? in
            guard let coverage = data.snapshot.results[route.id!]?.coverage else { return nil }
            return .init(code: route.code, name: route.name, fundingStatus: report.status.rawValue,
                         months: coverage.monthly(from: from, through: to).map(FundingAPIBodies.Month.init))
        }
        return try APIJSON.response(FundingAPIBodies.Coverage(tenant: context.tenant.slug, asOf: asOf.iso, from: from.iso, to: to.iso,
                                                              routes: routes))
    }

    func sources(req: Request, context: TenantContext) async throws -> Response {
        let asOf = try req.asOfDay()
        let rows = try await FundingSourcesController.rows(context, asOf: asOf)
        return try APIJSON.response(FundingAPIBodies.SourceList(
            tenant: context.tenant.slug, asOf: asOf.iso,
            sources: rows.map { FundingAPIBodies.Source($0, url: SiteMap.API.fundingSource.path(context.tenant.slug, $0.id.lowercased())) }))
    }

    func source(req: Request, context: TenantContext) async throws -> Response {
        let record = try await FundingQueries.source(context, id: req.parameters.get("id"))
        let asOf = try req.asOfDay()
        let positions = try await SourcePositions.load(context, asOf: asOf)
        let slug = context.tenant.slug
        let row = FundingSourcesController.rows([record], positions: positions, names: try await FundingQueries.funderNames(context), slug: slug)[0]
        let lines = try await FundingSourceDetail.allocationLines(context, record, positions: positions).filter(\.visible)
        return try APIJSON.response(FundingAPIBodies.SourceDetail(
            asOf: asOf.iso, source: .init(row, url: SiteMap.API.fundingSource.path(slug, row.id.lowercased())),
            allocations: lines.map(FundingAPIBodies.AllocationLine.init)))
    }

    /// One query for the allocations and one coverage run, whatever the number of sources.
    func allocations(req: Request, context: TenantContext) async throws -> Response {
        let asOf = try req.asOfDay()
        let positions = try await SourcePositions.load(context, asOf: asOf)
        let sourceIDs = try await FundingQueries.visibleSources(context).compactMap(\.id)
        var query = context.query(AllocationRecord.self).filter(\.$sourceID ~~ sourceIDs)
        if let code = req.query[String.self, at: "route"] {
            query = query.filter(\.$routeID ~~ positions.routes.values.filter { $0.code == code }.compactMap(\.id))
        }
        let lines = FundingSourceDetail.allocationLines(try await query.all(), visible: try await FundingSourceDetail.visibleRouteIDs(context),
                                                        positions: positions)
        return try APIJSON.response(FundingAPIBodies.AllocationList(
            tenant: context.tenant.slug, asOf: asOf.iso, allocations: lines.filter(\.visible).map(FundingAPIBodies.AllocationLine.init)))
    }

    func pledges(req: Request, context: TenantContext) async throws -> Response {
        let rows = try await PledgeQueries.rows(context, reading: try req.reading())
        return try APIJSON.response(FundingAPIBodies.PledgeList(tenant: context.tenant.slug, pledges: rows.map(FundingAPIBodies.Pledge.init)))
    }

    /// The caller's alerts, newest first, `alertsPerPage` at a time: `page` (from 1) picks one,
    /// `total` and `pages` say how many there are, and `next` is the next page's address, kept
    /// to the same day, until the last. A page past the end is empty.
    func alerts(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading()
        let asked = reading.day >= context.today ? nil : reading
        let raw = req.query[String.self, at: "page"]
        guard let page = raw.map({ Int($0) }) ?? 1, page >= 1, page <= Pager.lastPossiblePage else {
            throw WaymarkError.badRequest("page must be a whole number from 1; '\(raw ?? "")' is not")
        }
        let size = FundingAPIBodies.alertsPerPage
        let total = try await InboxController.raised(context, by: asked).query.count()
        let lines = try await InboxController.lines(context, reading: asked, range: (page - 1) * size ..< page * size)
        let pages = (total + size - 1) / size
        let kept = [("as_of", req.query[String.self, at: "as_of"]), ("as_recorded", req.query[String.self, at: "as_recorded"])]
            .compactMap { name, value in value.flatMap { $0.isEmpty ? nil : (name, $0) } }
        let next = page < pages ? SiteMap.API.alerts.path(context.tenant.slug, query: kept + [("page", String(page + 1))]) : nil
        return try APIJSON.response(FundingAPIBodies.AlertList(tenant: context.tenant.slug, total: total, page: page, pages: pages, next: next,
                                                               alerts: lines.map(FundingAPIBodies.Alert.init)))
    }

    /// A `YYYY-MM-DD` query parameter, or a 400 naming it.
    private func day(_ req: Request, _ name: String) throws -> Day? {
        guard let raw = req.query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let day = Day(entered: raw) else { throw WaymarkError.badRequest("\(name) must be a date from 1900 to 2199 written as YYYY-MM-DD; '\(raw)' is not") }
        return day
    }
}
