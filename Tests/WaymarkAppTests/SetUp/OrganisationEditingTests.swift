import Fluent
import XCTVapor
@testable import WaymarkApp

final class OrganisationEditingTests: AppTestCase {
    func find(_ name: String) async throws -> Organisation? {
        try await platform { db in try await Organisation.query(on: db).filter(\.$name == name).first() }
    }

    func testACommissionerAddsAnOrganisationWithItsIdentifiers() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let answer1 = try await browser.get("/t/west-midlands/organisations")
        XCTAssertTrue(answer1.body.string.contains("Add an organisation"))
        let form = try await browser.get("/t/west-midlands/organisations/new")
        XCTAssertEqual(form.status, .ok)
        let added = try await browser.post("/t/west-midlands/organisations/new", form: [
            "name": "Aston Steps CIC", "kind": "provider", "charity_number": "1187654", "company_number": "1234567", "ukprn": "10012345",
        ])
        XCTAssertEqual(added.status, .seeOther)
        let organisation = try await find("Aston Steps CIC")
        XCTAssertEqual(organisation?.companyNumber, "01234567", "leading zeros restored")
        XCTAssertEqual(organisation?.organisationKind, .provider)
        let page = try await browser.get("/t/west-midlands/organisations/\(organisation!.id!.uuidString)")
        XCTAssertTrue(page.body.string.contains("Charity number 1187654"))
        XCTAssertTrue(page.body.string.contains("UKPRN 10012345"))
        let answer2 = try await browser.get("/t/west-midlands/audit")
        XCTAssertTrue(answer2.body.string.contains("organisation.added"))
    }

    func testEveryProblemIsNamedAtOnceAndNothingIsSaved() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let response = try await browser.post("/t/west-midlands/organisations/new", form: [
            "name": "", "kind": "emperor", "local_authority": "E08000035", "gss_code": "E0800", "charity_number": "12",
            "company_number": "ABC", "urn": "1", "ukprn": "99999999",
        ])
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        for expected in ["Enter the organisation", "Choose what kind of organisation it is", "Choose one of this partnership",
                         "is not a GSS code", "is not a charity number", "is not a company number", "is not a school URN", "is not a UKPRN"] {
            XCTAssertTrue(html.contains(expected), expected)
        }
        XCTAssertTrue(html.contains("href=\"#ukprn\""), "the error summary links to each field")
        XCTAssertTrue(html.contains("value=\"99999999\""), "what was typed is kept")
        let duplicate = try await browser.post("/t/west-midlands/organisations/new", form: [
            "name": "lanternway youth trust", "kind": "provider",
        ])
        XCTAssertTrue(duplicate.body.string.contains("Another organisation is already called lanternway youth trust"))
        let count = try await platform { db in try await Organisation.query(on: db).filter(\.$name == "").count() }
        XCTAssertEqual(count, 0)
    }

    func testEditingIsVersionedAndAudited() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let organisation = try await find("Kestrel Youth Outreach")!
        let path = "/t/west-midlands/organisations/\(organisation.id!.uuidString)"
        let form = try await browser.get("\(path)/edit")
        XCTAssertTrue(form.body.string.contains("value=\"Kestrel Youth Outreach\""))
        let saved = try await browser.post("\(path)/edit", form: [
            "name": "Kestrel Youth Outreach CIO", "kind": "provider", "charity_number": "SC012345", "version": String(organisation.version),
        ])
        XCTAssertEqual(saved.status, .seeOther)
        let answer3 = try await find("Kestrel Youth Outreach CIO")
        XCTAssertEqual(answer3?.charityNumber, "SC012345")
        let stale = try await browser.post("\(path)/edit", form: [
            "name": "Kestrel", "kind": "provider", "version": String(organisation.version),
        ])
        XCTAssertEqual(stale.status, .conflict)
        let answer4 = try await find("Kestrel")
        XCTAssertNil(answer4)
        let answer5 = try await browser.get("/t/west-midlands/audit")
        XCTAssertTrue(answer5.body.string.contains("organisation.updated"))
    }

    func testRetiringKeepsHistoryAndStopsNewWork() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let organisation = try await find("Ladypool Academy")!
        let path = "/t/west-midlands/organisations/\(organisation.id!.uuidString)"
        let retired = try await browser.post("\(path)/retire", form: ["action": "retire", "version": String(organisation.version)])
        XCTAssertEqual(retired.status, .seeOther)
        let page = try await browser.get(path)
        XCTAssertTrue(page.body.string.contains("Retired on"))
        XCTAssertTrue(page.body.string.contains("Reinstate"))
        let answer6 = try await browser.get("/t/west-midlands/organisations")
        XCTAssertTrue(answer6.body.string.contains("Retired"))
        let partner = try await signedIn("i.hussain@ladypoolacademy.example")
        let pledge = try await partner.get("/t/west-midlands/pledges/new")
        XCTAssertFalse(pledge.body.string.contains("value=\"\(organisation.id!.uuidString)\""), "a retired organisation pledges no more")
        let reinstated = try await browser.post("\(path)/retire", form: ["action": "reinstate", "version": String(organisation.version + 1)])
        XCTAssertEqual(reinstated.status, .seeOther)
        let answer7 = try await find("Ladypool Academy")
        XCTAssertNil(answer7?.retiredOn)
    }

    func testTheOrganisationHoldingTheLastCommissionersCannotBeRetired() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let organisation = try await find("West Midlands Violence Reduction Partnership")!
        let refused = try await browser.post("/t/west-midlands/organisations/\(organisation.id!.uuidString)/retire",
                                             form: ["action": "retire", "version": String(organisation.version)])
        XCTAssertEqual(refused.status, .conflict)
        XCTAssertTrue(refused.body.string.contains("holds the partnership"))
        let answer8 = try await find("West Midlands Violence Reduction Partnership")
        XCTAssertNil(answer8?.retiredOn)
    }

    func testOnlyCommissionersChangeOrganisationsAndNeverAnotherTenants() async throws {
        let organisation = try await find("Lanternway Youth Trust")!
        let path = "/t/west-midlands/organisations/\(organisation.id!.uuidString)"
        for (role, email) in DemoPeople.byRole where role != "commissioner" {
            let browser = try await signedIn(email)
            let answer9 = try await browser.get("/t/west-midlands/organisations/new")
            XCTAssertEqual(answer9.status, .forbidden, role)
            let answer10 = try await browser.post("/t/west-midlands/organisations/new", form: ["name": "X", "kind": "other"])
            XCTAssertEqual(answer10.status, .forbidden, role)
            let answer11 = try await browser.post("\(path)/edit", form: ["name": "X", "kind": "other", "version": "1"])
            XCTAssertEqual(answer11.status, .forbidden, role)
            let answer12 = try await browser.post("\(path)/retire", form: ["action": "retire", "version": "1"])
            XCTAssertEqual(answer12.status, .forbidden, role)
        }
        let northmoor = try await signedIn(DemoPeople.northmoorCommissioner)
        let answer13 = try await northmoor.get("/t/northmoor/organisations/\(organisation.id!.uuidString)/edit")
        XCTAssertEqual(answer13.status, .notFound)
        let answer14 = try await northmoor.post("/t/northmoor/organisations/\(organisation.id!.uuidString)/retire",
                                                form: ["action": "retire", "version": String(organisation.version)])
        XCTAssertEqual(answer14.status, .notFound)
        let answer15 = try await find("Lanternway Youth Trust")
        XCTAssertNil(answer15?.retiredOn)
        let answer16 = try await find("X")
        XCTAssertNil(answer16)
    }
}
