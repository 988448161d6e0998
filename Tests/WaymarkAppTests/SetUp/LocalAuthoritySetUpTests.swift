import Fluent
import XCTVapor
@testable import WaymarkApp

final class LocalAuthoritySetUpTests: AppTestCase {
    let base = "/t/west-yorkshire/local-authorities"

    func testACommissionerFindsAuthoritiesInTheRegisterAndAddsThem() async throws {
        let browser = try await newTenant()
        let empty = try await browser.get(base)
        XCTAssertTrue(empty.body.string.contains("There are no local authorities yet"))
        let found = try await browser.get("\(base)/add?q=leeds")
        XCTAssertEqual(found.status, .ok)
        XCTAssertTrue(found.body.string.contains("E08000035"))
        XCTAssertTrue(found.body.string.contains("GB-LAE-LDS"))
        let added = try await browser.post("\(base)/add", form: ["gss": "E08000035", "q": "leeds"])
        XCTAssertEqual(added.status, .seeOther)
        let page = try await browser.get("\(base)/E08000035")
        XCTAssertTrue(page.body.string.contains("<h1 class=\"wm-heading-l\">Leeds</h1>"))
        XCTAssertTrue(page.body.string.contains("Nothing uses it yet, so it can be removed"))
        let again = try await browser.get("\(base)/add?q=E08000035")
        XCTAssertTrue(again.body.string.contains("Added"), "an authority already added is marked, not offered")
        let twice = try await browser.post("\(base)/add", form: ["gss": "E08000035"])
        XCTAssertEqual(twice.status, .unprocessableEntity)
        XCTAssertTrue(twice.body.string.contains("Leeds is already one of this partnership"))
    }

    func testNoFreeTypingOfCodes() async throws {
        let browser = try await newTenant()
        for code in ["E08999999", "", "Leeds", "<script>"] {
            let response = try await browser.post("\(base)/add", form: ["gss": code])
            XCTAssertEqual(response.status, .unprocessableEntity, code)
            XCTAssertTrue(response.body.string.contains("Choose a local authority from the register"))
        }
        let count = try await platform { db in try await LocalAuthority.query(on: db).filter(\.$gssCode == "E08999999").count() }
        XCTAssertEqual(count, 0)
    }

    func testAreasAreAddedAndRenamedWithEveryProblemNamed() async throws {
        let browser = try await newTenant()
        _ = try await browser.post("\(base)/add", form: ["gss": "E08000032"])
        let answer1 = try await browser.post("\(base)/E08000032/areas", form: ["name": "Manningham"])
        XCTAssertEqual(answer1.status, .seeOther)
        let blank = try await browser.post("\(base)/E08000032/areas", form: ["name": "  "])
        XCTAssertEqual(blank.status, .unprocessableEntity)
        XCTAssertTrue(blank.body.string.contains("Enter the area&#39;s name") || blank.body.string.contains("Enter the area's name"))
        let duplicate = try await browser.post("\(base)/E08000032/areas", form: ["name": "manningham"])
        XCTAssertTrue(duplicate.body.string.contains("There is already an area called manningham"))
        XCTAssertTrue(duplicate.body.string.contains("value=\"manningham\""), "what was typed is kept")
        let area = try await platform { db in try await Area.query(on: db).filter(\.$name == "Manningham").first()! }
        let renamed = try await browser.post("\(base)/E08000032/areas/\(area.id!.uuidString)", form: ["name": "Manningham and Girlington"])
        XCTAssertEqual(renamed.status, .seeOther)
        let page = try await browser.get("\(base)/E08000032")
        XCTAssertTrue(page.body.string.contains("value=\"Manningham and Girlington\""))
        let audit = try await browser.get("/t/west-yorkshire/audit")
        XCTAssertTrue(audit.body.string.contains("area.renamed"))
    }

