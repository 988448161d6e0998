import Foundation
import Vapor
import WaymarkDomain

/// What every page of a tenant's public site shows around its own content: the tenant's name,
/// the site's sections with the current one marked, and the day it is looked at with a form to
/// change it (the links carry the day, as members' pages do).
struct PublicFrame: Encodable, Sendable {
    struct Section: Encodable, Sendable { let label: String; let href: String; let current: Bool }

    let tenantName: String
    let sections: [Section]
    let asOf: String
    let asOfISO: String
    let asOfAction: String
    /// Whether the page is about today (no `as_of` asked for).
    let today: Bool
    let todayHref: String
    /// Pages about what stands now (specifications) have no as-of form.
    let showsAsOf: Bool

    init(_ req: Request, tenant: Tenant, day: Day, page: PathTemplate) {
        let slug = tenant.slug
        tenantName = tenant.name
        let items: [(String, PathTemplate)] = [
            ("Overview", SiteMap.Public.home), ("Contracts", SiteMap.Public.contracts), ("Routes", SiteMap.Public.routes),
            ("Money", SiteMap.Public.money), ("Specifications", SiteMap.Public.specifications), ("Open data", SiteMap.Public.openData),
        ]
        sections = items.map { label, template in
            Section(label: label, href: template.path(slug), current: template == page || (page == SiteMap.Public.contract && template == SiteMap.Public.contracts)
                        || (page == SiteMap.Public.specification && template == SiteMap.Public.specifications))
        }
        asOf = day.display
        asOfISO = day.iso
        asOfAction = req.url.path
        today = AsOfCarry.carriedDay == nil
        todayHref = req.url.path
        showsAsOf = page.readsAsOf
    }
}

extension SiteMap.Public {
    /// The public pages that read "as of": their links carry the day looked at.
    static let asOfPages: [PathTemplate] = [home, contracts, contractsCSV, contract, routes, routesCSV, authoritiesCSV, money, moneyCSV, paymentsCSV]
}
