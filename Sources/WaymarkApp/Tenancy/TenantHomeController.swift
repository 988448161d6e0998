import Fluent
import Vapor
import WaymarkDomain

struct TenantHomeController: Sendable {
    struct Page: Encodable {
        struct Card: Encodable { let label: String; let value: String; let href: String? }
        struct RoleLine: Encodable { let organisation: String; let role: String; let summary: String }
        let cards: [Card]
        let roles: [RoleLine]
        let routesHref: String
        let tokensHref: String
        /// The commissioner's set-up checklist while anything is missing; nil otherwise.
        let checklist: [ChecklistLine]?
    }

    struct ChecklistLine: Encodable { let title: String; let done: Bool; let detail: String; let href: String; let action: String }

    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.home, .viewRoutes, home)
    }

    func home(req: Request, context: TenantContext) async throws -> Response {
        let slug = context.tenant.slug
        let routes = try await RouteQueries.visibleRoutes(context)
        // As of the day asked about: a route closed since still ran then.
        let day = try req.reading().day
        let active = routes.filter { $0.isActive(asOf: day) }
        let children = active.reduce(0) { $0 + $1.childrenPerDay }
        var cards: [Page.Card] = [
            .init(label: "Routes", value: "\(routes.count)", href: SiteMap.Tenant.routes.path(slug)),
            .init(label: "Active routes", value: "\(active.count)", href: SiteMap.Tenant.routes.path(slug, query: [("status", "active")])),
            .init(label: "Children on active routes each day", value: children.grouped(), href: nil),
        ]
        if context.can(.viewOrganisations) {
            let organisations = try await context.query(Organisation.self).count()
            cards.append(.init(label: "Organisations", value: "\(organisations)", href: SiteMap.Tenant.organisations.path(slug)))
        }
        let organisationNames = Dictionary(uniqueKeysWithValues: context.organisations.map { ($0.id!, $0.name) })
        let roles = context.memberships.compactMap { membership -> Page.RoleLine? in
            guard let role = Role(rawValue: membership.role) else { return nil }
            return .init(organisation: organisationNames[membership.organisationID] ?? "", role: role.label, summary: role.summary)
        }
        return try await PageRenderer.render(req, "tenant/home", title: context.tenant.name, Page(
            cards: cards, roles: roles, routesHref: SiteMap.Tenant.routes.path(slug),
            tokensHref: SiteMap.Tenant.tokens.path(slug), checklist: try await checklist(req, context)))
    }

    /// Shown to those who set the partnership up, until nothing is missing.
    private func checklist(_ req: Request, _ context: TenantContext) async throws -> [ChecklistLine]? {
        guard context.can(.importData) else { return nil }
        let facts = try await SetUpFacts.load(context, today: context.today)
        guard !SetUpChecklist.isComplete(facts) else { return nil }
        let slug = context.tenant.slug
        return SetUpChecklist.lines(facts).map { line in
            let (href, action): (String, String) = switch line.item {
            case .localAuthorities: (SiteMap.Tenant.localAuthorityAdd.path(slug), "Add a local authority")
            case .calendars: (SiteMap.Tenant.importKind.path(slug, ImportKind.calendars.rawValue), "Import term dates")
            case .routes: (SiteMap.Tenant.importKind.path(slug, ImportKind.routes.rawValue), "Import routes")
            case .funding: (SiteMap.Tenant.fundingSources.path(slug), "Record funding")
            case .contracts: (SiteMap.Tenant.contractNew.path(slug), "Record an existing contract")
            case .people: (SiteMap.Tenant.people.path(slug), "Invite people")
            }
            return ChecklistLine(title: line.item.title, done: line.done, detail: line.detail, href: href, action: action)
        }
    }
}

extension Int {
    /// 1,234 — grouped the British way whatever the server's locale.
    func grouped() -> String {
        let digits = String(abs(self))
        var out = ""
        for (index, char) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return (self < 0 ? "-" : "") + String(out.reversed())
    }
}
