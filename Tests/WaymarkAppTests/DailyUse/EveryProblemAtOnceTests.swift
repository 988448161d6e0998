import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Issue 17: a form sent with everything wrong lists every problem in one answer, links each to
/// its field, and keeps what was typed. (The specification, new-tenant and variation forms have
/// theirs beside their other tests.)
final class EveryProblemAtOnceTests: AppTestCase {
    /// The fields the error summary links to, in order.
    func summaryFields(_ html: String) throws -> [String] {
        guard let start = html.range(of: "wm-error-summary__list"),
              let end = html.range(of: "</ul>", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound].matches(of: try Regex(##"<a href="#([^"]+)">"##)).map { String($0.output[1].substring!) }
    }

    func testAReturnReviewAndAnExtensionSayEverythingAtOnce() async throws {
        app.clock.set(ReturnFixtures.today)
        let contract = try await returnsContract()
        let provider = try await signedIn(DemoPeople.provider)
        let october = ReturnFixtures.october
        let days = try await templateSchoolDays(provider, contract, october)
        let formPage = try await provider.get(returnPath(contract, october, "/form")).body.string
        let submitted = try await provider.post(returnPath(contract, october, "/form"), form: returnForm(days, version: try versionField(formPage)))
        XCTAssertEqual(submitted.status, .seeOther, submitted.body.string)

        let commissioner = try await signedIn(DemoPeople.commissioner)
        let page = try await commissioner.get(returnPath(contract, october)).body.string
        let version = try versionField(page)
        // Sent back without a reason, with a phone number in a comment: both at once, the comment kept.
        let review = try await commissioner.post(returnPath(contract, october, "/review"), form: [
            "step": "return", "version": version, "note": "", "comments[WLV-01]": "Ring me on 07700 900123"])
        XCTAssertEqual(review.status, .unprocessableEntity)
        XCTAssertEqual(try summaryFields(review.body.string), ["note", "comment-WLV-01"])
        XCTAssertTrue(review.body.string.contains("Ring me on 07700 900123</textarea>"))
        XCTAssertTrue(review.body.string.contains("value=\"return\" checked"), "the decision chosen is kept")

        let extended = try await commissioner.post(returnPath(contract, october, "/extension"), form: [
            "version": version, "due_day": "", "reason": ""])
        XCTAssertEqual(extended.status, .unprocessableEntity)
        XCTAssertEqual(try summaryFields(extended.body.string), ["due_day", "reason"])
    }

    func testAPledgeWithBadDatesStillJudgesItsAmounts() async throws {
        let partner = try await signedIn(DemoPeople.birminghamPartner)
        let response = try await partner.post("/t/west-midlands/pledges/new", form: [
            "programme": "", "start_day": "", "end_day": "", "amounts[BHM-01]": "2,000,000,000", "amounts[BHM-02]": "lots"])
        XCTAssertEqual(response.status, .unprocessableEntity)
        let fields = try summaryFields(response.body.string)
        for field in ["programme", "start_day", "end_day", "amount-BHM-01", "amount-BHM-02"] {
            XCTAssertTrue(fields.contains(field), "\(field) in \(fields)")
        }
        XCTAssertTrue(response.body.string.contains("value=\"2,000,000,000\""), "what was typed is kept")
    }

    func testAClarificationAnswerThatComesBackKeepsItsText() async throws {
        setClock("2025-05-01T09:00:00Z")
        let spec = try await publishedSpecification(closingDay: "2025-06-30")
        let kestrel = try await signedIn(CommissioningPeople.kestrel)
        let question = try await kestrel.post(SiteMap.Tenant.clarifications.path(Self.slug, spec), form: ["question": "Ring 07700 900123 to discuss?"])
        XCTAssertEqual(question.status, .unprocessableEntity)
        XCTAssertTrue(question.body.string.contains("Ring 07700 900123 to discuss?</textarea>"), "the question is kept to be fixed")
        _ = try await kestrel.post(SiteMap.Tenant.clarifications.path(Self.slug, spec), form: ["question": "May we bid for one route?"])
        let id = try await platform { db in
            try await ClarificationRecord.query(on: db).filter(\.$specificationID == UUID(uuidString: spec)!).first()!.id!.uuidString
        }
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let answer = try await commissioner.post(SiteMap.Tenant.clarificationAnswer.path(Self.slug, spec, id),
                                                 form: ["answer": "Yes: call Sam on 07700 900123."])
        XCTAssertEqual(answer.status, .unprocessableEntity)
        XCTAssertTrue(answer.body.string.contains("Yes: call Sam on 07700 900123.</textarea>"))
        XCTAssertEqual(try summaryFields(answer.body.string), ["answer-\(id)"])
    }

    func testAPasswordChangeThatComesBackKeepsTheTokenChoice() async throws {
        let viewer = try await signedIn(DemoPeople.viewer)
        let response = try await viewer.post("/account/password", form: [
            "current_password": Browser.demoPassword, "new_password": "short", "confirm_password": "other"])
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertFalse(response.body.string.contains("name=\"revoke_tokens\" type=\"checkbox\" value=\"yes\" checked"),
                       "unticked stays unticked, so nobody revokes their tokens by surprise")
    }

    func testABidWithAnUnreadablePriceStillHasItsAnswersJudged() async throws {
        setClock("2025-05-01T09:00:00Z")
        let spec = try await publishedSpecification(closingDay: "2025-06-30")
        let provider = try await signedIn(CommissioningPeople.lanternway)
        let ids = try await wolverhampton()
        let questions = try await questionIDs(spec)
        var pairs: [(String, String)] = [("price", "£89.4k"), ("action", "submit"), ("social_value", "")]
        for question in questions.dropFirst() { pairs.append(("answers[\(question)]", "An answer")) }
        pairs.append(("routes[]", ids.routes["WLV-01"]!))
        let response = try await provider.post(SiteMap.Tenant.ownBid.path(Self.slug, spec), pairs: pairs)
        XCTAssertEqual(response.status, .unprocessableEntity)
        let fields = try summaryFields(response.body.string)
        XCTAssertTrue(fields.contains("price"), "\(fields)")
        XCTAssertTrue(fields.contains("answer-\(questions[0])"), "the unanswered question shows at once: \(fields)")
        XCTAssertFalse(fields.filter { $0 == "price" }.count > 1, "the price is named once")
    }

    func testAFundingSourceWithEverythingWrongSaysSoOnce() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let funder = try await platform { db in try await Organisation.query(on: db).filter(\.$name == "Home Office").first()!.id!.uuidString }
        let response = try await commissioner.post("/t/west-midlands/funding/new", form: [
            "funder": funder, "programme": "", "kind": "centralGrant", "amount": "0", "start_day": "2024-04-01", "end_day": "soon",
            "status": "confirmed"])
        XCTAssertEqual(response.status, .unprocessableEntity)
        let fields = try summaryFields(response.body.string)
        for field in ["programme", "amount", "end_day"] { XCTAssertTrue(fields.contains(field), "\(field) in \(fields)") }
    }

    func testAnInvitationNamesTheDuplicateWithTheOtherProblems() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let organisation = try await platform { db in try await Organisation.query(on: db).filter(\.$name == "Birmingham City Council").first()!.id!.uuidString }
        let path = SiteMap.Tenant.organisationMembers.path(Self.slug, organisation)
        _ = try await commissioner.get(path)
        let first = try await commissioner.post(path, form: ["name": "Sam Patel", "email": "sam.patel@birminghamcc.example", "role": "partner"])
        XCTAssertEqual(first.status, .seeOther, first.body.string)
        let again = try await commissioner.post(path, form: ["name": "", "email": "sam.patel@birminghamcc.example", "role": "partner"])
        XCTAssertEqual(again.status, .unprocessableEntity)
        let html = again.body.string
        XCTAssertTrue(html.contains("Enter the person&#39;s name") || html.contains("Enter the person's name"))
        XCTAssertTrue(html.contains("already invited with that role"), "the duplicate shows with the missing name")
    }

