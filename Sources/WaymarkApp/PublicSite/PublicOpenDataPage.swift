import Foundation
import Vapor
import WaymarkDomain

/// The open data page and files: what each file holds, its licence, and whether it can be
/// published yet (a tenant must first give its org-id and prefixes in its settings).
enum PublicOpenDataPage {
    /// Open Government Licence v3.0: the licence UK public bodies publish under.
    static let license = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

    struct FileLine: Encodable, Sendable { let title: String; let href: String?; let description: String; let missing: String? }

    struct Page: Encodable, Sendable {
        let frame: PublicFrame
        let files: [FileLine]
        let license: String
        let problems: [String]
    }

    @Sendable static func show(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let slug = data.tenant.slug
        let grants = try GrantsFile(req, data)
        let files = [
            FileLine(title: "Grants (360Giving 1.4, JSON)", href: grants.package == nil ? nil : SiteMap.Public.grantsJSON.path(slug),
                     description: "Every grant made and published: grant agreements, and contracts the commissioner publishes as grants. Ids are 360G-{prefix}-{contract reference}; organisations are named by their org-ids.",
                     missing: grants.missing),
            FileLine(title: "Contracting processes: releases (OCDS 1.1, JSON)",
                     href: data.tenant.ocdsPrefix == nil ? nil : SiteMap.Public.ocdsReleasesJSON.path(slug),
                     description: "Each published specification and contract as the Open Contracting Data Standard's releases: one for each step, from the invitation to bid to the award, the contract, each change to it and each payment.",
                     missing: data.tenant.ocdsPrefix == nil ? "Not published yet: the commissioners have not given the partnership's OCDS prefix." : nil),
            FileLine(title: "Contracting processes: records (OCDS 1.1, JSON)",
                     href: data.tenant.ocdsPrefix == nil ? nil : SiteMap.Public.ocdsRecordsJSON.path(slug),
                     description: "The same processes as records: every release of each process, and the process as it stands now.",
                     missing: data.tenant.ocdsPrefix == nil ? "Not published yet." : nil),
            FileLine(title: "Contracts (CSV)", href: SiteMap.Public.contractsCSV.path(slug),
                     description: "Each published contract: provider, how it was let, value, period, local authorities and routes.", missing: nil),
            FileLine(title: "Routes (CSV)", href: SiteMap.Public.routesCSV.path(slug),
                     description: "Each route running, with its local authority, the children it walks each school day and its provider.", missing: nil),
            FileLine(title: "Payments (CSV)", href: SiteMap.Public.paymentsCSV.path(slug),
                     description: "Each payment of \(data.tenant.paymentThreshold.display) or more on a published contract.", missing: nil),
        ]
        let page = Page(frame: PublicFrame(req, tenant: data.tenant, day: data.day, page: SiteMap.Public.openData), files: files,
                        license: license, problems: grants.problems.map { "\($0.grantID): \($0.message)" })
        return try await PageRenderer.render(req, "public/open-data", title: "Open data: \(data.tenant.name)", page, sessionFree: true)
    }

    @Sendable static func grants(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let file = try GrantsFile(req, data)
        guard let package = file.package else { throw WaymarkError.notFound }
        return try json(package, filename: "\(data.tenant.slug)-360giving.json")
    }

    @Sendable static func ocdsReleases(_ req: Request, _ context: TenantContext, _ data: PublicSiteData) async throws -> Response {
        guard let source = ocdsSource(req, data) else { throw WaymarkError.notFound }
        let processes = try await PublicContracting.processes(context, data)
        return try json(OCDSReleases.releasePackage(processes, source: source, published: context.now),
                        filename: "\(data.tenant.slug)-ocds-releases.json")
    }

    @Sendable static func ocdsRecords(_ req: Request, _ context: TenantContext, _ data: PublicSiteData) async throws -> Response {
        guard let source = ocdsSource(req, data) else { throw WaymarkError.notFound }
        let processes = try await PublicContracting.processes(context, data)
        return try json(OCDSReleases.recordPackage(processes, source: source, published: context.now),
                        filename: "\(data.tenant.slug)-ocds-records.json")
    }

    /// Who publishes the OCDS files and where; nil until the tenant has its OCDS prefix.
    static func ocdsSource(_ req: Request, _ data: PublicSiteData) -> OCDSReleases.Source? {
        guard let prefix = data.tenant.ocdsPrefix else { return nil }
        let base = req.application.waymark.publicURL.trimmingSuffix("/"), slug = data.tenant.slug
        return OCDSReleases.Source(prefix: prefix, publisherName: data.tenant.name, publisherOrgID: data.tenant.orgID,
                                   releasesURL: base + SiteMap.Public.ocdsReleasesJSON.path(slug),
                                   recordsURL: base + SiteMap.Public.ocdsRecordsJSON.path(slug), license: license,
                                   policyURL: base + SiteMap.Public.openData.path(slug))
    }

    /// An open data file: pretty, with keys sorted so two downloads compare line by line.
    static func json(_ value: some Encodable, filename: String) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(filename)\"")
        return Response(status: .ok, headers: headers, body: .init(data: try encoder.encode(value)))
    }
}

/// The tenant's grants as 360Giving: the grants `PublicationRule.grant` lets out, or why there
/// is no file yet.
struct GrantsFile {
    let package: GrantPackage?
    let missing: String?
    let problems: [GrantQuality.Problem]

    init(_ req: Request, _ data: PublicSiteData) throws {
        let tenant = data.tenant
        guard let orgID = tenant.orgID, let prefix = tenant.grantPrefix else {
            package = nil
            missing = "Not published yet: the commissioners have not given the partnership's org-id and 360Giving prefix."
            problems = []
            return
        }
        let base = req.application.waymark.publicURL.trimmingSuffix("/")
        let grants = data.contracts.filter { item in
            PublicationRule.allows(.grant(item.record.publicationChoice, effective: item.effective, letting: item.record.letting,
                                          publishedAsGrant: item.record.publishedAsGrant ?? false), asOf: data.day)
        }.compactMap { item -> GrantFacts? in
            guard let provider = item.provider, let period = DayRange(start: item.terms.start, end: item.terms.end) else { return nil }
            let council = provider.gssCode.flatMap { LocalAuthorityRegister.authority(gssCode: $0)?.orgID }
            let modified = ([item.record.createdAt] + item.loaded.contract.variations.map(\.approvedAt)).max()!
            return GrantFacts(reference: item.record.reference, title: item.record.title, programme: tenant.name,
                              amount: item.terms.value, awarded: item.effective, period: period,
                              recipient: .init(name: provider.name, identifiers: provider.identifiers, councilOrgID: council,
                                               internalID: provider.id!.uuidString.lowercased()),
                              places: item.authorities.map { .init(name: $0.name, gssCode: $0.gssCode) },
                              routeCount: item.routes.count + item.withheldRoutes, modified: modified,
                              url: base + SiteMap.Public.contract.path(tenant.slug, item.loaded.id.uuidString))
        }
        let made = GrantPackage.make(grants, source: .init(
            funderName: tenant.name, funderOrgID: orgID, prefix: prefix, website: base + SiteMap.Public.home.path(tenant.slug),
            downloadURL: base + SiteMap.Public.grantsJSON.path(tenant.slug), license: PublicOpenDataPage.license))
        package = made
        missing = made == nil ? "No grants have been published yet." : nil
        problems = made.map { GrantQuality.problems($0, today: data.day) } ?? []
    }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        var text = self
        while text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        return text
    }
}
