import Fluent
import XCTVapor
@testable import WaymarkApp

/// Which role may open which page, written down here independently of
/// AccessPolicy and checked both ways: may (200) and may not (403).
final class TenantAccessTests: AppTestCase {
    static let allRoles: Set<String> = ["commissioner", "finance", "partner", "provider", "assessor", "viewer"]

    static let pages: [(path: String, roles: Set<String>)] = [
        ("/t/west-midlands", allRoles),
        ("/t/west-midlands/routes", allRoles),
        ("/t/west-midlands/routes.csv", allRoles),
        ("/t/west-midlands/routes/BHM-01", allRoles),
        ("/t/west-midlands/routes/BHM-01/edit", ["commissioner"]),
        ("/t/west-midlands/routes/new", ["commissioner"]),
        ("/t/west-midlands/local-authorities/add?q=leeds", ["commissioner"]),
        ("/t/west-midlands/organisations/new", ["commissioner"]),
        ("/t/west-midlands/imports/localAuthorities", ["commissioner"]),
        ("/t/west-midlands/imports/organisations", ["commissioner"]),
        ("/t/west-midlands/imports/contracts", ["commissioner"]),
        ("/t/west-midlands/contracts/new", ["commissioner"]),
        ("/t/west-midlands/local-authorities", allRoles),
        ("/t/west-midlands/local-authorities/E08000025", allRoles),  // Birmingham: the partner's own
        ("/t/west-midlands/local-authorities/E08000025/calendar.csv", allRoles),
        ("/t/west-midlands/organisations", ["commissioner", "finance", "viewer"]),
        ("/t/west-midlands/organisations.csv", ["commissioner", "finance", "viewer"]),
        ("/t/west-midlands/people", ["commissioner"]),
        ("/t/west-midlands/imports/people", ["commissioner"]),
        ("/t/west-midlands/audit", ["commissioner"]),
        ("/t/west-midlands/audit.csv", ["commissioner"]),
        ("/t/west-midlands/tokens", allRoles),
        ("/t/west-midlands/imports", ["commissioner"]),
        ("/t/west-midlands/imports/routes", ["commissioner"]),
        ("/t/west-midlands/imports/schools/template.csv", ["commissioner"]),
        ("/t/west-midlands/imports/calendars/template.xlsx", ["commissioner"]),
        ("/t/west-midlands/dashboard", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/dashboard/tables/ending-grants.csv", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/routes/BHM-01/funding.csv", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/map", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/map.csv", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/funding", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/funding.csv", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/funding/new", ["commissioner", "finance"]),
        ("/t/west-midlands/pledges", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/pledges.csv", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/pledges/new", ["partner"]),
        ("/t/west-midlands/inbox", allRoles),
        ("/t/west-midlands/forecasts", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/forecasts/compare", ["commissioner", "finance", "partner", "viewer"]),
        ("/t/west-midlands/forecasts/new", ["commissioner", "finance"]),
        ("/t/west-midlands/specifications", allRoles),
        ("/t/west-midlands/specifications.csv", allRoles),
        ("/t/west-midlands/specifications/new", ["commissioner"]),
        ("/t/west-midlands/contracts", ["commissioner", "finance", "provider", "viewer"]),
        ("/t/west-midlands/contracts.csv", ["commissioner", "finance", "provider", "viewer"]),
        ("/t/west-midlands/payments", ["commissioner", "finance", "provider", "viewer"]),
        ("/t/west-midlands/payments.csv", ["commissioner", "finance", "provider", "viewer"]),
        ("/t/west-midlands/returns", ["commissioner", "finance", "partner", "provider", "viewer"]),
        ("/t/west-midlands/settings", ["commissioner"]),
        ("/t/west-midlands/delivery", ["commissioner", "finance", "partner", "provider", "viewer"]),
        ("/t/west-midlands/delivery.csv", ["commissioner", "finance", "partner", "provider", "viewer"]),
    ]

    func testRoleTableBothWays() async throws {
        for (role, email) in DemoPeople.byRole {
            let browser = try await signedIn(email)
            for page in Self.pages {
                let response = try await browser.get(page.path)
                let expected: HTTPStatus = page.roles.contains(role) ? .ok : .forbidden
                XCTAssertEqual(response.status, expected, "\(role) on \(page.path)")
                if expected == .forbidden {
                    XCTAssertTrue(response.body.string.contains("You cannot see this page"), "a plain 403 page for \(role)")
                }
            }
        }
    }

    func testAnotherTenantsPagesAnswerNotFound() async throws {
        let browser = try await signedIn(DemoPeople.northmoorCommissioner)
        for path in Self.pages.map(\.path) + ["/t/no-such-tenant/routes"] {
            let response = try await browser.get(path)
            XCTAssertEqual(response.status, .notFound, path)
            XCTAssertFalse(response.body.string.contains("Erdington"), "nothing of the other tenant leaks on \(path)")
        }
        let own = try await browser.get("/t/northmoor/routes")
        XCTAssertEqual(own.status, .ok)
        XCTAssertTrue(own.body.string.contains("NMR-01"))
        XCTAssertFalse(own.body.string.contains("BHM-01"))
    }

    func testTheOperatorIsNotATenantMember() async throws {
        let browser = try await signedIn(DemoPeople.operatorEmail)
        for path in Self.pages.map(\.path) {
            let response = try await browser.get(path)
            XCTAssertEqual(response.status, .notFound, path)
        }
    }

    func testSignedOutVisitorsAreSentToSignIn() async throws {
        let response = try await browser().get("/t/west-midlands/routes/BHM-01")
        XCTAssertEqual(response.status, .seeOther)
        XCTAssertEqual(response.headers.first(name: .location), "/sign-in?next=/t/west-midlands/routes/BHM-01")
    }

    func testACouncilPartnerSeesOnlyTheirAuthoritysRoutes() async throws {
        let browser = try await signedIn(DemoPeople.birminghamPartner)
        let list = try await browser.get("/t/west-midlands/routes")
        XCTAssertTrue(list.body.string.contains("BHM-01"))
        XCTAssertFalse(list.body.string.contains("WLV-01"))
        let hidden = try await browser.get("/t/west-midlands/routes/WLV-01")
        XCTAssertEqual(hidden.status, .notFound)
        let csv = try await browser.get("/t/west-midlands/routes.csv")
        XCTAssertFalse(csv.body.string.contains("WLV-01"))
        // The police partner's organisation covers the whole tenant.
        let police = try await signedIn(DemoPeople.policePartner)
        let policeList = try await police.get("/t/west-midlands/routes")
        XCTAssertTrue(policeList.body.string.contains("WLV-01"))
    }
}