    func testAScenarioSentThroughTheAPINamesEveryBadMemberAtOnce() async throws {
        let token = try await apiToken(as: DemoPeople.commissioner)
        var headers = HTTPHeaders()
        headers.bearerAuthorization = .init(token: token)
        headers.contentType = .json
        let body = #"{"as_of": "someday", "horizon_months": 200, "name": " ", "run": false, "scenario": {"name": "x", "samples": 10, "seed": 1}}"#
        let response = try await app.testable().sendRequest(.POST, "/api/v1/t/west-midlands/scenarios", headers: headers, body: ByteBuffer(string: body))
        XCTAssertEqual(response.status, .badRequest)
        for member in ["as_of:", "horizon_months:", "name:"] {
            XCTAssertTrue(response.body.string.contains(member), "\(member) in \(response.body.string)")
        }
    }

    func testAStatusChangeNamesTheStatusAndTheDayAtOnceAndKeepsThem() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let source = try await platform { db in try await FundingSourceRecord.query(on: db).filter(\.$status == "confirmed").first() }
        let record = try XCTUnwrap(source, "the demo has a confirmed source")
        let path = "/t/west-midlands/funding/\(record.id!.uuidString)"
        _ = try await commissioner.get(path)
        let response = try await commissioner.post(path + "/status", form: ["status": "received", "on": "2099-01-01", "version": String(record.version)])
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        XCTAssertTrue(html.contains("<a href=\"#on\">"), "the day in the future is named")
        XCTAssertTrue(html.contains("value=\"2099-01-01\""), "and kept")
        XCTAssertTrue(html.contains("value=\"received\" selected"), "the status chosen is kept")
    }

    func testAnAllocationWithAnUnreadableAmountStillHasItsPeriodJudged() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let source = try await platform { db in try await FundingSourceRecord.query(on: db).filter(\.$status == "confirmed").first() }
        let record = try XCTUnwrap(source)
        let path = SiteMap.Tenant.allocationNew.path(Self.slug, record.id!.uuidString)
        _ = try await commissioner.get(path)
        let response = try await commissioner.post(path, form: ["route": "BHM-01", "amount": "12,5OO", "start_day": "1990-01-01", "end_day": "1990-02-01"])
        XCTAssertEqual(response.status, .unprocessableEntity)
        let fields = try summaryFields(response.body.string)
        XCTAssertTrue(fields.contains("amount") && fields.contains("start_day"), "the amount and the period at once: \(fields)")
    }

    func testARouteCostOnATakenDayWithABlankRateSaysBothAtOnce() async throws {
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let (taken, version) = try await platform { db -> (String, Int) in
            let route = try await Route.query(on: db).filter(\.$code == "BHM-01").first()!
            let cost = try await RouteCostRecord.query(on: db).filter(\.$routeID == route.id!).first()!
            return (cost.effectiveFrom, route.version)
        }
        let path = SiteMap.Tenant.routeCosts.path(Self.slug, "BHM-01")
        _ = try await commissioner.get(path)
        let response = try await commissioner.post(path, form: ["cost_from": taken, "chaperones": "2", "minutes_per_day": "240",
                                                                "hourly_rate": "", "daily_management": "", "version": String(version)])
        XCTAssertEqual(response.status, .unprocessableEntity)
        XCTAssertEqual(try summaryFields(response.body.string), ["cost_from", "hourly_rate"])
    }
}
