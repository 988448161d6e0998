import Foundation
import XCTVapor
@testable import WaymarkApp

extension AppTestCase {
    static let fixtures = URL(fileURLWithPath: TestApp.repositoryRoot).appendingPathComponent("Tests/Fixtures/imports")

    func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: Self.fixtures.appendingPathComponent(name))
    }

    /// Uploads a file to be checked; nothing is saved yet.
    func check(_ browser: Browser, _ kind: String, _ filename: String, _ data: Data,
               tenant: String = "west-midlands") async throws -> XCTHTTPResponse {
        try await browser.get("/t/\(tenant)/imports/\(kind)")
        return try await browser.postMultipart("/t/\(tenant)/imports/\(kind)", fields: ["action": "check"],
                                               file: (name: "file", filename: filename, data: data))
    }

    /// Checks a file, then presses the confirm button the check page shows.
    func importFile(_ browser: Browser, _ kind: String, _ filename: String, _ data: Data,
                    tenant: String = "west-midlands") async throws -> XCTHTTPResponse {
        let checked = try await check(browser, kind, filename, data, tenant: tenant)
        XCTAssertEqual(checked.status, .ok, checked.body.string.prefix(3000).description)
        guard let payload = Self.hiddenValue("payload", in: checked.body.string) else {
            XCTFail("the check page has no confirm form")
            return checked
        }
        return try await browser.post("/t/\(tenant)/imports/\(kind)",
                                      form: ["action": "import", "filename": filename, "payload": payload])
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let start = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end]).replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&#x3D;", with: "=")
            .replacingOccurrences(of: "&#43;", with: "+").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func csv(_ lines: [String]) -> Data { Data(lines.joined(separator: "\r\n").utf8) }
}
