import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Specifications through the API, as each role sees them on the pages.
final class SpecificationAPITests: AppTestCase {
    let specifications = "/api/v1/t/west-midlands/specifications"

    /// This file's specifications in the answer, in order (the demo may publish its own too).
    func titles(_ json: [String: Any], _ key: String = "specifications") -> [String] {
        (json[key] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }.filter { $0.hasPrefix("Fixture:") }
    }

    func testCommissionersSeeDraftsAndEveryoneElseWhatIsPublished() async throws {
        let fixtures = try await PublicFixtures(app)
        let published = try await fixtures.specification("Fixture: API published")
        let draft = try await fixtures.specification("Fixture: API draft", status: .draft, published: false)
        app.clock.set(PublicFixtures.closesAt.addingTimeInterval(-3_600))

        let commissioner = try await apiGet(specifications, token: try await apiToken(as: DemoPeople.commissioner))
        XCTAssertEqual(commissioner.status, .ok, commissioner.body)
        XCTAssertEqual(Set(titles(commissioner.json)), ["Fixture: API published", "Fixture: API draft"])
        let draftSummary = (commissioner.json["specifications"] as? [[String: Any]])?.first { $0["title"] as? String == "Fixture: API draft" }
        XCTAssertNil(draftSummary?["public_url"], "a draft has no public page")
        XCTAssertEqual(draftSummary?["status"] as? String, "draft")

        let provider = try await apiToken(as: DemoPeople.provider)
        let providerList = try await apiGet(specifications, token: provider)
        XCTAssertTrue(titles(providerList.json).contains("Fixture: API published"))
        XCTAssertFalse(titles(providerList.json).contains("Fixture: API draft"))
        let hidden = try await apiGet("\(specifications)/\(draft.id.uuidString)", token: provider)
        XCTAssertEqual(hidden.status, .notFound)

        for email in [DemoPeople.birminghamPartner, DemoPeople.viewer] {
            let read = try await apiGet("\(specifications)/\(published.id.uuidString)", token: try await apiToken(as: email))
            XCTAssertEqual(read.status, .ok, "\(email): \(read.body)")
            XCTAssertEqual(read.json["title"] as? String, "Fixture: API published")
        }
    }

    func testOneSpecificationInFullWithOnlyAnsweredClarifications() async throws {
        let fixtures = try await PublicFixtures(app)
        let spec = try await fixtures.questioned("Fixture: API detail")
        app.clock.set(PublicFixtures.closesAt.addingTimeInterval(-3_600))

        let read = try await apiGet("\(specifications)/\(spec.id.uuidString)", token: try await apiToken(as: DemoPeople.provider))
        XCTAssertEqual(read.status, .ok, read.body)
        let json = read.json
        XCTAssertEqual(json["id"] as? String, spec.id.uuidString.lowercased())
        XCTAssertEqual(json["status"] as? String, "published")
        XCTAssertEqual(json["total_value_pence"] as? Int, 6_000_000)
        XCTAssertEqual(json["public_url"] as? String, SiteMap.Public.specification.path("west-midlands", spec.id.uuidString.lowercased()))
        let closes = try XCTUnwrap(json["closes"] as? [String: Any])
        XCTAssertEqual(closes["uk_time"] as? String, "2023-06-30T12:00")
        XCTAssertEqual(closes["utc"] as? String, "2023-06-30T11:00:00Z", "BST: an hour ahead of UTC")
        let routes = try XCTUnwrap(json["routes"] as? [[String: Any]])
        XCTAssertEqual(routes.compactMap { $0["code"] as? String }, ["WLV-01", "WLV-02"])
        XCTAssertEqual(routes.compactMap { $0["value_pence"] as? Int }, [3_000_000, 3_000_000])
        let questions = try XCTUnwrap(json["questions"] as? [[String: Any]])
        XCTAssertEqual(questions.first?["weight_percent"] as? Double, 25)
        XCTAssertEqual(questions.first?["id"] as? String, spec.questions[0].id.uuidString.lowercased())
        XCTAssertEqual((json["criteria"] as? [String: Any])?["price_formula"] as? String, "lowest_over_bid")
        XCTAssertEqual((json["service_period"] as? [String: Any])?["start"] as? String, "2023-09-01")
        XCTAssertEqual(json["go_live"] as? String, "2023-09-04")
        XCTAssertEqual((json["scale"] as? [Any])?.count, 6)
        XCTAssertEqual(json["kpis"] as? [String], ["Route staffed on 98% of school days"])
        XCTAssertFalse(((json["local_authorities"] as? [[String: Any]]) ?? []).isEmpty)
        let clarifications = try XCTUnwrap(json["clarifications"] as? [[String: Any]])
        XCTAssertEqual(clarifications.count, 1)
        XCTAssertEqual(clarifications.first?["answer"] as? String, PublicFixtures.answer)
        XCTAssertEqual(Set(clarifications.first?.keys.map { $0 } ?? []), ["question", "answer", "answered_at"], "never who asked")
        XCTAssertFalse(read.body.contains(PublicFixtures.unansweredQuestion))
        XCTAssertFalse(read.body.contains("Kestrel") || read.body.contains("Lanternway"), "never who asked")
    }

