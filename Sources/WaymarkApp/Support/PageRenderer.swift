import Fluent
import Foundation
import Leaf
import Vapor
import WaymarkDomain

/// A form problem, shown in the error summary and next to its field.
struct FieldError: Encodable, Sendable, Equatable {
    let field: String
    let message: String
    /// Ticking the form's "I have checked" box would clear it (`PersonalDataGate`).
    var confirmable = false
}

struct Flash: Codable, Sendable {
    let kind: String
    let message: String
}

/// The keys `web/views/layout/base.leaf` reads, merged with each page's own.
struct Layout: Encodable {
    struct User: Encodable { let name: String; let email: String }
    struct TenantRef: Encodable { let slug: String; let name: String }
    struct NavItem: Encodable { let label: String; let href: String; let current: Bool }

    var title: String
    var user: User?
    var tenant: TenantRef?
    var nav: [NavItem]?
    /// The tenant's public site, linked in the footer.
    var transparencyHref: String?
    /// Outside a tenant (signing in, help, the public pages): every tenant's public site, so
    /// anyone can find them from the sign-in page and the footer.
    var publicSites: [PublicSite]?
    struct PublicSite: Encodable { let name: String; let href: String }
    /// The beta banner's "Tell us what you think", saying which page it came from.
    var feedbackHref: String = SiteMap.feedback.path()
    var csrf: String?
    var asOf: String?
    /// The header's as-of control, on the pages that read "as of" (`SiteMap.asOfPages`).
    var asOfControl: AsOfControl?
    /// The day asked for, which a page's own GET forms (filters) keep as a hidden field.
    var carriedAsOf: String?
    var flash: Flash?
    var errors: [FieldError]?
    /// The first message per field, for the error message beside each input.
    var errorFor: [String: String]?
    /// The form's "I have checked: no personal data" box (`layout/personal-data-check.leaf`):
    /// offered once free text was flagged, and kept ticked once ticked. It holds the address the
    /// form was sent to, so a page with several forms offers it in that one.
    var personalDataCheck: String?
    var personalDataChecked = false
    var isOperator = false
}

/// "As of [day] [Show]", and "Back to today" when the day is not today: it asks the same
/// page again, keeping its other choices (filters, sorting), with another `as_of`.
struct AsOfControl: Encodable {
    struct Hidden: Encodable { let name: String; let value: String }

    let action: String
    let iso: String
    let display: String
    let isPast: Bool
    let isFuture: Bool
    let todayHref: String?
    let hidden: [Hidden]?

    init(_ req: Request, day asked: Day?, today: Day) {
        let day = asked ?? today
        let kept = (URLComponents(string: req.url.string)?.queryItems ?? [])
            .filter { !["as_of", "as_recorded", "page"].contains($0.name) }
            .map { Hidden(name: $0.name, value: $0.value ?? "") }
        action = req.url.path
        iso = day.iso
        display = day.display
        isPast = day < today
        isFuture = day > today
        var back = URLComponents()
        back.queryItems = kept.isEmpty ? nil : kept.map { URLQueryItem(name: $0.name, value: $0.value) }
        todayHref = day == today ? nil : req.url.path + (back.percentEncodedQuery.map { "?" + $0 } ?? "")
        hidden = kept.isEmpty ? nil : kept
    }
}

