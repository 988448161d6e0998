import Fluent
import Vapor
import WaymarkDomain

/// Bids as the evaluation reads them — the list and one bid — behind the seal, and the routes
/// of the provider's own bid.
struct BidsController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.ownBid, .bidForWork, BidForm.show)
        routes.post(SiteMap.Tenant.ownBid, .bidForWork, BidForm.save)
        routes.post(SiteMap.Tenant.ownBidWithdraw, .bidForWork, BidForm.withdraw)
        routes.get(SiteMap.Tenant.bids, .readBids, list)
        routes.get(SiteMap.Tenant.bid, .readBids, detail)
    }

    struct Row: Encodable {
        let provider: String
        let href: String?
        let submitted: String
        let price: String?
        let standing: String
        let scoreHref: String?
        let moderateHref: String?
    }

    struct ListPage: Encodable {
        let specTitle: String
        let specHref: String
        let sealed: String?
        let notice: String?
        let rows: [Row]
        let declareHref: String?
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        let state = try await EvaluationState.load(req, context)
        let slug = context.tenant.slug, id = state.spec.id.uuidString
        // Assessors see this page only for a panel they sit on; to anyone else it does not exist.
        if !context.can(.runEvaluations), !state.isOnPanel { throw WaymarkError.notFound }
        var sealed: String? = nil
        var rows: [Row] = []
        if state.spec.bidWindow.isOpen(at: state.now) {
            sealed = "Bids are sealed until the deadline, \(state.spec.closing.display) (UK time). Nobody but each bidder can read them, or see who has bid, until then."
        } else {
            for loaded in state.countedBids {
                let bid = loaded.bid
                let counted = bid.counted(closesAt: state.spec.closesAt)
                let decision = state.access(to: bid)
                let scoring = context.can(.scoreBids) && decision.isAllowed && state.status == .inEvaluation && state.isPresent
                rows.append(Row(
                    provider: state.name(of: bid),
                    href: decision.isAllowed ? SiteMap.Tenant.bid.path(slug, id, bid.id.uuidString) : nil,
                    submitted: counted.map { "Version \($0.number), \($0.submittedAt.londonDisplay)" } ?? "",
                    price: decision.isAllowed ? counted?.content.price.total.display : nil,
                    standing: decision.refusalText ?? "You can read this bid",
                    scoreHref: scoring ? SiteMap.Tenant.bidScore.path(slug, id, bid.id.uuidString) : nil,
                    moderateHref: context.can(.runEvaluations) && state.status == .inEvaluation && state.isPresent
                        ? SiteMap.Tenant.bidModeration.path(slug, id, bid.id.uuidString) : nil))
            }
        }
        let withdrawn = state.bids.count - state.countedBids.count
        let notice = sealed == nil && withdrawn > 0 && context.can(.runEvaluations)
            ? "\(withdrawn) \(withdrawn == 1 ? "bid was" : "bids were") withdrawn before the deadline and \(withdrawn == 1 ? "is" : "are") not evaluated." : nil
        let page = ListPage(specTitle: state.spec.title, specHref: SiteMap.Tenant.specification.path(slug, id), sealed: sealed,
                            notice: notice, rows: rows,
                            declareHref: state.isOnPanel && sealed == nil ? SiteMap.Tenant.declarations.path(slug, id) : nil)
        return try await PageRenderer.render(req, "commissioning/bids", title: "Bids: \(state.spec.title)", page)
    }

    struct DetailPage: Encodable {
        let specTitle: String
        let specHref: String
        let bidsHref: String
        let provider: String
        let submitted: BidContentView
        let versions: [BidVersionLine]
        let scoreHref: String?
        let moderateHref: String?
    }

    func detail(req: Request, context: TenantContext) async throws -> Response {
        let state = try await EvaluationState.load(req, context)
        let loaded = try state.bid(req.parameters.get("bid"))
        let decision = state.access(to: loaded.bid)
        if let refusal = decision.refusalText { throw WaymarkError.forbiddenBecause(refusal) }
        guard let counted = loaded.bid.counted(closesAt: state.spec.closesAt) ?? loaded.bid.latest else { throw WaymarkError.notFound }
        let slug = context.tenant.slug, id = state.spec.id.uuidString, bidID = loaded.bid.id.uuidString
        let codes = try await SpecificationQueries.routeNames(context)
        // Who opened a bid, and on what ground, is on the record.
        if case .allowed(let ground) = decision { try await context.audit("bid.read", "bid", bidID, after: ["ground": "\(ground)"]) }
        let page = DetailPage(
            specTitle: state.spec.title, specHref: SiteMap.Tenant.specification.path(slug, id), bidsHref: SiteMap.Tenant.bids.path(slug, id),
            provider: state.name(of: loaded.bid), submitted: BidContentView(counted.content, spec: state.spec, codes: codes),
            versions: BidVersionLine.lines(loaded.bid, closesAt: state.spec.closesAt),
            scoreHref: context.can(.scoreBids) && state.status == .inEvaluation && state.isPresent ? SiteMap.Tenant.bidScore.path(slug, id, bidID) : nil,
            moderateHref: context.can(.runEvaluations) && state.status == .inEvaluation && state.isPresent ? SiteMap.Tenant.bidModeration.path(slug, id, bidID) : nil)
        return try await PageRenderer.render(req, "commissioning/bid", title: "\(page.provider)'s bid", page)
    }
}
