import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp

/// How much funding the tenant database holds: a rejected import must leave every count as it was.
struct FundingCounts: Equatable, Sendable {
    let sources: Int, statusChanges: Int, allocations: Int, pledges: Int
}

extension AppTestCase {
    func fundingCounts() async throws -> FundingCounts {
        try await platform { db in
            FundingCounts(sources: try await FundingSourceRecord.query(on: db).count(),
                          statusChanges: try await FundingStatusChange.query(on: db).count(),
                          allocations: try await AllocationRecord.query(on: db).count(),
                          pledges: try await Pledge.query(on: db).count())
        }
    }

    /// Checks a file that must be refused, and that it names each expected text and changed nothing.
    @discardableResult
    func assertRefused(_ browser: Browser, _ kind: String, _ file: Data, naming expected: [String],
                       file path: StaticString = #filePath, line: UInt = #line) async throws -> String {
        let before = try await fundingCounts()
        let response = try await check(browser, kind, "\(kind).csv", file)
        XCTAssertEqual(response.status, .unprocessableEntity, file: path, line: line)
        let html = response.body.string.replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        XCTAssertTrue(html.contains("Nothing was imported"), file: path, line: line)
        for text in expected { XCTAssertTrue(html.contains(text), "the problems name \(text)", file: path, line: line) }
        // Confirming the same bytes is checked again and refused whole too.
        let forced = try await browser.post("/t/west-midlands/imports/\(kind)",
                                            form: ["action": "import", "filename": "\(kind).csv", "payload": file.base64EncodedString()])
        XCTAssertEqual(forced.status, .unprocessableEntity, file: path, line: line)
        let after = try await fundingCounts()
        XCTAssertEqual(after, before, "a refused file changes nothing", file: path, line: line)
        return html
    }

    /// Only commissioners import this kind, and never into another tenant.
    func assertOnlyCommissionersImport(_ kind: String, _ file: Data) async throws {
        let provider = try await signedIn(DemoPeople.provider)
        try await provider.get("/t/west-midlands")
        let refused = try await provider.postMultipart("/t/west-midlands/imports/\(kind)", fields: ["action": "check"],
                                                       file: (name: "file", filename: "f.csv", data: file))
        XCTAssertEqual(refused.status, .forbidden)
        let finance = try await signedIn(DemoPeople.finance)
        let page = try await finance.get("/t/west-midlands/imports/\(kind)")
        XCTAssertEqual(page.status, .forbidden, "finance records sources by hand but does not bulk-import")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        try await commissioner.get("/t/west-midlands")
        let elsewhere = try await commissioner.postMultipart("/t/northmoor/imports/\(kind)", fields: ["action": "check"],
                                                             file: (name: "file", filename: "f.csv", data: file))
        XCTAssertEqual(elsewhere.status, .notFound)
        let template = try await commissioner.get("/t/northmoor/imports/\(kind)/template.xlsx")
        XCTAssertEqual(template.status, .notFound)
    }
}
