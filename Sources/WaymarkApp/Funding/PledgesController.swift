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
        let canPledge: Bool
        let canDecide: Bool
        let newHref: String
        let csvHref: String
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        let rows = try await PledgeQueries.rows(context, reading: try req.reading())
        let slug = context.tenant.slug
        let page = ListPage(awaiting: rows.filter(\.awaitingDecision), decided: rows.filter { !$0.awaitingDecision },
                            canPledge: context.can(.makePledges), canDecide: context.can(.decidePledges),
                            newHref: SiteMap.Tenant.pledgeNew.path(slug), csvHref: SiteMap.Tenant.pledgesCSV.path(slug))
        return try await PageRenderer.render(req, "funding/pledges", title: "Pledges", page)
    }

    func csv(req: Request, context: TenantContext) async throws -> Response {
        let rows = try await PledgeQueries.rows(context, reading: try req.reading())
        let data = TabularWriter.csv(
            headers: ["pledge_id", "organisation", "programme", "amount", "start_day", "end_day", "state", "routes",
                      "pledged_by", "pledged_on", "decided_by", "decided_on", "decision_reason", "note"],
            rows: rows.map { row in
                [row.id, row.organisation, row.programme, row.amountDecimal, row.startDay, row.endDay, row.state,
                 row.lines.map { "\($0.routeCode) \($0.amountDecimal)" }.joined(separator: "; "),
                 row.pledgedBy, row.pledgedOn, row.decidedBy, row.decidedOn, row.decisionReason, row.note]
            })
        return CSVResponse.make(data, filename: "\(context.tenant.slug)-pledges.csv")
    }

    func detail(req: Request, context: TenantContext) async throws -> Response {
        let pledge = try await PledgeQueries.find(context, id: req.parameters.get("id"))
        return try await PledgeDecisions.render(req, context, pledge, errors: [], reading: try req.reading())
    }
}
