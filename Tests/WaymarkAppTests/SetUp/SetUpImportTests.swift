import Fluent
import XCTVapor
@testable import WaymarkApp

final class SetUpImportTests: AppTestCase {
    func testLocalAuthoritiesImportByCodeFromTheRegister() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv(["gss_code,calendar", "E08000035,", "e08000032,West Midlands standard term dates", "E08000031,"])
        let applied = try await importFile(browser, "localAuthorities", "authorities.csv", file)
        XCTAssertEqual(applied.status, .seeOther)
        let (leeds, bradford) = try await platform { db -> (LocalAuthority?, LocalAuthority?) in
            (try await LocalAuthority.query(on: db).filter(\.$gssCode == "E08000035").first(),
             try await LocalAuthority.query(on: db).filter(\.$gssCode == "E08000032").first())
        }
        XCTAssertEqual(leeds?.name, "Leeds", "the register's official name")
        XCTAssertNotNil(bradford?.calendarID)
        let answer1 = try await browser.get("/t/west-midlands/audit")
        XCTAssertTrue(answer1.body.string.contains("local_authority.imported"))
    }

    func testABadLocalAuthoritiesFileNamesEveryRowAndSavesNothing() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv(["gss_code,calendar", "E08999999,", "E08000035,", "E08000035,", ",West Midlands standard term dates", "E08000036,No such calendar"])
        let checked = try await check(browser, "localAuthorities", "bad.csv", file)
        XCTAssertEqual(checked.status, .unprocessableEntity)
        let html = checked.body.string
        XCTAssertTrue(html.contains("&#39;E08999999&#39; is not in the register") || html.contains("'E08999999' is not in the register"))
        XCTAssertTrue(html.contains("Leeds is also on row 3"))
        XCTAssertTrue(html.contains("Enter a value"))
        XCTAssertTrue(html.contains("There is no term calendar called"))
        let count = try await platform { db in try await LocalAuthority.query(on: db).filter(\.$gssCode ~~ ["E08000035", "E08000036"]).count() }
        XCTAssertEqual(count, 0)
    }

    func testOrganisationsImportAddsAndUpdatesByName() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv([
            "name,kind,local_authority,gss_code,charity_number,company_number,urn,ukprn",
            "Aston Steps CIC,provider,,,,12345678,,",
            "Kestrel Youth Outreach,,,,1101234,,,",
            "Balsall Heath Primary,school,Birmingham,,,,103456,",
        ])
        let applied = try await importFile(browser, "organisations", "organisations.csv", file)
        XCTAssertEqual(applied.status, .seeOther)
        let (aston, kestrel, school) = try await platform { db -> (Organisation?, Organisation?, Organisation?) in
            (try await Organisation.query(on: db).filter(\.$name == "Aston Steps CIC").first(),
             try await Organisation.query(on: db).filter(\.$name == "Kestrel Youth Outreach").first(),
             try await Organisation.query(on: db).filter(\.$name == "Balsall Heath Primary").first())
        }
        XCTAssertEqual(aston?.companyNumber, "12345678")
        XCTAssertEqual(kestrel?.charityNumber, "1101234")
        XCTAssertEqual(kestrel?.organisationKind, .provider, "a blank kind keeps what Waymark holds")
        XCTAssertEqual(school?.urn, "103456")
        XCTAssertNotNil(school?.localAuthorityID)
    }

    func testABadOrganisationsFileNamesEveryRowAndColumn() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let file = Self.csv([
            "name,kind,local_authority,gss_code,charity_number,company_number,urn,ukprn",
            "New Trust,,,,,,,",
            "Other Trust,wizard,Leeds,,12,,,",
            "Other Trust,provider,,,,,,",
            "Third Trust,provider,,,1101234,,,",
            "Fourth Trust,provider,,,1101234,,,",
        ])
        let checked = try await check(browser, "organisations", "bad.csv", file)
        XCTAssertEqual(checked.status, .unprocessableEntity)
        let html = checked.body.string.replacingOccurrences(of: "&#39;", with: "'")
        XCTAssertTrue(html.contains("Enter the kind of a new organisation"))
        XCTAssertTrue(html.contains("'wizard' is not one of"))
        XCTAssertTrue(html.contains("Choose one of this partnership"))
        XCTAssertTrue(html.contains("'12' is not a charity number"))
        XCTAssertTrue(html.contains("Other Trust is also on row 3"))
        XCTAssertTrue(html.contains("Third Trust already has the charity number 1101234"), "earlier rows of the file count")
        let count = try await platform { db in try await Organisation.query(on: db).filter(\.$name ~~ ["New Trust", "Third Trust"]).count() }
        XCTAssertEqual(count, 0)
    }
}
