import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
@testable import WaymarkDomain

/// Drives the commissioning pages as the demo people do, with the application's clock set
/// where each test needs it.
extension AppTestCase {
    static let slug = "west-midlands"

    func at(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso)!
    }

    func setClock(_ iso: String) { app.clock.set(at(iso)) }

    /// Wolverhampton's id and its routes' ids by code.
    func wolverhampton() async throws -> (authority: String, routes: [String: String]) {
        try await platform { db in
            let routes = try await Route.query(on: db).filter(\.$code ~~ ["WLV-01", "WLV-02", "WLV-03", "BHM-01"]).all()
            guard let authority = routes.first(where: { $0.code == "WLV-01" })?.localAuthorityID else { throw TestFailure("no WLV-01") }
            return (authority.uuidString, Dictionary(uniqueKeysWithValues: routes.map { ($0.code, $0.id!.uuidString) }))
        }
    }

    /// A complete specification form for WLV-01 and WLV-02, changed by `overrides` (a field
    /// named in it replaces every value the form would send for that field).
    func specificationForm(closingDay: String, closingTime: String = "12:00",
                           overrides: [(String, String)] = []) async throws -> [(String, String)] {
        let ids = try await wolverhampton()
        var pairs: [(String, String)] = [
            ("title", "Test chaperones Wolverhampton"), ("context", "Why"), ("services_required", "Chaperones on both routes"),
            ("authorities[]", ids.authority), ("routes[]", ids.routes["WLV-01"]!), ("routes[]", ids.routes["WLV-02"]!),
            ("total_value", "91,260"), ("split", "cost"), ("service_start", "2025-09-01"), ("service_end", "2026-07-31"),
            ("go_live", "2025-09-02"), ("term_time", "yes"), ("pricing", "total"),
            ("quality", "40"), ("price", "50"), ("social_value", "10"), ("price_formula", "lowestOverBid"),
            ("closing_day", closingDay), ("closing_time", closingTime), ("kpis", "Chaperones present every school day"),
        ]
        for (index, text) in ["Local networks", "Physical spaces", "Direct work", "Schools"].enumerated() {
            pairs += [("question_text[\(index)]", text), ("question_weight[\(index)]", "10"), ("question_limit[\(index)]", "2000")]
        }
        let replaced = Set(overrides.map(\.0))
        return pairs.filter { !replaced.contains($0.0) } + overrides
    }

    /// Creates and publishes a specification as the commissioner; returns its id.
    func publishedSpecification(closingDay: String, closingTime: String = "12:00") async throws -> String {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let created = try await commissioner.post(SiteMap.Tenant.specificationNew.path(Self.slug),
                                                  pairs: try await specificationForm(closingDay: closingDay, closingTime: closingTime))
        guard created.status == .seeOther, let location = created.headers.first(name: .location) else {
            throw TestFailure("specification not created: \(created.status) \(created.body.string.prefix(2000))")
        }
        let id = String(location.split(separator: "/").last!)
        let published = try await commissioner.post(SiteMap.Tenant.specificationStatus.path(Self.slug, id), form: ["to": "published", "version": "1"])
        guard published.status == .seeOther else { throw TestFailure("not published: \(published.body.string.prefix(2000))") }
        return id
    }

    func specificationCount() async throws -> Int {
        try await platform { db in try await SpecificationRecord.query(on: db).count() }
    }

    /// Submissions stored for one specification.
    func bidVersionCount(_ specID: String) async throws -> Int {
        try await platform { db in
            let bids = try await BidRecord.query(on: db).filter(\.$specificationID == UUID(uuidString: specID)!).all()
            return try await BidVersionRecord.query(on: db).filter(\.$bidID ~~ bids.map { $0.id! }).count()
        }
    }

    /// The question ids of a specification, in order.
    func questionIDs(_ specID: String) async throws -> [String] {
        try await platform { db in
            guard let record = try await SpecificationRecord.find(UUID(uuidString: specID), on: db) else { throw TestFailure("no spec") }
            return try record.specification.questions.map(\.id.uuidString)
        }
    }

    /// Submits a bid for `routes` at `price` as `provider`.
    @discardableResult
    func submitBid(_ provider: Browser, specID: String, price: String, routes: [String] = ["WLV-01", "WLV-02"],
                   openedVersion: Int? = nil, action: String = "submit") async throws -> XCTHTTPResponse {
        let ids = try await wolverhampton()
        var pairs: [(String, String)] = [("price", price), ("action", action), ("social_value", "Local apprenticeships")]
        for question in try await questionIDs(specID) { pairs.append(("answers[\(question)]", "Our answer to \(question.prefix(4))")) }
        for code in routes { pairs.append(("routes[]", ids.routes[code]!)) }
        if let openedVersion { pairs.append(("opened_version", "\(openedVersion)")) }
        return try await provider.post(SiteMap.Tenant.ownBid.path(Self.slug, specID), pairs: pairs)
    }

    func bidIDs(_ specID: String) async throws -> [String: String] {
        try await platform { db in
            let bids = try await BidRecord.query(on: db).filter(\.$specificationID == UUID(uuidString: specID)!).all()
            let organisations = try await Organisation.query(on: db).filter(\.$id ~~ bids.map(\.providerOrganisationID)).all()
            return Dictionary(uniqueKeysWithValues: bids.map { bid in
                (organisations.first { $0.id == bid.providerOrganisationID }!.name, bid.id!.uuidString)
            })
        }
    }
}

enum CommissioningPeople {
    static let lanternway = DemoPeople.provider
    static let kerbside = "liam.oconnor@bckerbside.example"
    static let kestrel = "dwayne.campbell@kestrelyouth.example"
    static let priya = DemoPeople.assessor
    static let tomasz = "tomasz.nowak@coventrycc.example"
}
