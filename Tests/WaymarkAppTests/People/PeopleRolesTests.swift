import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The people page: commissioners grant and remove roles; the last commissioner stays.
final class PeopleRolesTests: AppTestCase {
    func membership(_ email: String, role: Role) async throws -> Membership {
        try await platform { db in
            let person = try await Person.query(on: db).filter(\.$email == email).first()!
            return try await Membership.query(on: db).filter(\.$personID == person.id!).filter(\.$role == role.rawValue).first()!
        }
    }

    func personID(_ email: String) async throws -> UUID {
        try await platform { db in try await Person.query(on: db).filter(\.$email == email).first()!.id! }
    }

    func orgID(_ name: String) async throws -> UUID {
        try await platform { db in try await Organisation.query(on: db).filter(\.$name == name).first()!.id! }
    }

    func auditCount() async throws -> Int {
        try await platform { db in
            try await AuditEntry.query(on: db).filter(\.$action ~~ ["membership.added", "membership.removed"]).count()
        }
    }

    func testTheLastCommissionerCannotBeRemovedUntilAnotherIsGranted() async throws {
        let entriesBefore = try await auditCount()
        let browser = try await signedIn(DemoPeople.commissioner)
        let page = try await browser.get("/t/west-midlands/people")
        XCTAssertEqual(page.status, .ok)
        XCTAssertTrue(page.body.string.contains("Amara Okafor") && page.body.string.contains(DemoPeople.viewer))
        let amara = try await membership(DemoPeople.commissioner, role: .commissioner)
        let refused = try await browser.post("/t/west-midlands/memberships/\(amara.id!.uuidString)/remove", form: [:])
        XCTAssertEqual(refused.status, .conflict)
        XCTAssertTrue(refused.body.string.contains("last commissioner"))
        let stillThere = try await platform { db in try await Membership.find(amara.id, on: db) }?.id
        XCTAssertEqual(stillThere, amara.id, "nothing removed")

        let priya = try await personID(DemoPeople.assessor)
        let vrp = try await orgID("West Midlands Violence Reduction Partnership")
        let granted = try await browser.post("/t/west-midlands/people/\(priya.uuidString)/roles",
                                             form: ["organisation": vrp.uuidString, "role": "commissioner"])
        XCTAssertEqual(granted.status, .seeOther)
        let again = try await browser.post("/t/west-midlands/people/\(priya.uuidString)/roles",
                                           form: ["organisation": vrp.uuidString, "role": "commissioner"])
        XCTAssertEqual(again.status, .unprocessableEntity)
        XCTAssertTrue(again.body.string.contains("already has that role"))
        let removed = try await browser.post("/t/west-midlands/memberships/\(amara.id!.uuidString)/remove", form: [:])
        XCTAssertEqual(removed.status, .seeOther)
        let after = try await browser.get("/t/west-midlands/people").status
        XCTAssertTrue([HTTPStatus.forbidden, .notFound].contains(after), "Amara is no longer a commissioner: \(after)")
        let priyaNow = try await signedIn(DemoPeople.assessor)
        let priyaPeople = try await priyaNow.get("/t/west-midlands/people").status
        XCTAssertEqual(priyaPeople, .ok)
        let entriesAfter = try await auditCount()
        XCTAssertEqual(entriesAfter - entriesBefore, 2, "one grant and one removal, each audited")
    }

    func testEveryBadGrantIsNamedByField() async throws {
        let browser = try await signedIn(DemoPeople.commissioner)
        let helen = try await personID(DemoPeople.viewer)
        let bad = try await browser.post("/t/west-midlands/people/\(helen.uuidString)/roles", form: ["organisation": "", "role": "emperor"])
        XCTAssertEqual(bad.status, .unprocessableEntity)
        XCTAssertTrue(bad.body.string.contains("href=\"#organisation-\(helen.uuidString)\""))
        XCTAssertTrue(bad.body.string.contains("href=\"#role-\(helen.uuidString)\""))
        XCTAssertTrue(bad.body.string.contains("Choose one of the organisations") && bad.body.string.contains("Choose the role to grant"))
        // Only people already in the tenant: Northmoor's people are not found here.
        let callum = try await personID("callum.ridge@moorsideyouth.example")
        let vrp = try await orgID("West Midlands Violence Reduction Partnership")
        let outsider = try await browser.post("/t/west-midlands/people/\(callum.uuidString)/roles", form: ["organisation": vrp.uuidString, "role": "viewer"])
        XCTAssertEqual(outsider.status, .notFound)
    }

    func testOnlyCommissionersManageRolesAndNeverAnotherTenants() async throws {
        let viewerMembership = try await membership(DemoPeople.viewer, role: .viewer)
        let helen = try await personID(DemoPeople.viewer)
        let vrp = try await orgID("West Midlands Violence Reduction Partnership")
        for (role, email) in DemoPeople.byRole where role != "commissioner" {
            let browser = try await signedIn(email)
            let peoplePage = try await browser.get("/t/west-midlands/people").status
            XCTAssertEqual(peoplePage, .forbidden, role)
            let removal = try await browser.post("/t/west-midlands/memberships/\(viewerMembership.id!.uuidString)/remove", form: [:]).status
            XCTAssertEqual(removal,
                           .forbidden, role)
            let grant = try await browser.post("/t/west-midlands/people/\(helen.uuidString)/roles",
                                                  form: ["organisation": vrp.uuidString, "role": "commissioner"]).status
            XCTAssertEqual(grant, .forbidden, role)
        }
        let northmoor = try await signedIn(DemoPeople.northmoorCommissioner)
        let theirPeoplePage = try await northmoor.get("/t/west-midlands/people").status
        XCTAssertEqual(theirPeoplePage, .notFound)
        let across = try await northmoor.post("/t/northmoor/memberships/\(viewerMembership.id!.uuidString)/remove", form: [:])
        XCTAssertEqual(across.status, .notFound, "another tenant's membership is not found")
        let kept = try await platform { db in try await Membership.find(viewerMembership.id, on: db) }
        XCTAssertNotNil(kept)
    }
}
