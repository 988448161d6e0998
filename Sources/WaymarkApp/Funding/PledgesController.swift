import Fluent
import Vapor
import WaymarkDomain

/// Partners' pledges: the partner's own list and the commissioner's queue (one page,
/// awaiting-decision first), each pledge's page, and the decisions.
struct PledgesController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.pledges, .viewFunding, list)
        routes.get(SiteMap.Tenant.pledgesCSV, .viewFunding, csv)
        routes.get(SiteMap.Tenant.pledgeNew, .makePledges, PledgeForm.show)
        routes.post(SiteMap.Tenant.pledgeNew, .makePledges, PledgeForm.create)
        routes.get(SiteMap.Tenant.pledge, .viewFunding, detail)
        routes.post(SiteMap.Tenant.pledgeWithdraw, .makePledges, PledgeDecisions.withdraw)
        routes.post(SiteMap.Tenant.pledgeConfirm, .decidePledges, PledgeDecisions.confirm)
        routes.post(SiteMap.Tenant.pledgeDecline, .decidePledges, PledgeDecisions.decline)
    }

    struct ListPage: Encodable {
        let awaiting: [PledgeRow]
        let decided: [PledgeRow]
        let awaitingSort: TableSort<PledgeRow>.Headers
        let decidedSort: TableSort<PledgeRow>.Headers
        let awaitingPager: Pager.Links
        let decidedPager: Pager.Links
        let canPledge: Bool
        let canDecide: Bool
        let newHref: String
        let csvHref: String
    }

    static let columns: [TableSort<PledgeRow>.Column] = [
        .init(key: "pledge", label: "Pledge") { $0.programme < $1.programme },
        .init(key: "from", label: "From") { $0.organisation < $1.organisation },
        .init(key: "amount", label: "Amount", numeric: true) { $0.amountPence < $1.amountPence },
        .init(key: "period", label: "Period") { ($0.startDay, $0.endDay) < ($1.startDay, $1.endDay) },
    ]
    static let routesColumn = TableSort<PledgeRow>.Column(key: "routes", label: "Routes") {
        $0.lines.map(\.routeCode).lexicographicallyPrecedes($1.lines.map(\.routeCode))
    }
    static let pledgedColumn = TableSort<PledgeRow>.Column(key: "pledged", label: "Pledged") { $0.pledgedAtISO < $1.pledgedAtISO }
    static let decisionColumn = TableSort<PledgeRow>.Column(key: "decision", label: "Decision") { $0.stateLabel < $1.stateLabel }
    static let decidedColumn = TableSort<PledgeRow>.Column(key: "decided", label: "Decided") { $0.decidedOnISO < $1.decidedOnISO }

    func list(req: Request, context: TenantContext) async throws -> Response {
        let rows = try await PledgeQueries.rows(context, reading: try req.reading())
        let slug = context.tenant.slug
        // Two tables, each sorted on its own (the second's choices are prefixed "decided_").
        let awaitingSort = TableSort<PledgeRow>(req, columns: Self.columns + [Self.routesColumn, Self.pledgedColumn], defaultKey: "pledged")
        let decidedSort = TableSort<PledgeRow>(req, columns: Self.columns + [Self.decisionColumn, Self.decidedColumn],
                                               defaultKey: "decided", defaultDescending: true, prefix: "decided_")
        let awaiting = awaitingSort.sorted(rows.filter(\.awaitingDecision)), decided = decidedSort.sorted(rows.filter { !$0.awaitingDecision })
        let awaitingPager = Pager(req), decidedPager = Pager(req, prefix: "decided_")
        let page = ListPage(awaiting: awaitingPager.rows(awaiting), decided: decidedPager.rows(decided),
                            awaitingSort: .init(sortHeaders: awaitingSort.headers(req)), decidedSort: .init(sortHeaders: decidedSort.headers(req)),
                            awaitingPager: awaitingPager.links(req, total: awaiting.count, noun: "pledges awaiting a decision"),
                            decidedPager: decidedPager.links(req, total: decided.count, noun: "decided pledges"),
                            canPledge: context.can(.makePledges), canDecide: context.can(.decidePledges),
                            newHref: SiteMap.Tenant.pledgeNew.path(slug), csvHref: SiteMap.Tenant.pledgesCSV.path(slug))
        return try await PageRenderer.render(req, "funding/pledges", title: "Pledges", page)
    }

    func csv(req: Request, context: TenantContext) async throws -> Response {
        let rows = try await PledgeQueries.rows(context, reading: try req.reading())
        return CSVResponse.stream(
            headers: ["pledge_id", "organisation", "programme", "amount", "start_day", "end_day", "state", "routes",
                      "pledged_by", "pledged_on", "decided_by", "decided_on", "decision_reason", "note"],
            rows: rows.map { row in
                [row.id, row.organisation, row.programme, row.amountDecimal, row.startDay, row.endDay, row.state,
                 row.lines.map { "\($0.routeCode) \($0.amountDecimal)" }.joined(separator: "; "),
                 row.pledgedBy, row.pledgedOn, row.decidedBy, row.decidedOn, row.decisionReason, row.note]
            }, filename: "\(context.tenant.slug)-pledges.csv")
    }

    func detail(req: Request, context: TenantContext) async throws -> Response {
        let pledge = try await PledgeQueries.find(context, id: req.parameters.get("id"))
        return try await PledgeDecisions.render(req, context, pledge, errors: [], reading: try req.reading())
    }
}
