import XCTVapor
@testable import WaymarkApp

extension AppTestCase {
    /// Signs in, creates a personal API token on the tenant's tokens page as a person would,
    /// and returns it (the page shows it once).
    func apiToken(as email: String, tenant: String = "west-midlands") async throws -> String {
        let browser = try await signedIn(email)
        let page = try await browser.post("/t/\(tenant)/tokens", form: ["name": "API tests"])
        let html = page.body.string
        guard let start = html.range(of: "id=\"new-token\">")?.upperBound, let end = html[start...].firstIndex(of: "<") else {
            throw TestFailure("the new token is shown once on the page")
        }
        return String(html[start..<end])
    }
}
