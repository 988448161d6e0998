import Fluent
import SQLKit
import XCTVapor
@testable import WaymarkApp

/// Issue 19: the audit log at scale. A page view checks only what was written since the
/// chain was last found intact; "Check the whole log now" (and `waymark audit verify`) walks all
/// of it. The log is filtered by kind of record, person and days in the database, the filters
/// kept across pages and in the CSV; each change reads field by field.
final class AuditAtScaleTests: AppTestCase {
    let path = "/t/west-midlands/audit"

    func tenantID() async throws -> UUID {
        try await platform { db in try await Tenant.query(on: db).filter(\.$slug == "west-midlands").first()!.id! }
    }

    func editRoute(_ browser: Browser, children: String) async throws {
        let fields = try await editFields("BHM-03").setting("children_per_day", children)
        let response = try await browser.post("/t/west-midlands/routes/BHM-03/edit", pairs: fields)
        XCTAssertEqual(response.status, .seeOther)
    }

    func tamper(seq: Int64, chain: String) async throws {
        try await platform { db in
            try await (db as! any SQLDatabase).update("audit_entries").set("actor_label", to: "someone else")
                .where("chain", .equal, chain).where("seq", .equal, seq).run()
        }
    }

    func testAViewChecksWhatIsNewAndCatchesANewEntryChanged() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let chain = AuditEntry.chainName(for: try await tenantID())
        _ = try await browser.get(path)
        try await editRoute(browser, children: "1001")
        let second = try await browser.get(path).body.string
        XCTAssertTrue(second.contains("the 1 written since the last check were checked"), second)
        try await editRoute(browser, children: "1002")
        let newest = try await platform { db in try await AuditEntry.query(on: db).filter(\.$chain == chain).sort(\.$seq, .descending).first()!.seq }
        try await tamper(seq: newest, chain: chain)
        let third = try await browser.get(path).body.string
        XCTAssertTrue(third.contains("Entry \(newest) fails verification"), third)
    }

    func testAnOldEntryChangedIsFoundByTheWholeCheck() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let chain = AuditEntry.chainName(for: try await tenantID())
        try await editRoute(browser, children: "1001")
        try await editRoute(browser, children: "1002")
        _ = try await browser.get(path)
        try await tamper(seq: 2, chain: chain)
        let view = try await browser.get(path).body.string
        XCTAssertFalse(view.contains("fails verification"), "a view does not walk back over what was found intact")
        let checked = try await browser.post("\(path)/verify", form: [:])
        XCTAssertEqual(checked.status, .seeOther)
        let location = try XCTUnwrap(checked.headers.first(name: .location))
        let afterResponse = try await browser.get(location)
        XCTAssertEqual(afterResponse.status, .ok, location)
        let after = afterResponse.body.string
        XCTAssertTrue(after.contains("Entry 2 fails verification"), String(after.prefix(6000)))
        XCTAssertTrue(after.contains("wm-warning-text"), "and every view says so until a whole check finds it intact")
        let later = try await browser.get(path).body.string
        XCTAssertTrue(later.contains("Entry 2 fails verification"))
        let viewer = try await signedIn(DemoPeople.viewer)
        let asViewer = try await viewer.post("\(path)/verify", form: [:])
        XCTAssertEqual(asViewer.status, .forbidden, "as the page itself: commissioners only")
    }

    /// The CSV reads the log a batch at a time and sends each as it is read: a log longer than a
    /// batch comes whole, once each, in order, filter kept, and only as far as it stood when asked.
    func testTheCSVSendsALogLongerThanABatchWholeAndInOrder() async throws {
        let tenant = try await tenantID()
        let count = CSVResponse.rowsPerChunk * 2 + 345
        try await platform { db in
            try await AuditLog.record(many: (1...count).map { .init(action: "probe.written", entity: "probe", entityID: "p\($0)") },
                                      on: db, tenantID: tenant, actor: .shell("probe"))
        }
        let browser = try await signedIn(DemoPeople.commissioner)
        let response = try await browser.get("/t/west-midlands/audit.csv?entity=probe")
        XCTAssertEqual(response.status, .ok)
        XCTAssertEqual(response.headers.first(name: .contentType), "text/csv; charset=utf-8")
        XCTAssertNil(response.headers.first(name: .contentLength), "sent in chunks as it is read, not as one whole file")
        let lines = response.body.string.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, count, "every entry, none twice")
        XCTAssertEqual(lines.map { $0.components(separatedBy: ",")[5] }, (1...count).map { "p\($0)" }, "in the order written")
        let seqs = lines.map { Int64($0.components(separatedBy: ",")[0])! }
        XCTAssertEqual(seqs, seqs.sorted())
        XCTAssertFalse(response.body.string.contains("demo.seeded"), "the filter holds in every batch")
    }

    func testTheLogIsFilteredAndPagedWithItsFiltersKept() async throws {
        let tenant = try await tenantID()
        try await platform { db in
            for index in 1...55 {
                try await AuditLog.record(on: db, tenantID: tenant, actor: .shell("probe"), action: "probe.written", entity: "probe",
                                          entityID: "p\(index)", before: ["children": index], after: ["children": index + 1])
            }
        }
        let browser = try await signedIn(DemoPeople.commissioner)
        let first = try await browser.get("\(path)?entity=probe")
        XCTAssertEqual(first.status, .ok)
        var html = first.body.string
        XCTAssertEqual(html.components(separatedBy: "<code class=\"wm-code\">probe.written</code>").count - 1, 50)
        XCTAssertFalse(html.contains("demo.seeded"), "only the kind asked for")
        XCTAssertTrue(html.contains("href=\"/t/west-midlands/audit?entity=probe&amp;page=2\""), "the next page keeps the filter")
        XCTAssertTrue(html.contains("/t/west-midlands/audit.csv?entity=probe"), "and so does the CSV")
        XCTAssertTrue(html.contains("<dt>children</dt><dd><del>55</del> → <ins>56</ins></dd>"), "the change, field by field")
        html = try await browser.get("\(path)?entity=probe&page=2").body.string
        XCTAssertEqual(html.components(separatedBy: "probe.written").count - 1, 5)
        let csv = try await browser.get("/t/west-midlands/audit.csv?entity=probe").body.string
        XCTAssertEqual(csv.split(whereSeparator: \.isNewline).count, 56, "the header and every probe entry")

        let who = try await browser.get("\(path)?who=shell:%20probe").body.string
        XCTAssertEqual(who.components(separatedBy: "probe.written").count - 1, 50)
        XCTAssertTrue(who.contains("<option value=\"shell: probe\" selected>"))
        let future = try await browser.get("\(path)?from=2199-01-01").body.string
        XCTAssertTrue(future.contains("No entries match these filters"))

        let wrong = try await browser.get("\(path)?from=yesterday&to=2020-01-01")
        XCTAssertEqual(wrong.status, .unprocessableEntity)
        XCTAssertEqual(try ErrorSummary.fields(wrong.body.string), ["from"])
        XCTAssertTrue(wrong.body.string.contains("value=\"yesterday\""), "what was typed is kept")
        let backwards = try await browser.get("\(path)?from=2024-03-02&to=2024-03-01")
        XCTAssertEqual(try ErrorSummary.fields(backwards.body.string), ["to"])
    }

    func testAChangeReadsFieldByField() {
        XCTAssertEqual(AuditChange.fields(before: #"{"name":"Jewellery Quarter","childrenPerDay":12,"closed":false}"#,
                                          after: #"{"name":"Jewellery Quarter","childrenPerDay":14,"closed":true,"note":null}"#),
                       [.init(name: "children per day", before: "12", after: "14"), .init(name: "closed", before: "no", after: "yes"),
                        .init(name: "note", before: nil, after: "—")])
        XCTAssertEqual(AuditChange.fields(before: nil, after: #"{"code":"BHM-03","schools":["A","B"]}"#),
                       [.init(name: "code", before: nil, after: "BHM-03"), .init(name: "schools", before: nil, after: #"["A","B"]"#)])
        XCTAssertEqual(AuditChange.fields(before: nil, after: nil), [])
        XCTAssertEqual(AuditChange.fields(before: #"{"a":1}"#, after: #"{"a":1}"#), [], "nothing changed, nothing listed")
        XCTAssertEqual(AuditChange.fields(before: nil, after: "\"plain text\""), [.init(name: "value", before: nil, after: "\"plain text\"")])
        XCTAssertEqual(AuditChange.readable("funding_source_id"), "funding source id")
        XCTAssertEqual(AuditChange.readable("fundingSourceID"), "funding source id")
    }
}
