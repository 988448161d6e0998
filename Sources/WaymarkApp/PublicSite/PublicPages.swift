import Foundation
import Vapor
import WaymarkDomain

/// The public site's overview, contracts and routes pages.
enum PublicPages {
    struct ContractRow: Encodable, Sendable {
        let reference: String; let title: String; let href: String; let provider: String; let letting: String
        let value: String; let period: String; let authorities: String; let routes: Int
    }

    static func contractRows(_ data: PublicSiteData) -> [ContractRow] {
        data.contracts.sorted { ($0.terms.start, $0.record.reference) > ($1.terms.start, $1.record.reference) }
            .map { contractRow($0, slug: data.tenant.slug) }
    }

    static func contractRow(_ item: PublicSiteData.PublicContract, slug: String) -> ContractRow {
        ContractRow(reference: item.record.reference, title: item.record.title,
                    href: SiteMap.Public.contract.path(slug, item.loaded.id.uuidString),
                    provider: item.provider?.name ?? "", letting: item.record.letting?.label ?? "Not recorded",
                    value: item.terms.value.display, period: "\(item.terms.start.display) to \(item.terms.end.display)",
                    authorities: item.authorities.map(\.name).joined(separator: ", "), routes: item.routes.count + item.withheldRoutes)
    }

    struct Figure: Encodable, Sendable {
        let label: String; let value: String; let detail: String; let href: String
        /// Sums of money are long: they take a smaller size so they fit a phone's card.
        var long: Bool { value.count > 8 }
    }

    struct MoreLink: Encodable, Sendable { let label: String; let href: String; let text: String }

    struct HomePage: Encodable, Sendable {
        let frame: PublicFrame
        let figures: [Figure]
        let more: [MoreLink]
    }

    /// What each section of the site holds, in words, for the overview.
    static let sectionTexts = [
        "Contracts": "each contract, however it was let, with its provider, value, period, routes and changes.",
        "Routes": "which routes run, by local authority, with the children each walks.",
        "Money": "funding received, money committed and paid by provider, quarter and local authority, and each larger payment.",
        "Specifications": "what providers were invited to bid for, the questions asked and the awards.",
        "Open data": "the same facts as files to download, with their licence.",
    ]

    @Sendable static func home(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let slug = data.tenant.slug
        let inForce = data.contracts.filter { $0.terms.isRunning(on: data.day) }
        let paid = PublicMoney(data).paidToDate
        let figures = [
            Figure(label: "Routes running", value: data.routes.count.grouped(),
                   detail: "\(data.routes.reduce(0) { $0 + $1.route.childrenPerDay }.grouped()) children walked each school day",
                   href: SiteMap.Public.routes.path(slug)),
            Figure(label: "Contracts in force", value: inForce.count.grouped(),
                   detail: "worth \(inForce.reduce(Money.zero) { $0 + $1.terms.value }.display) in all", href: SiteMap.Public.contracts.path(slug)),
            Figure(label: "Paid to providers", value: paid.display, detail: "on the published contracts, to \(data.day.display)",
                   href: SiteMap.Public.money.path(slug)),
        ]
        let frame = PublicFrame(req, tenant: data.tenant, day: data.day, page: SiteMap.Public.home)
        return try await PageRenderer.render(req, "public/home", title: data.tenant.name,
                                             HomePage(frame: frame, figures: figures, more: frame.sections.dropFirst().map {
                                                 MoreLink(label: $0.label, href: $0.href, text: sectionTexts[$0.label] ?? "") }),
                                             sessionFree: true)
    }

    struct ContractsPage: Encodable, Sendable {
        let frame: PublicFrame
        let rows: [ContractRow]
        let withheld: [String]
        let csvHref: String
    }

    @Sendable static func contracts(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let page = ContractsPage(frame: PublicFrame(req, tenant: data.tenant, day: data.day, page: SiteMap.Public.contracts),
                                 rows: contractRows(data), withheld: data.withheldContractNotes,
                                 csvHref: SiteMap.Public.contractsCSV.path(data.tenant.slug))
        return try await PageRenderer.render(req, "public/contracts", title: "Contracts: \(data.tenant.name)", page, sessionFree: true)
    }

