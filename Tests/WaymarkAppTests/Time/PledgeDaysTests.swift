import Fluent
import XCTVapor
@testable import WaymarkApp
@testable import WaymarkDomain

/// A pledge made by letter and decided later carries both days: imported with the day the
/// partner pledged, confirmed with the day the commissioner agreed, each counted from its day.
final class PledgeDaysTests: AppTestCase {
    func testAPledgeCountsFromTheDayItWasMadeAndIsSecuredFromTheDayItWasConfirmed() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let today = Day(app.clock.now(), in: London.timeZone)
        let pledged = today.adding(days: -60), confirmed = today.adding(days: -30)
        let file = Self.csv(["pledge_reference,organisation,programme,start_day,end_day,route_code,amount,pledged_on,note",
                             "LETTER-77,Birmingham City Council,Letter pledge,\(today.adding(days: -90).iso),\(today.adding(days: 200).iso),BHM-01,5000,\(pledged.iso),"])
        let imported = try await importFile(browser, "pledges", "pledges.csv", file)
        XCTAssertEqual(imported.status, .seeOther)
        let (pledge, sourceID) = try await platform { db -> (UUID, UUID) in
            let source = try await FundingSourceRecord.query(on: db).filter(\.$reference == "LETTER-77").first()!
            let pledge = try await Pledge.query(on: db).filter(\.$sourceID == source.id!).first()!
            return (pledge.id!, source.id!)
        }
        let path = "/t/west-midlands/pledges/\(pledge.uuidString)"
        let future = try await browser.post(path + "/confirm", form: ["decided_on": today.adding(days: 1).iso])
        XCTAssertEqual(future.status, .unprocessableEntity)
        XCTAssertTrue(future.body.string.contains("is in the future"))
        let tooEarly = try await browser.post(path + "/confirm", form: ["decided_on": pledged.adding(days: -1).iso])
        XCTAssertTrue(tooEarly.body.string.contains("is before the pledge was made on \(pledged.display)"))
        let done = try await browser.post(path + "/confirm", form: ["decided_on": confirmed.iso])
        XCTAssertEqual(done.status, .seeOther)

        let status = { (day: Day) async throws -> String in
            let page = try await browser.get("/t/west-midlands/funding/\(sourceID.uuidString)?as_of=\(day.iso)").body.string
            // The status tag beside the heading says what the source was that day.
            let heading = try page.firstMatch(of: Regex(#"<h1[^>]*>[\s\S]*?</h1>"#)).map { String(page[$0.range]) } ?? ""
            for name in ["Confirmed", "Pledged"] where heading.contains(">\(name)</strong>") { return name }
            return page.contains("had no record of this source") ? "none" : "?"
        }
        let before = try await status(pledged.adding(days: -1))
        let between = try await status(pledged.adding(days: 10))
        let after = try await status(confirmed)
        XCTAssertEqual([before, between, after], ["none", "Pledged", "Confirmed"])
    }

    func testDecliningNamesEveryProblemAtOnce() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv(["pledge_reference,organisation,programme,start_day,end_day,route_code,amount,pledged_on,note",
                             "LETTER-78,Birmingham City Council,Letter pledge,2026-09-01,2027-07-31,BHM-02,4000,,"])
        let imported = try await importFile(commissioner, "pledges", "pledges.csv", file)
        XCTAssertEqual(imported.status, .seeOther)
        let id = try await platform { db in
            let source = try await FundingSourceRecord.query(on: db).filter(\.$reference == "LETTER-78").first()!
            return try await Pledge.query(on: db).filter(\.$sourceID == source.id!).first()!.id!
        }
        let response = try await commissioner.post("/t/west-midlands/pledges/\(id.uuidString)/decline",
                                                   form: ["reason": "", "decided_on": "2099-01-01"])
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertTrue(response.body.string.contains("Enter the reason for declining"))
        XCTAssertTrue(response.body.string.contains("1 Jan 2099 is in the future"))
        let state = try await platform { db in try await Pledge.find(id, on: db)!.state }
        XCTAssertEqual(state, Pledge.State.awaitingDecision.rawValue, "nothing decided")
    }
}
