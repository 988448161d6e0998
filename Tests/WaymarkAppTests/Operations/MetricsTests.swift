import XCTVapor
@testable import WaymarkApp

/// Issue 19: what operators watch. `/metrics` only for the holder of the token, in Prometheus's
/// format, with each route's requests by pattern and Waymark's own counts; `/readyz` for a load
/// balancer.
final class MetricsTests: AppTestCase {
    func useMetricsToken(_ token: String?) {
        var config = app.waymark
        config.metricsToken = token
        app.waymark = config
    }

    func metrics(_ token: String = "metrics-test-token") async throws -> String {
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        let response = try await app.testable().sendRequest(.GET, "/metrics", headers: headers)
        XCTAssertEqual(response.status, .ok)
        XCTAssertEqual(response.headers.contentType?.description.hasPrefix("text/plain"), true)
        return response.body.string
    }

    /// The value of one series (name and exact labels) in Prometheus text, 0 when absent.
    func value(_ text: String, _ series: String) -> Double {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.split(separator: " ").last!) } ?? 0
    }

    func testMetricsExistOnlyForTheTokensHolder() async throws {
        useMetricsToken(nil)
        let hidden = try await app.testable().sendRequest(.GET, "/metrics")
        XCTAssertEqual(hidden.status, .notFound, "no token set: no metrics")
        useMetricsToken("metrics-test-token")
        let anonymous = try await app.testable().sendRequest(.GET, "/metrics")
        XCTAssertEqual(anonymous.status, .unauthorized)
        var wrong = HTTPHeaders()
        wrong.bearerAuthorization = .init(token: "metrics-test-tokeN")
        let refused = try await app.testable().sendRequest(.GET, "/metrics", headers: wrong)
        XCTAssertEqual(refused.status, .unauthorized)
        let member = try await signedIn(DemoPeople.commissioner)
        let asMember = try await member.get("/metrics")
        XCTAssertEqual(asMember.status, .unauthorized, "a session is not the token")
    }

    func testRequestsAndSignInFailuresAreCounted() async throws {
        useMetricsToken("metrics-test-token")
        let before = try await metrics()
        let failures = value(before, "waymark_sign_in_failures_total")
        let browser = Browser(app: app)
        _ = try await browser.get("/sign-in")
        let wrong = try await browser.post("/sign-in", form: ["email": DemoPeople.viewer, "password": "not the password"])
        XCTAssertEqual(wrong.status, .unauthorized)
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await commissioner.get("/t/west-midlands/routes")
        let after = try await metrics()
        XCTAssertEqual(value(after, "waymark_sign_in_failures_total"), failures + 1)
        XCTAssertTrue(after.contains("http_requests_total{"), "Vapor's request counts")
        XCTAssertTrue(after.contains("path=\"/t/:tenant/routes\""), "by route pattern, never by tenant or id:\n\(after.prefix(3000))")
        XCTAssertFalse(after.contains("west-midlands"), "no tenant's name in a label")
    }

    func testReadyWhenTheDatabaseAnswersAndEveryMigrationIsApplied() async throws {
        let ready = try await app.testable().sendRequest(.GET, "/readyz")
        XCTAssertEqual(ready.status, .ok)
        XCTAssertTrue(ready.body.string.contains("\"migrations\":\"ok\""), ready.body.string)
        let live = try await app.testable().sendRequest(.GET, "/healthz")
        XCTAssertEqual(live.status, .ok)
    }

    func testImportsAreCountedByKindAndStep() async throws {
        useMetricsToken("metrics-test-token")
        let series = "waymark_imports_refused_total{kind=\"routes\",step=\"check\"}"
        let rows = "waymark_import_rows_total{kind=\"routes\",step=\"check\"}"
        let before = try await metrics()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let refused = try await check(commissioner, "routes", "routes.csv", Self.csv(["code,name,local_authority,children_per_day", "BAD CODE!,,nowhere,lots", "ALSO BAD!,,nowhere,-1"]))
        XCTAssertEqual(refused.status, .unprocessableEntity)
        let after = try await metrics()
        XCTAssertEqual(value(after, series), value(before, series) + 1)
        XCTAssertEqual(value(after, rows), value(before, rows) + 2)
    }

    func testJobsAndTheDatabasePoolAreReadAtEachScrape() async throws {
        useMetricsToken("metrics-test-token")
        try await platform { db in try await JobQueue.add(.dailyAlerts, tenantID: nil, subject: "2026-07-01", on: db) }
        let text = try await metrics()
        XCTAssertEqual(value(text, #"waymark_jobs{kind="daily_alerts",state="waiting"}"#), 1, String(text.prefix(4000)))
        XCTAssertEqual(value(text, #"waymark_jobs{kind="forecast",state="failed"}"#), 0)
        XCTAssertGreaterThan(value(text, "waymark_database_pool_size"), 0)
        if app.waymark.isPostgres {
            XCTAssertGreaterThan(value(text, #"waymark_database_connections{state="active"}"#), 0, "the scrape's own query at least")
        }
    }
}