    func testTheSealHoldsThroughTheAPI() async throws {
        let fixtures = try await PublicFixtures(app)
        let spec = try await fixtures.twoBids("Fixture: API sealed bids")
        let bids = "\(specifications)/\(spec.id.uuidString)/bids"
        let commissioner = try await apiToken(as: DemoPeople.commissioner)
        let provider = try await apiToken(as: DemoPeople.provider)

        app.clock.set(PublicFixtures.closesAt.addingTimeInterval(-1))
        let sealed = try await apiGet(bids, token: commissioner)
        XCTAssertEqual(sealed.status, .forbidden)
        XCTAssertTrue(sealed.body.contains("Bids are sealed until the deadline, 12:00 on 30 Jun 2023"), sealed.body)
        XCTAssertFalse(sealed.body.contains("Lanternway") || sealed.body.contains("Kestrel"), "not even who bid")
        let operatorSession = try await signedIn(DemoPeople.operatorEmail)
        let asOperator = try await operatorSession.get(bids)
        XCTAssertEqual(asOperator.status, .notFound, "an operator is no member of the tenant")
        let providerBefore = try await apiGet(bids, token: provider)
        XCTAssertEqual(providerBefore.status, .forbidden)

        app.clock.set(PublicFixtures.closesAt)
        let open = try await apiGet(bids, token: commissioner)
        XCTAssertEqual(open.status, .ok, open.body)
        let lines = try XCTUnwrap(open.json["bids"] as? [[String: Any]])
        XCTAssertEqual(lines.compactMap { $0["bidder"] as? String }, ["Kestrel Youth Outreach", "Lanternway Youth Trust"])
        let lanternway = try XCTUnwrap(lines.first { $0["bidder"] as? String == "Lanternway Youth Trust" })
        XCTAssertEqual(lanternway["price_pence"] as? Int, 5_500_000)
        XCTAssertEqual(lanternway["version"] as? Int, 1)
        XCTAssertEqual(lanternway["proposed_routes"] as? [String], ["WLV-01", "WLV-02"])
        XCTAssertEqual((lanternway["answers"] as? [[String: Any]])?.first?["question_id"] as? String, spec.questions[0].id.uuidString.lowercased())
        XCTAssertEqual(lanternway["social_value"] as? String, "Lanternway Youth Trust hires locally")
        XCTAssertNotNil(lanternway["submitted_at"] as? String)
        let providerAfter = try await apiGet(bids, token: provider)
        XCTAssertEqual(providerAfter.status, .forbidden, "a provider never uses the bids endpoint")
        let tenantID = fixtures.tenantID
        let reads = try await platform { db in
            try await AuditEntry.query(on: db).filter(\.$tenantID == tenantID).filter(\.$action == "bid.read").count()
        }
        XCTAssertEqual(reads, 2, "each bid opened through the API is on the record")
    }

    /// With no bids the list is refused on the same grounds, so an empty answer says nothing either.
    func testWithNoBidsTheSealAnswersTheSame() async throws {
        let fixtures = try await PublicFixtures(app)
        let spec = try await fixtures.specification("Fixture: API no bids")
        let bids = "\(specifications)/\(spec.id.uuidString)/bids"
        let commissioner = try await apiToken(as: DemoPeople.commissioner)
        let assessor = try await apiToken(as: DemoPeople.assessor)

        app.clock.set(PublicFixtures.closesAt.addingTimeInterval(-1))
        let sealed = try await apiGet(bids, token: commissioner)
        XCTAssertEqual(sealed.status, .forbidden, "before the deadline, whether or not anyone has bid")
        app.clock.set(PublicFixtures.closesAt)
        let empty = try await apiGet(bids, token: commissioner)
        XCTAssertEqual(empty.status, .ok)
        XCTAssertEqual((empty.json["bids"] as? [Any])?.count, 0)
        let unassigned = try await apiGet(bids, token: assessor)
        XCTAssertEqual(unassigned.status, .forbidden, "an assessor off the panel")
    }

