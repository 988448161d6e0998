import Fluent
import Vapor
import WaymarkDomain

/// The tenant's transparency pages (DESIGN.md, "the public"): what was commissioned, from whom
/// and for how much. No sign-in. Only published specifications exist here — a draft, or one
/// cancelled before publishing, is "not found" — and nothing of the bids, the scores or the
/// panel is shown, only the award line once decided.
struct PublicSpecificationsController: RouteCollection {
    struct ListPage: Encodable {
        let frame: PublicFrame
        let tenant: Layout.TenantRef
        let transparencyHref: String
        let rows: [SpecificationsController.Row]
        /// The notes standing in for specifications the commissioners withhold.
        let withheld: [String]
    }

    struct DetailPage: Encodable {
        let frame: PublicFrame
        let tenant: Layout.TenantRef
        let transparencyHref: String
        let facts: SpecificationFacts
        let backHref: String
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteMap.Public.specifications.components, use: list)
        routes.get(SiteMap.Public.specification.components, use: detail)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let now = req.now
        let page = try await PublicTenant.read(req) { context in
            ListPage(frame: PublicFrame(req, tenant: context.tenant, day: context.today, page: SiteMap.Public.specifications),
                     tenant: Self.reference(context), transparencyHref: SiteMap.Public.specifications.path(context.tenant.slug),
                     rows: try await SpecificationsController.rows(context, at: now, linkingTo: SiteMap.Public.specification),
                     withheld: try await context.query(SpecificationRecord.self).all()
                        .filter { $0.publishedAt.map { $0 <= now } == true && $0.publicationChoice == .withheld }
                        .compactMap { $0.withheldNote?.trimmed }.filter { !$0.isEmpty })
        }
        return try await PageRenderer.render(req, "public/specifications", title: "Published specifications: \(page.tenant.name)", page, sessionFree: true)
    }

    @Sendable func detail(req: Request) async throws -> Response {
        let now = req.now, id = req.parameters.get("id")
        let page = try await PublicTenant.read(req) { context in
            let found = try await SpecificationQueries.find(context, id: id)
            let list = SiteMap.Public.specifications.path(context.tenant.slug)
            return DetailPage(frame: PublicFrame(req, tenant: context.tenant, day: context.today, page: SiteMap.Public.specification),
                              tenant: Self.reference(context), transparencyHref: list,
                              facts: SpecificationFacts(try await SpecificationDetails.load(context, found.spec), now: now), backHref: list)
        }
        return try await PageRenderer.render(req, "public/specification", title: page.facts.title, page, sessionFree: true)
    }

    private static func reference(_ context: TenantContext) -> Layout.TenantRef {
        Layout.TenantRef(slug: context.tenant.slug, name: context.tenant.name)
    }
}