    func testRemovalIsRefusedWithTheReasonWhileAnythingUsesIt() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let page = try await browser.get("/t/west-midlands/local-authorities/E08000025")
        XCTAssertTrue(page.body.string.contains("It cannot be removed while"))
        XCTAssertTrue(page.body.string.contains("a term calendar is assigned to it"))
        let refused = try await browser.post("/t/west-midlands/local-authorities/E08000025/remove", form: [:])
        XCTAssertEqual(refused.status, .conflict)
        XCTAssertTrue(refused.body.string.contains("Birmingham cannot be removed while"))
        XCTAssertTrue(refused.body.string.contains("routes run in it"))
        let still = try await platform { db in try await LocalAuthority.query(on: db).filter(\.$gssCode == "E08000025").count() }
        XCTAssertEqual(still, 1, "nothing was removed")
    }

    func testAnUnusedAuthorityIsRemovedAndAudited() async throws {
        let browser = try await newTenant()
        _ = try await browser.post("\(base)/add", form: ["gss": "E08000036"])
        _ = try await browser.post("\(base)/E08000036/areas", form: ["name": "Castleford"])
        let removed = try await browser.post("\(base)/E08000036/remove", form: [:])
        XCTAssertEqual(removed.status, .seeOther)
        let answer2 = try await browser.get("\(base)/E08000036")
        XCTAssertEqual(answer2.status, .notFound)
        let areas = try await platform { db in try await Area.query(on: db).filter(\.$name == "Castleford").count() }
        XCTAssertEqual(areas, 0)
        let answer3 = try await browser.get("/t/west-yorkshire/audit")
        XCTAssertTrue(answer3.body.string.contains("local_authority.removed"))
    }

    func testACalendarIsChosenAndAStaleFormRefused() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let path = "/t/west-midlands/local-authorities/E08000031"
        let (calendar, version) = try await platform { db -> (UUID, Int) in
            let birmingham = try await TermCalendarRecord.query(on: db).filter(\.$name == "West Midlands standard term dates").first()!
            let wolverhampton = try await LocalAuthority.query(on: db).filter(\.$gssCode == "E08000031").first()!
            return (birmingham.id!, wolverhampton.version)
        }
        let chosen = try await browser.post("\(path)/calendar", form: ["calendar": calendar.uuidString, "version": String(version)])
        XCTAssertEqual(chosen.status, .seeOther)
        let answer4 = try await browser.get(path)
        XCTAssertTrue(answer4.body.string.contains("Term calendar: <strong>West Midlands standard term dates</strong>"))
        let stale = try await browser.post("\(path)/calendar", form: ["calendar": "", "version": String(version)])
        XCTAssertEqual(stale.status, .conflict)
        let unknown = try await browser.post("\(path)/calendar", form: ["calendar": UUID().uuidString, "version": String(version + 1)])
        XCTAssertEqual(unknown.status, .unprocessableEntity)
        XCTAssertTrue(unknown.body.string.contains("Choose one of this partnership"))
    }

    func testOnlyCommissionersSetUpAndNeverInAnotherTenant() async throws {
        for (role, email) in DemoPeople.byRole where role != "commissioner" {
            let browser = try await signedIn(email)
            let answer5 = try await browser.get("/t/west-midlands/local-authorities/add?q=leeds")
            XCTAssertEqual(answer5.status, .forbidden, role)
            let answer6 = try await browser.post("/t/west-midlands/local-authorities/add", form: ["gss": "E08000035"])
            XCTAssertEqual(answer6.status, .forbidden, role)
            let answer7 = try await browser.post("/t/west-midlands/local-authorities/E08000031/remove", form: [:])
            XCTAssertEqual(answer7.status, .forbidden, role)
            let answer8 = try await browser.get("/t/west-midlands/local-authorities/E08000031")
            XCTAssertFalse(answer8.body.string.contains("Remove this local authority"), role)
        }
        let northmoor = try await signedIn(DemoPeople.northmoorCommissioner)
        let answer9 = try await northmoor.post("/t/west-midlands/local-authorities/add", form: ["gss": "E08000035"])
        XCTAssertEqual(answer9.status, .notFound)
        let answer10 = try await northmoor.post("/t/west-midlands/local-authorities/E08000031/calendar", form: ["calendar": "", "version": "1"])
        XCTAssertEqual(answer10.status, .notFound)
        let leeds = try await platform { db in try await LocalAuthority.query(on: db).filter(\.$gssCode == "E08000035").count() }
        XCTAssertEqual(leeds, 0)
    }
}