    func testAnAssessorNeedsThePanelAndEveryDeclarationWithoutConflict() async throws {
        let fixtures = try await PublicFixtures(app)
        let spec = try await fixtures.twoBids("Fixture: API panel")
        let bids = "\(specifications)/\(spec.id.uuidString)/bids"
        let assessor = try await apiToken(as: DemoPeople.assessor)
        app.clock.set(PublicFixtures.closesAt.addingTimeInterval(3_600))

        let notOnPanel = try await apiGet(bids, token: assessor)
        XCTAssertEqual(notOnPanel.status, .forbidden)
        XCTAssertTrue(notOnPanel.body.contains("Only the bidder, the commissioners and the assigned assessors"), notOnPanel.body)

        try await fixtures.assign(DemoPeople.assessor, to: spec)
        try await fixtures.declare(DemoPeople.assessor, on: spec, about: "Lanternway Youth Trust", conflicted: false)
        let outstanding = try await apiGet(bids, token: assessor)
        XCTAssertEqual(outstanding.status, .forbidden)
        XCTAssertTrue(outstanding.body.contains("Declare whether you have a conflict of interest with every bidder"), outstanding.body)
        XCTAssertFalse(outstanding.body.contains("Kestrel") || outstanding.body.contains("Lanternway"))

        try await fixtures.declare(DemoPeople.assessor, on: spec, about: "Kestrel Youth Outreach", conflicted: true)
        let conflicted = try await apiGet(bids, token: assessor)
        XCTAssertEqual(conflicted.status, .forbidden, "no partial list that leaves the conflicted bidder out")
        XCTAssertTrue(conflicted.body.contains("You declared a conflict of interest"), conflicted.body)
        XCTAssertFalse(conflicted.body.contains("Lanternway"))

        try await fixtures.declare(DemoPeople.assessor, on: spec, about: "Kestrel Youth Outreach", conflicted: false, minutesAfterDeadline: 5)
        let cleared = try await apiGet(bids, token: assessor)
        XCTAssertEqual(cleared.status, .ok, cleared.body)
        XCTAssertEqual((cleared.json["bids"] as? [Any])?.count, 2)
    }

    func testPublishedCallsListOnlyWhatIsOpenWithoutSignIn() async throws {
        let fixtures = try await PublicFixtures(app)
        let first = try await fixtures.specification("Fixture: call closing first")
        try await fixtures.specification("Fixture: call closing later", closing: PublicFixtures.laterClosing)
        try await fixtures.specification("Fixture: call not yet published", status: .draft, published: false)
        try await fixtures.specification("Fixture: call already awarded", status: .awarded)
        let calls = "/api/v1/public/west-midlands/calls"

        app.clock.set(PublicFixtures.closesAt.addingTimeInterval(-1))
        let before = try await apiGet(calls)
        XCTAssertEqual(before.status, .ok, before.body)
        XCTAssertEqual(titles(before.json, "calls"), ["Fixture: call closing first", "Fixture: call closing later"], "soonest closing first")
        let call = try XCTUnwrap((before.json["calls"] as? [[String: Any]])?.first { $0["title"] as? String == "Fixture: call closing first" })
        XCTAssertEqual(call["public_url"] as? String, SiteMap.Public.specification.path("west-midlands", first.id.uuidString.lowercased()))
        XCTAssertEqual((call["closes"] as? [String: Any])?["uk_time"] as? String, "2023-06-30T12:00")
        XCTAssertNotNil((call["routes"] as? [[String: Any]])?.first?["name"] as? String, "routes by code and name")

        app.clock.set(PublicFixtures.closesAt)
        let after = try await apiGet(calls)
        XCTAssertEqual(titles(after.json, "calls"), ["Fixture: call closing later"], "gone the second its deadline passes")

        let unknown = try await apiGet("/api/v1/public/nowhere/calls")
        XCTAssertEqual(unknown.status, .notFound)
        XCTAssertEqual(unknown.json["status"] as? Int, 404)
        let northmoor = try await apiGet("/api/v1/public/northmoor/calls")
        XCTAssertEqual(northmoor.status, .ok)
        XCTAssertEqual(titles(northmoor.json, "calls"), [])
    }
}
