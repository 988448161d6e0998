import Fluent
import XCTVapor
@testable import WaymarkApp
@testable import WaymarkDomain

/// A partnership moves its 2022–2024 history in today, through the imports only, and the
/// routes API must then answer every past day as DESIGN.md's rules do (`DesignRules`): the
/// facts count from the days they took effect, not from the day they were typed in.
final class HistoryImportTests: AppTestCase {
    let tenant = "west-yorkshire"

    func moveIn() async throws -> Browser {
        let browser = try await newTenant(slug: tenant)
        let files: [(String, [String])] = [
            ("localAuthorities", HistoryCase.authoritiesCSV), ("calendars", HistoryCase.calendarsCSV),
            ("routes", HistoryCase.routesCSV), ("routes", HistoryCase.costChangeCSV),
            ("organisations", HistoryCase.organisationsCSV), ("fundingSources", HistoryCase.sourcesCSV),
            ("allocations", HistoryCase.allocationsCSV),
        ]
        for (kind, lines) in files {
            let checked = try await check(browser, kind, "\(kind).csv", Self.csv(lines), tenant: tenant)
            if checked.status != .ok {
                // The problems the page lists, without its markup, so a failure says what is wrong.
                let text = checked.body.string.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                let problems = text.range(of: "Row").map { String(text[$0.lowerBound...].prefix(2_000)) } ?? ""
                XCTFail("\(kind): \(problems.split(whereSeparator: \.isWhitespace).joined(separator: " "))")
            }
            let response = try await importFile(browser, kind, "\(kind).csv", Self.csv(lines), tenant: tenant)
            XCTAssertEqual(response.status, .seeOther, "\(kind): \(response.body.string.prefix(4000))")
        }
        return browser
    }

    struct RoutesBody: Decodable {
        struct Route: Decodable { let code: String; let fundingStatus: String?; let fundedUntil: String?; let fundedUntilProjected: String? }
        let asOf: String
        let routes: [Route]
    }

    func answers(_ browser: Browser, _ query: String) async throws -> [String: DesignRules.Answer] {
        let response = try await browser.get("/api/v1/t/\(tenant)/routes?\(query)")
        XCTAssertEqual(response.status, .ok, query)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let body = try decoder.decode(RoutesBody.self, from: Data(response.body.readableBytesView))
        return Dictionary(uniqueKeysWithValues: body.routes.map { route in
            (route.code, DesignRules.Answer(secured: route.fundedUntil.flatMap(Day.init(iso:)),
                                            projected: route.fundedUntilProjected.flatMap(Day.init(iso:)),
                                            status: route.fundingStatus ?? "none"))
        })
    }

    func testHistoryImportedTodayAnswersEveryPastDayByTheDesignRules() async throws {
        let browser = try await moveIn()
        var day = Day(2022, 8, 1), checked = 0
        var statusesSeen: Set<String> = []
        while day <= Day(2024, 1, 31) {
            let got = try await answers(browser, "as_of=\(day.iso)")
            for code in ["LDS-A", "LDS-B", "WKF-A"] {
                let expected = HistoryCase.rules.answer(code, asOf: day)
                XCTAssertEqual(got[code], expected, "\(code) as of \(day.iso)")
                statusesSeen.insert(expected.status)
                checked += 1
            }
            day = day.adding(days: 17)
        }
        XCTAssertGreaterThan(checked, 90)
        XCTAssertEqual(statusesSeen, ["unfunded", "atRisk", "watch", "secure"], "the case exercises every status")
    }

    func testAsRecordedShowsWhatWaymarkHadBeenToldNotTheBackDatedHistory() async throws {
        let browser = try await moveIn()
        let asOf = try await answers(browser, "as_of=2022-11-15")
        XCTAssertEqual(asOf["LDS-A"], HistoryCase.rules.answer("LDS-A", asOf: Day(2022, 11, 15)))
        XCTAssertNotNil(asOf["LDS-A"]?.secured, "as of then, the Home Office money was confirmed")
        // Waymark was told about all of it today: on 15 Nov 2022 it knew of no money at all.
        let recorded = try await answers(browser, "as_recorded=2022-11-15")
        for code in ["LDS-A", "LDS-B", "WKF-A"] { XCTAssertEqual(recorded[code]?.status, "unfunded", code) }
        let bad = try await browser.get("/api/v1/t/\(tenant)/routes?as_recorded=yesterday")
        XCTAssertEqual(bad.status, .badRequest)
    }

    func testTheSourcePageShowsEachStepOnItsDayAndWhenItWasRecorded() async throws {
        let browser = try await moveIn()
        let id = try await platform { db in try await FundingSourceRecord.query(on: db).filter(\.$reference == "YEF-1").first()!.id! }
        let page = try await browser.get("/t/\(tenant)/funding/\(id.uuidString)").body.string
        for expected in ["1 Dec 2022", "15 Feb 2023", "10 May 2023", "2 Oct 2023", "Withdrawn"] {
            XCTAssertTrue(page.contains(expected), expected)
        }
        let before = try await browser.get("/t/\(tenant)/funding/\(id.uuidString)?as_of=2023-02-14").body.string
        XCTAssertTrue(before.contains("Prospective"), "as of 14 Feb 2023 it was still prospective")
    }
}
