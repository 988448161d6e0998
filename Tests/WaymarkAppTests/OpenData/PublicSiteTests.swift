import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Issue 18: a tenant's public site, and the commissioner's choice of what it shows.
final class PublicSiteTests: AppTestCase {
    static let pages = ["", "/contracts", "/contracts.csv", "/routes", "/routes.csv", "/local-authorities.csv", "/money", "/money.csv",
                        "/payments.csv", "/open-data",
                        "/open-data/360giving.json", "/specifications"]

    /// Every public page and file of a tenant, as anyone reads them, on `day` (today when nil).
    func publicAnswers(_ slug: String, on day: String? = nil) async throws -> [String: String] {
        let anyone = Browser(app: app)
        var answers: [String: String] = [:]
        for page in Self.pages {
            let path = "/p/\(slug)\(page)" + (day.map { "?as_of=\($0)" } ?? "")
            let response = try await anyone.get(path)
            XCTAssertEqual(response.status, .ok, path)
            answers[path] = response.body.string
        }
        return answers
    }

    func testAnyoneReadsTheSiteWithoutSigningInAndItIsLinked() async throws {
        let answers = try await publicAnswers("west-midlands")
        let home = try XCTUnwrap(answers["/p/west-midlands"])
        XCTAssertTrue(home.contains("West Midlands Violence Reduction Partnership"))
        for section in ["/p/west-midlands/contracts", "/p/west-midlands/routes", "/p/west-midlands/money", "/p/west-midlands/open-data"] {
            XCTAssertTrue(home.contains("href=\"\(section)\""), "the overview links to \(section)")
        }
        let contracts = try XCTUnwrap(answers["/p/west-midlands/contracts"])
        XCTAssertTrue(contracts.contains("ST-BHM-2022-01"), "a contract let outside Waymark is public by default")
        let signIn = try await Browser(app: app).get("/sign-in").body.string
        XCTAssertTrue(signIn.contains("href=\"/p/west-midlands\""), "the sign-in page links to each public site")
        let member = try await signedIn(DemoPeople.viewer)
        let footer = try await member.get("/t/west-midlands/routes").body.string
        XCTAssertTrue(footer.contains("href=\"/p/west-midlands\""), "the footer links to the tenant's public site")
        let unknown = try await Browser(app: app).get("/p/nowhere")
        XCTAssertEqual(unknown.status, .notFound)
    }

    func testNothingPrivateReachesAnyPublicPageOrFile() async throws {
        // Withhold one contract and one route, and publish another route's path.
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let (contractID, contractVersion, withheldTitle) = try await platform { db -> (String, Int, String) in
            let record = try await ContractRecord.query(on: db).filter(\.$reference == "ST-SAN-2022-01").first()!
            return (record.id!.uuidString, record.version, record.title)
        }
        let contractPath = SiteMap.Tenant.contractPublication.path(Self.slug, contractID)
        _ = try await commissioner.get(contractPath)
        let withheld = try await commissioner.post(contractPath, form: [
            "publication": "withheld", "withheld_note": "Withheld while the contract is renegotiated", "version": String(contractVersion)])
        XCTAssertEqual(withheld.status, .seeOther, withheld.body.string)
        let routeVersion = try await platform { db in try await Route.query(on: db).filter(\.$code == "SOL-02").first()!.version }
        _ = try await commissioner.get(SiteMap.Tenant.routePublication.path(Self.slug, "SOL-02"))
        let route = try await commissioner.post(SiteMap.Tenant.routePublication.path(Self.slug, "SOL-02"), form: [
            "publication": "withheld", "withheld_note": "Withheld at the school's request", "version": String(routeVersion)])
        XCTAssertEqual(route.status, .seeOther, route.body.string)

        // What must never be public: people, the tenant's words, bids, drafts, another tenant.
        let secrets = try await platform { db -> [String] in
            let people = try await Person.query(on: db).all().flatMap { [$0.name, $0.email] }
            let kpis = try await ContractRecord.query(on: db).all().flatMap { (try? JSONDecoder().decode([String].self, from: Data($0.kpis.utf8))) ?? [] }
            let reasons = try await ContractVariationRecord.query(on: db).all().map(\.reason)
            let drafts = try await SpecificationRecord.query(on: db).filter(\.$status == "draft").all().map(\.title)
            let northmoor = try await Tenant.query(on: db).filter(\.$slug == "northmoor").first()!.id!
            let others = try await Organisation.query(on: db).filter(\.$tenantID == northmoor).all().map(\.name)
            let bids = try await BidVersionRecord.query(on: db).all().flatMap { version -> [String] in
                guard let content = try? JSONDecoder().decode(BidContent.self, from: Data(version.content.utf8)) else { return [] }
                return Array(content.answers.values) + [content.socialValue]
            }
            return people + kpis + reasons + drafts + others + bids
        }.filter { $0.count > 6 }
        XCTAssertGreaterThan(secrets.count, 40, "the check has something to look for")
        let narratives = try await platform { db in
            try await ReturnVersionRecord.query(on: db).all().flatMap { version -> [String] in
                guard let content = try? version.content else { return [] }
                return [content.narrative, content.caseStudy ?? ""]
            }
        }.filter { $0.count > 12 }

        for day in [nil, "2023-06-01"] {
            for (path, body) in try await publicAnswers("west-midlands", on: day) {
                for secret in secrets + narratives { XCTAssertFalse(body.contains(secret), "\(path) shows \(secret)") }
                XCTAssertFalse(body.contains("ST-SAN-2022-01") || body.contains(withheldTitle), "\(path) shows the withheld contract")
                XCTAssertFalse(body.contains("SOL-02"), "\(path) shows the withheld route")
            }
        }
        let contracts = try await Browser(app: app).get("/p/west-midlands/contracts?as_of=2023-06-01").body.string
        XCTAssertTrue(contracts.contains("Withheld while the contract is renegotiated"), "the note stands in for it")
        let routes = try await Browser(app: app).get("/p/west-midlands/routes?as_of=2023-06-01").body.string
        XCTAssertTrue(routes.contains("Withheld at the school&#39;s request") || routes.contains("Withheld at the school's request"))
        XCTAssertFalse(routes.contains("<polyline"), "no path is drawn unless published")
        let audit = try await auditActions()
        XCTAssertTrue(audit.contains("contract.publication_changed") && audit.contains("route.publication_changed"))
    }

