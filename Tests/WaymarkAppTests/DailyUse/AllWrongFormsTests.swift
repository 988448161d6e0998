import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Issue 17: each of these forms, sent with every field wrong, names every field in one answer,
/// in the order the fields stand on the page. (Forms needing a workflow first have theirs in
/// `EveryProblemAtOnceTests` and beside their own tests.)
final class AllWrongFormsTests: AppTestCase {
    /// Posts `form` to `path` (after reading the page, for its CSRF token) and checks the error
    /// summary names exactly `expected`, in that order, and that the order is the page's.
    func assertEveryProblem(_ browser: Browser, _ path: String, _ form: [String: String], expected: [String],
                            file: StaticString = #filePath, line: UInt = #line) async throws {
        let response = try await browser.post(path, form: form)
        XCTAssertEqual(response.status, .unprocessableEntity, path, file: file, line: line)
        let html = response.body.string
        let named = try ErrorSummary.fields(html)
        XCTAssertEqual(named, expected, path, file: file, line: line)
        XCTAssertEqual(try ErrorSummary.pageOrder(of: named, in: html), named, "\(path): the summary follows the page", file: file, line: line)
    }

    func testTheSetUpFormsNameEveryFieldAtOnce() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await commissioner.get(SiteMap.Tenant.routeNew.path(Self.slug))
        try await assertEveryProblem(commissioner, SiteMap.Tenant.routeNew.path(Self.slug), [
            "code": "", "name": "", "local_authority": "", "area": "", "children_per_day": "-3", "status": "bogus",
            "start_day": "x", "end_day": "y"],
            expected: ["code", "name", "local_authority", "children_per_day", "status", "start_day", "end_day", "path",
                       "cost_from", "chaperones", "minutes_per_day", "hourly_rate"])
        try await assertEveryProblem(commissioner, SiteMap.Tenant.organisationNew.path(Self.slug), [
            "name": "", "kind": "", "gss_code": "zzz", "charity_number": "12", "company_number": "x", "urn": "abc", "ukprn": "1"],
            expected: ["name", "kind", "gss_code", "charity_number", "company_number", "urn", "ukprn"])
        let settings = try await commissioner.get(SiteMap.Tenant.settings.path(Self.slug)).body.string
        try await assertEveryProblem(commissioner, SiteMap.Tenant.settings.path(Self.slug), [
            "at_risk_window_days": "-1", "watch_window_days": "x", "return_due_working_day": "99", "org_id": "XX-1",
            "grant_prefix": "bad prefix!", "ocds_prefix": "ocds-1", "payment_threshold": "lots", "version": try versionField(settings)],
            expected: ["at_risk_window_days", "watch_window_days", "return_due_working_day", "org_id", "grant_prefix", "ocds_prefix",
                       "payment_threshold"])
        _ = try await commissioner.get(SiteMap.Tenant.tokens.path(Self.slug))
        try await assertEveryProblem(commissioner, SiteMap.Tenant.tokens.path(Self.slug), ["name": String(repeating: "t", count: 81)],
                                     expected: ["name"])
    }

    func testTheForecastFormsNameEveryFieldAtOnce() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await commissioner.get(SiteMap.Tenant.forecastNew.path(Self.slug))
        try await assertEveryProblem(commissioner, SiteMap.Tenant.forecastNew.path(Self.slug), [
            "name": "", "description": "", "as_of": "x", "horizon_months": "999", "p_prospective": "150", "p_pledged": "x",
            "p_confirmed": "", "p_received": "-1", "renewal": "renew", "renewal_probability": "x", "renewal_factor_low": "90",
            "renewal_factor_high": "80", "renewal_delay_days": "-5", "inflation_low": "x", "inflation_high": "200",
            "samples": "0", "seed": "x"],
            expected: ["name", "as_of", "horizon_months", "p_prospective", "p_pledged", "p_confirmed", "p_received",
                       "renewal_probability", "renewal_factor_high", "renewal_delay_days", "inflation_low", "inflation_high",
                       "samples", "seed"])

        let scenario = try await platform { db in try await ForecastScenarioRecord.query(on: db).first() }
        let record = try XCTUnwrap(scenario, "the demo has a scenario")
        let openRoute = SiteMap.Tenant.forecastChangeNew.path(Self.slug, record.id!.uuidString, "open-route")
        let form = try await commissioner.get(openRoute).body.string
        try await assertEveryProblem(commissioner, openRoute, [
            "code": "", "name": "", "authority": "", "children": "lots", "daily_cost": "free", "from": "someday", "closes": "",
            "version": try versionField(form)],
            expected: try ErrorSummary.pageOrder(of: ["code", "authority", "children", "daily_cost", "from"], in: form))
    }

    func testTheAccountFormsNameEveryFieldAtOnce() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        _ = try await commissioner.get(SiteMap.changePassword.path())
        try await assertEveryProblem(commissioner, SiteMap.changePassword.path(), [
            "current_password": "", "new_password": "short", "confirm_password": "other"],
            expected: ["current_password", "new_password", "confirm_password"])
        _ = try await commissioner.get(SiteMap.feedback.path())
        try await assertEveryProblem(commissioner, SiteMap.feedback.path(), ["message": "", "from": ""], expected: ["message"])
    }
}

/// Reading the error summary of a page, as a person following its links would.
enum ErrorSummary {
    /// The fields the summary links to, in its order.
    static func fields(_ html: String) throws -> [String] {
        guard let start = html.range(of: "wm-error-summary__list"),
              let end = html.range(of: "</ul>", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound].matches(of: try Regex(##"<a href="#([^"]+)">"##)).map { String($0.output[1].substring!) }
    }

    /// `fields` sorted by where the element each links to stands in the page; a field with no
    /// element on the page sorts last, so the comparison fails.
    static func pageOrder(of fields: [String], in html: String) throws -> [String] {
        let body = html.range(of: "</ul>", range: (html.range(of: "wm-error-summary__list")?.upperBound ?? html.startIndex)..<html.endIndex)?.upperBound
            ?? html.startIndex
        func position(_ field: String) -> String.Index {
            html.range(of: "id=\"\(field)\"", range: body..<html.endIndex)?.lowerBound ?? html.endIndex
        }
        return fields.enumerated().sorted { (position($0.element), $0.offset) < (position($1.element), $1.offset) }.map(\.element)
    }
}