    struct RouteLine: Encodable, Sendable { let code: String; let name: String; let authority: String; let children: Int; let value: String }
    struct ChangeLine: Encodable, Sendable { let kind: String; let effective: String; let change: String }
    struct PaymentLine: Encodable, Sendable { let period: String; let paidOn: String; let amount: String }

    struct ContractPage: Encodable, Sendable {
        let frame: PublicFrame
        let row: ContractRow
        let routes: [RouteLine]
        let withheldRoutes: Int
        let changes: [ChangeLine]
        let payments: [PaymentLine]
        let paid: String
        let threshold: String
        let backHref: String
    }

    @Sendable static func contract(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let item = data.contracts.first(where: { $0.loaded.id == id }) else { throw WaymarkError.notFound }
        let row = contractRow(item, slug: data.tenant.slug)
        let values = Dictionary(item.terms.routes.map { ($0.routeID, $0.value) }, uniquingKeysWith: { first, _ in first })
        let names = PublicMoney.contractNames(data)
        var previous: ContractTerms?
        let changes = item.loaded.contract.versions.compactMap { version -> ChangeLine? in
            defer { previous = version.terms }
            guard let variation = version.variation else { return nil }
            return ChangeLine(kind: variation.change.displayName, effective: version.effective.display,
                              change: ContractHistoryRow.describe(version, previous: previous, names: names))
        }
        let money = PublicMoney(data)
        let page = ContractPage(
            frame: PublicFrame(req, tenant: data.tenant, day: data.day, page: SiteMap.Public.contract), row: row,
            routes: item.routes.map { RouteLine(code: $0.route.code, name: $0.route.name, authority: $0.authority.name,
                                                 children: $0.route.childrenPerDay, value: values[$0.route.id!]?.display ?? "") },
            withheldRoutes: item.withheldRoutes, changes: changes,
            payments: money.listedPayments.filter { $0.contractID == id }.map {
                PaymentLine(period: $0.period.display, paidOn: $0.paidOn.display, amount: $0.amount.display) },
            paid: money.paid(contract: id).display, threshold: data.tenant.paymentThreshold.display,
            backHref: SiteMap.Public.contracts.path(data.tenant.slug))
        return try await PageRenderer.render(req, "public/contract", title: "\(item.record.reference): \(item.record.title)", page, sessionFree: true)
    }

    struct AuthorityLine: Encodable, Sendable { let name: String; let gss: String; let routes: Int; let children: String }
    struct RouteRow: Encodable, Sendable {
        let code: String; let name: String; let authority: String; let children: Int; let provider: String
    }

    struct RoutesPage: Encodable, Sendable {
        let frame: PublicFrame
        let authorities: [AuthorityLine]
        let rows: [RouteRow]
        let totalRoutes: Int
        let totalChildren: String
        let withheld: [String]
        let map: String?
        let csvHref: String
        let authoritiesCSVHref: String
    }

    @Sendable static func routes(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let providers = PublicMoney.providersByRoute(data)
        let page = RoutesPage(
            frame: PublicFrame(req, tenant: data.tenant, day: data.day, page: SiteMap.Public.routes),
            authorities: data.routesByAuthority.map { authority, routes in
                AuthorityLine(name: authority.name, gss: authority.gssCode, routes: routes.count,
                              children: routes.reduce(0) { $0 + $1.route.childrenPerDay }.grouped()) },
            rows: data.routes.map { RouteRow(code: $0.route.code, name: $0.route.name, authority: $0.authority.name,
                                             children: $0.route.childrenPerDay, provider: providers[$0.route.id!] ?? "") },
            totalRoutes: data.routes.count, totalChildren: data.routes.reduce(0) { $0 + $1.route.childrenPerDay }.grouped(),
            withheld: data.withheldRouteNotes, map: PublicRouteMap.svg(data),
            csvHref: SiteMap.Public.routesCSV.path(data.tenant.slug), authoritiesCSVHref: SiteMap.Public.authoritiesCSV.path(data.tenant.slug))
        return try await PageRenderer.render(req, "public/routes", title: "Routes: \(data.tenant.name)", page, sessionFree: true)
    }
}
