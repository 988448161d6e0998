import Fluent
import Vapor
import WaymarkDomain

/// The commissioning API: specifications as the pages show them (commissioners see drafts too,
/// everyone else what is published), and the bids behind the same seal as the pages — whole, or
/// refused with the reason.
struct SpecificationAPIController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.API.specifications, .viewSpecifications, list)
        routes.get(SiteMap.API.specification, .viewSpecifications, read)
        routes.get(SiteMap.API.specificationBids, .readBids, bids)
    }

    @Sendable func list(req: Request, context: TenantContext) async throws -> Response {
        let slug = context.tenant.slug, now = try req.reading().moment(now: req.now)
        let routes = try await SpecificationQueries.routes(context)
        let awards = try await PublishedAward.bySpecification(context)
        let summaries = try await SpecificationQueries.list(context, at: now).map {
            SpecificationAPIBodies.Summary($0.spec, published: $0.record.timeline.published.map { $0 <= now } == true, slug: slug, now: now,
                                           routes: routes, award: awards[$0.spec.id].flatMap { $0.decidedAt <= now ? $0 : nil })
        }
        return try APIJSON.response(SpecificationAPIBodies.SpecificationList(tenant: slug, specifications: summaries))
    }

    @Sendable func read(req: Request, context: TenantContext) async throws -> Response {
        let now = try req.reading().moment(now: req.now)
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"), at: now)
        let details = try await SpecificationDetails.load(context, found.spec, at: now)
        return try APIJSON.response(SpecificationAPIBodies.Detail(details, published: found.record.timeline.published.map { $0 <= now } == true,
                                                                  slug: context.tenant.slug, now: now))
    }

    /// Every counted bid, or 403 with the seal's reason: before the deadline, or for an assessor
    /// not on the panel, with declarations outstanding or with a conflict, nothing is listed.
    @Sendable func bids(req: Request, context: TenantContext) async throws -> Response {
        let state = try await EvaluationState.load(req, context)
        if let refusal = state.refusalForEveryBid { throw WaymarkError.forbiddenBecause(refusal) }
        let codes = try await SpecificationQueries.routeNames(context)
        var lines: [SpecificationAPIBodies.BidLine] = []
        for loaded in state.countedBids {
            guard let counted = loaded.bid.counted(closesAt: state.spec.closesAt),
                  case .allowed(let ground) = state.access(to: loaded.bid) else { continue }
            // Who opened a bid, and on what ground, is on the record, as for the page.
            try await context.audit("bid.read", "bid", loaded.bid.id.uuidString, after: ["ground": "\(ground)", "through": "api"])
            lines.append(.init(loaded.bid, counted: counted, bidder: state.name(of: loaded.bid), spec: state.spec, codes: codes))
        }
        return try APIJSON.response(SpecificationAPIBodies.BidList(specificationId: state.spec.id.uuidString.lowercased(),
                                                                   closes: .init(state.spec), bids: lines))
    }
}

/// The calls for bids open now, for providers deciding whether to bid: public, no sign-in, the
/// tenant's published specifications whose deadline has not passed.
struct PublishedCallsAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteMap.API.publishedCalls.components, use: calls)
    }

    @Sendable func calls(req: Request) async throws -> Response {
        let now = req.now
        let body = try await PublicTenant.read(req) { context in
            let routes = try await SpecificationQueries.routes(context)
            // Soonest closing first: the order a provider has to decide in.
            let open = try await SpecificationQueries.list(context, at: now).filter { $0.spec.status(at: now) == .published }
                .sorted { $0.spec.closesAt < $1.spec.closesAt }
            return SpecificationAPIBodies.CallList(tenant: context.tenant.slug, calls: open.map {
                .init($0.spec, published: true, slug: context.tenant.slug, now: now, routes: routes, award: nil)
            })
        }
        return try APIJSON.response(body)
    }
}