    func testThePathIsDrawnOnlyWhenPublished() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let version = try await platform { db in try await Route.query(on: db).filter(\.$code == "WLV-01").first()!.version }
        _ = try await commissioner.get(SiteMap.Tenant.routePublication.path(Self.slug, "WLV-01"))
        let saved = try await commissioner.post(SiteMap.Tenant.routePublication.path(Self.slug, "WLV-01"), form: [
            "publication": "public", "withheld_note": "", "path_published": "yes", "version": String(version)])
        XCTAssertEqual(saved.status, .seeOther, saved.body.string)
        let routes = try await Browser(app: app).get("/p/west-midlands/routes").body.string
        XCTAssertEqual(routes.components(separatedBy: "<polyline").count - 1, 2, "one path, drawn on its white halo")
        XCTAssertTrue(routes.contains("<title>WLV-01: "), "with its chaperone points")
        XCTAssertFalse(routes.contains("<title>WLV-02: "), "and no other route's")
    }

    func testTheDayChangesTheAnswers() async throws {
        let anyone = Browser(app: app)
        let early = try await anyone.get("/p/west-midlands/contracts?as_of=2022-01-10").body.string
        XCTAssertTrue(early.contains("ST-BHM-2021-01"))
        XCTAssertFalse(early.contains("ST-BHM-2022-01"), "a contract signed later did not exist yet")
        let later = try await anyone.get("/p/west-midlands/contracts?as_of=2023-01-10").body.string
        XCTAssertTrue(later.contains("ST-BHM-2022-01"))
        let routesEarly = try await anyone.get("/p/west-midlands/routes?as_of=2022-01-10").body.string
        let routesNow = try await anyone.get("/p/west-midlands/routes").body.string
        XCTAssertTrue(routesEarly.contains("DUD-01"), "a route that ran then")
        XCTAssertFalse(routesNow.contains("DUD-01"), "and has closed since")
        XCTAssertTrue(early.contains("href=\"/p/west-midlands/contracts/"), "links on a page about a day…")
        XCTAssertTrue(early.contains("?as_of=2022-01-10\""), "…carry the day")
        let money1 = try await anyone.get("/p/west-midlands/money?as_of=2022-06-01").body.string
        let money2 = try await anyone.get("/p/west-midlands/money?as_of=2023-06-01").body.string
        XCTAssertNotEqual(Self.paidTotal(money1), Self.paidTotal(money2), "more was paid by the later day")
        let bad = try await anyone.get("/p/west-midlands/routes?as_of=someday")
        XCTAssertEqual(bad.status, .badRequest)
    }

    static func paidTotal(_ html: String) -> String? {
        guard let regex = try? Regex("paid on them by [^:]+: (£[0-9,.]+) in all"), let match = html.firstMatch(of: regex) else { return nil }
        return match.output[1].substring.map(String.init)
    }

    func testOnlyCommissionersChooseAndTheirChoiceIsChecked() async throws {
        let (contractID, version) = try await platform { db -> (String, Int) in
            let record = try await ContractRecord.query(on: db).filter(\.$reference == "ST-COV-2022-01").first()!
            return (record.id!.uuidString, record.version)
        }
        let path = SiteMap.Tenant.contractPublication.path(Self.slug, contractID)
        for email in [DemoPeople.finance, DemoPeople.birminghamPartner, DemoPeople.viewer, DemoPeople.assessor] {
            let other = try await signedIn(email)
            let page = try await other.get(path)
            XCTAssertTrue([.forbidden, .notFound].contains(page.status), "\(email): \(page.status)")
        }
        let northmoor = try await signedIn(DemoPeople.northmoorCommissioner)
        let elsewhere = try await northmoor.get("/t/northmoor/contracts/\(contractID)/publication")
        XCTAssertEqual(elsewhere.status, .notFound)

        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await commissioner.get(path)
        let noNote = try await commissioner.post(path, form: ["publication": "withheld", "withheld_note": "", "version": String(version)])
        XCTAssertEqual(noNote.status, .unprocessableEntity)
        XCTAssertTrue(noNote.body.string.contains("<a href=\"#withheld_note\">"))
        let personal = try await commissioner.post(path, form: ["publication": "withheld", "withheld_note": "Ask jo.bloggs@example.com",
                                                                "version": String(version)])
        XCTAssertEqual(personal.status, .unprocessableEntity)
        XCTAssertTrue(personal.body.string.contains("Ask jo.bloggs@example.com</textarea>"), "what was typed is kept")
        let none = try await commissioner.post(path, form: ["withheld_note": "", "version": String(version)])
        XCTAssertTrue(none.body.string.contains("<a href=\"#publication\">"))
        let unchanged = try await platform { db in try await ContractRecord.find(UUID(uuidString: contractID), on: db)!.publicationChoice }
        XCTAssertEqual(unchanged, .shown, "nothing was saved")
    }

    /// The public site is the same for everyone, so shared caches may keep it: it must then set
    /// no cookie, and a page showing who is signed in must not be shared.
    func testPublicPagesSetNoCookieAndMayBeCachedUnlessSomeoneIsSignedIn() async throws {
        for page in Self.pages {
            let response = try await Browser(app: app).get("/p/west-midlands\(page)")
            XCTAssertNil(response.headers.first(name: .setCookie), "\(page) sets no cookie")
            if !page.hasPrefix("/specifications") {
                XCTAssertEqual(response.headers.first(name: .cacheControl), "public, max-age=300", page)
            }
        }
        let member = try await signedIn(DemoPeople.viewer)
        let mine = try await member.get("/p/west-midlands")
        let control = try XCTUnwrap(mine.headers.first(name: .cacheControl))
        XCTAssertTrue(control.contains("no-store") || control.contains("private"), "it names who is signed in: \(control)")
    }

    func testAWithheldSpecificationLeavesThePublicSiteButNotItsBidders() async throws {
        setClock("2025-05-01T09:00:00Z")
        let id = try await publishedSpecification(closingDay: "2025-06-30")
        let title = try await platform { db in try await SpecificationRecord.find(UUID(uuidString: id), on: db)!.title }
        let anyone = Browser(app: app)
        let listed = try await anyone.get("/p/west-midlands/specifications").body.string
        XCTAssertTrue(listed.contains(title), "published, it is public by default")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let path = SiteMap.Tenant.specificationPublication.path(Self.slug, id)
        let page = try await commissioner.get(SiteMap.Tenant.specification.path(Self.slug, id)).body.string
        XCTAssertTrue(page.contains("href=\"\(path)\""), "the specification page links to the choice")
        let version = try await platform { db in try await SpecificationRecord.find(UUID(uuidString: id), on: db)!.version }
        _ = try await commissioner.get(path)
        let saved = try await commissioner.post(path, form: ["publication": "withheld", "withheld_note": "Withheld while the routes are agreed",
                                                             "version": String(version)])
        XCTAssertEqual(saved.status, .seeOther, saved.body.string)

        let after = try await anyone.get("/p/west-midlands/specifications").body.string
        XCTAssertFalse(after.contains(title))
        XCTAssertTrue(after.contains("Withheld while the routes are agreed"))
        let detail = try await anyone.get(SiteMap.Public.specification.path(Self.slug, id))
        XCTAssertEqual(detail.status, .notFound)
        let calls = try await anyone.get("/api/v1/public/west-midlands/calls").body.string
        XCTAssertFalse(calls.contains(id.lowercased()) || calls.contains(title), "nor among the calls for bids")
        let releases = try await anyone.get("/p/west-midlands/open-data/ocds/releases.json").body.string
        XCTAssertFalse(releases.contains(id.lowercased()), "nor in the open data")
        let provider = try await signedIn(CommissioningPeople.kestrel)
        let theirs = try await provider.get(SiteMap.Tenant.specification.path(Self.slug, id))
        XCTAssertEqual(theirs.status, .ok, "providers invited to bid still read it")
        let audit = try await auditActions()
        XCTAssertTrue(audit.contains("specification.publication_changed"))
    }
}