enum PageRenderer {
    /// Renders a page: the layout's keys plus the page's own at the top level.
    /// `sessionFree`: a page with no form to post (the public site) starts no session for someone
    /// not signed in, so it sets no cookie and may be cached and shared.
    static func render(_ req: Request, _ template: String, title: String, _ page: some Encodable = [String: String](),
                       errors: [FieldError] = [], status: HTTPStatus = .ok, sessionFree: Bool = false) async throws -> Response {
        var layout = Layout(title: title)
        if let person = req.person {
            layout.user = .init(name: person.name, email: person.email)
            layout.isOperator = person.isOperator
        }
        layout.csrf = sessionFree && req.person == nil ? nil : try await req.csrfToken()
        layout.feedbackHref = SiteMap.feedback.path(query: [("from", req.url.path)])
        layout.errors = errors.isEmpty ? nil : errors
        layout.errorFor = errors.isEmpty ? nil : Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        layout.personalDataChecked = PersonalDataGate.confirmed(req)
        if layout.personalDataChecked || errors.contains(where: \.confirmable) { layout.personalDataCheck = req.url.path }
        layout.flash = req.takeFlash()
        if let context = try? req.tenantContext {
            layout.tenant = .init(slug: context.tenant.slug, name: context.tenant.name)
            layout.nav = navigation(for: context, currentPath: req.url.path)
            layout.transparencyHref = SiteMap.Public.home.path(context.tenant.slug)
            if let current = AsOfCarry.current, current.page.readsAsOf {
                layout.asOfControl = AsOfControl(req, day: current.day, today: context.today)
                layout.carriedAsOf = current.day?.iso
            }
        }
        if layout.tenant == nil {
            // A tenant's own public pages link to that tenant's site only.
            var tenants = Tenant.query(on: req.db)
            if let slug = req.parameters.get("tenant") { tenants = tenants.filter(\Tenant.$slug == slug) }
            layout.publicSites = try await tenants.sort(\.$name).all()
                .map { Layout.PublicSite(name: $0.name, href: SiteMap.Public.home.path($0.slug)) }
        }
        let body = try await req.leaf.render(path: template, context: PageContext(layout: layout, page: page)).get()
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: status, headers: headers, body: .init(buffer: body))
    }

    static func navigation(for context: TenantContext, currentPath: String) -> [Layout.NavItem] {
        let slug = context.tenant.slug
        var items: [(String, String)] = [("Home", SiteMap.Tenant.home.path(slug))]
        if context.can(.viewFunding) { items.append(("Dashboard", SiteMap.Tenant.dashboard.path(slug))) }
        if context.can(.viewRoutes) { items.append(("Routes", SiteMap.Tenant.routes.path(slug))) }
        if context.can(.viewFunding) { items.append(("Funding", SiteMap.Tenant.fundingSources.path(slug))) }
        if context.can(.viewFunding) { items.append(("Pledges", SiteMap.Tenant.pledges.path(slug))) }
        if context.can(.viewForecasts) { items.append(("Forecasts", SiteMap.Tenant.forecasts.path(slug))) }
        if context.can(.viewSpecifications) { items.append(("Specifications", SiteMap.Tenant.specifications.path(slug))) }
        if context.can(.viewContracts) { items.append(("Contracts", SiteMap.Tenant.contracts.path(slug))) }
        if context.can(.recordPayments) { items.append(("Payments", SiteMap.Tenant.payments.path(slug))) }
        if context.can(.viewReturns) { items.append(("Returns", SiteMap.Tenant.returns.path(slug))) }
        if context.can(.viewReturns) { items.append(("Delivery", SiteMap.Tenant.delivery.path(slug))) }
        if context.can(.viewCalendars) { items.append(("Local authorities", SiteMap.Tenant.localAuthorities.path(slug))) }
        if context.can(.viewOrganisations) { items.append(("Organisations", SiteMap.Tenant.organisations.path(slug))) }
        if context.can(.manageMembers) { items.append(("People", SiteMap.Tenant.people.path(slug))) }
        if context.can(.importData) { items.append(("Import data", SiteMap.Tenant.imports.path(slug))) }
        if context.can(.viewAudit) { items.append(("Audit log", SiteMap.Tenant.audit.path(slug))) }
        if context.can(.readInbox) { items.append(("Alerts", SiteMap.Tenant.inbox.path(slug))) }
        if context.can(.changeSettings) { items.append(("Settings", SiteMap.Tenant.settings.path(slug))) }
        let home = SiteMap.Tenant.home.bare(slug)
        // A return lives under its contract's address but belongs to the Returns section.
        let returns = SiteMap.Tenant.returns.bare(slug)
        let section = currentPath.contains("/returns/") ? returns : currentPath
        return items.map { label, href in
            let bare = String(href.prefix { $0 != "?" })
            let current = bare == home ? currentPath == home : section.hasPrefix(bare)
            return Layout.NavItem(label: label, href: href, current: current)
        }
    }
}

/// What a page renders with: the layout's keys, then the page's own over any it shares (a key
/// the page leaves out keeps the layout's). Leaf's own encoder writes both straight into one
/// context, with no JSON round trip: every page pays for this, so it is kept cheap.
struct PageContext<Page: Encodable>: Encodable {
    let layout: Layout
    let page: Page

    func encode(to encoder: any Encoder) throws {
        try layout.encode(to: encoder)
        try page.encode(to: encoder)
    }
}

extension Request {
    /// A one-off message for the next page is carried across the redirect in a
    /// short-lived cookie: it holds no secret, only words we wrote.
    func takeFlash() -> Flash? {
        guard let raw = cookies["waymark_flash"]?.string,
              let data = Data(base64Encoded: raw),
              let flash = try? JSONDecoder().decode(Flash.self, from: data) else { return nil }
        storage[FlashTakenKey.self] = true
        return flash
    }

    private struct FlashTakenKey: StorageKey { typealias Value = Bool }

    /// Redirects after a successful post, carrying a confirmation (or, as `info`, news that is
    /// not a success) for the next page.
    func redirect(to path: String, flash message: String, kind: String = "success") -> Response {
        let response = redirect(to: path, redirectType: .normal)
        let payload = (try? JSONEncoder().encode(Flash(kind: kind, message: message)))?.base64EncodedString() ?? ""
        response.cookies["waymark_flash"] = HTTPCookies.Value(
            string: payload, maxAge: 60, path: "/", isSecure: application.waymark.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
        return response
    }

    var flashWasTaken: Bool { storage[FlashTakenKey.self] ?? false }
}

/// Clears the flash cookie once a page has shown it.
struct FlashMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: req)
        if req.flashWasTaken, response.cookies["waymark_flash"] == nil {
            response.cookies["waymark_flash"] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/")
        }
        return response
    }
}
