import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// A tenant's public site (issue 18): what was commissioned, which routes run, where the money
/// went, and the open data files, for anyone, without signing in. Every answer is drawn from
/// `PublicSiteData`, which asks `PublicationRule` of each row.
struct PublicSiteController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteMap.Public.home.components) { try await Self.answer($0, .home, PublicPages.home) }
        routes.get(SiteMap.Public.contracts.components) { try await Self.answer($0, .contracts, PublicPages.contracts) }
        routes.get(SiteMap.Public.contractsCSV.components) { try await Self.answer($0, .contractsCSV, PublicCSV.contracts) }
        routes.get(SiteMap.Public.contract.components) { try await Self.answer($0, .contract, PublicPages.contract) }
        routes.get(SiteMap.Public.routes.components) { try await Self.answer($0, .routes, PublicPages.routes) }
        routes.get(SiteMap.Public.routesCSV.components) { try await Self.answer($0, .routesCSV, PublicCSV.routes) }
        routes.get(SiteMap.Public.money.components) { try await Self.answer($0, .money, PublicMoneyPage.show) }
        routes.get(SiteMap.Public.paymentsCSV.components) { try await Self.answer($0, .paymentsCSV, PublicCSV.payments) }
        routes.get(SiteMap.Public.moneyCSV.components) { try await Self.answer($0, .moneyCSV, PublicCSV.money) }
        routes.get(SiteMap.Public.authoritiesCSV.components) { try await Self.answer($0, .authoritiesCSV, PublicCSV.authorities) }
        routes.get(SiteMap.Public.openData.components) { try await Self.answer($0, .openData, PublicOpenDataPage.show) }
        routes.get(SiteMap.Public.grantsJSON.components) { try await Self.answer($0, .grantsJSON, PublicOpenDataPage.grants) }
        routes.get(SiteMap.Public.ocdsReleasesJSON.components) { try await Self.answer($0, .ocdsReleases, PublicOpenDataPage.ocdsReleases) }
        routes.get(SiteMap.Public.ocdsRecordsJSON.components) { try await Self.answer($0, .ocdsRecords, PublicOpenDataPage.ocdsRecords) }
        // The same files in the API, where errors answer as JSON.
        routes.get(SiteMap.API.openDataGrants.components) { try await Self.answer($0, .grantsJSON, PublicOpenDataPage.grants) }
        routes.get(SiteMap.API.openDataReleases.components) { try await Self.answer($0, .ocdsReleases, PublicOpenDataPage.ocdsReleases) }
        routes.get(SiteMap.API.openDataRecords.components) { try await Self.answer($0, .ocdsRecords, PublicOpenDataPage.ocdsRecords) }
    }

    enum Page {
        case home, contracts, contractsCSV, contract, routes, routesCSV, authoritiesCSV, money, moneyCSV, paymentsCSV, openData, grantsJSON
        case ocdsReleases, ocdsRecords
    }

    /// Pages and CSVs: answered once the tenant's data is read and its database scope let go,
    /// since rendering a page reads the database again (the session, the tenants' names).
    typealias Handler = @Sendable (Request, PublicSiteData) async throws -> Response
    /// The OCDS files, which also read the specifications: answered inside the tenant's scope, so
    /// they must not touch `req.db` (on PostgreSQL a second connection could wait for ever).
    typealias ContextHandler = @Sendable (Request, TenantContext, PublicSiteData) async throws -> Response

    /// Reads the tenant's public data for the day asked (today by default) and answers with it;
    /// the answer may be cached for five minutes, as it is the same for everyone.
    static func answer(_ req: Request, _ page: Page, _ handler: @escaping Handler) async throws -> Response {
        try await cached(req, page) { day in
            let data = try await PublicTenant.read(req) { context in try await PublicSiteData.load(context, day: day) }
            return try await handler(req, data)
        }
    }

    static func answer(_ req: Request, _ page: Page, _ handler: @escaping ContextHandler) async throws -> Response {
        try await cached(req, page) { day in
            try await PublicTenant.read(req) { context in try await handler(req, context, try await PublicSiteData.load(context, day: day)) }
        }
    }

    private static func cached(_ req: Request, _ page: Page, _ respond: (Day) async throws -> Response) async throws -> Response {
        let template = template(page)
        return try await AsOfCarry.answering(req, page: template) {
            let response = try await respond(try req.asOfDay())
            // Shared caches may keep an answer that is the same for everyone: never one that
            // names who is signed in or sets a cookie.
            let shared = req.person == nil && !response.headers.contains(name: .setCookie)
            response.headers.replaceOrAdd(name: .cacheControl, value: shared ? "public, max-age=300" : "private, no-cache")
            return response
        }
    }

    static func template(_ page: Page) -> PathTemplate {
        switch page {
        case .home: SiteMap.Public.home
        case .contracts: SiteMap.Public.contracts
        case .contractsCSV: SiteMap.Public.contractsCSV
        case .contract: SiteMap.Public.contract
        case .routes: SiteMap.Public.routes
        case .routesCSV: SiteMap.Public.routesCSV
        case .money: SiteMap.Public.money
        case .paymentsCSV: SiteMap.Public.paymentsCSV
        case .moneyCSV: SiteMap.Public.moneyCSV
        case .authoritiesCSV: SiteMap.Public.authoritiesCSV
        case .openData: SiteMap.Public.openData
        case .grantsJSON: SiteMap.Public.grantsJSON
        case .ocdsReleases: SiteMap.Public.ocdsReleasesJSON
        case .ocdsRecords: SiteMap.Public.ocdsRecordsJSON
        }
    }
}
