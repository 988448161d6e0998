import Fluent
import XCTVapor
@testable import WaymarkApp

/// The whole cycle walked through the pages by the demo people: publish, a clarification,
/// three bids (one resubmitted), evaluation with a conflicted assessor, moderation, the ranking
/// with its working, the award and each bidder's feedback.
final class CommissioningCycleTests: AppTestCase {
    func testTheWholeCycleThroughThePages() async throws {
        setClock("2025-05-01T09:00:00Z")
        let spec = try await publishedSpecification(closingDay: "2025-06-30")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let title = "Test chaperones Wolverhampton"
        // Publishing tells every provider, once, in the inbox and by email; nobody else.
        for provider in [CommissioningPeople.lanternway, CommissioningPeople.kestrel, CommissioningPeople.kerbside] {
            let told = try await inbox(provider, containing: title)
            XCTAssertEqual(told, ["New call for bids: \(title)"], provider)
            let mailed = try await outbox(provider, containing: title)
            XCTAssertEqual(mailed, ["Waymark: New call for bids: \(title)"], provider)
        }
        for other in [DemoPeople.birminghamPartner, CommissioningPeople.priya, DemoPeople.commissioner] {
            let told = try await inbox(other, containing: title)
            XCTAssertEqual(told, [], other)
        }

        // A clarification: asked by a provider, answered for everyone, without the asker's name.
        let kestrel = try await signedIn(CommissioningPeople.kestrel)
        let asked = try await kestrel.post(SiteMap.Tenant.clarifications.path(Self.slug, spec), form: ["question": "May we bid for one route?"])
        XCTAssertEqual(asked.status, .seeOther)
        let question = try await platform { db in
            try await ClarificationRecord.query(on: db).filter(\ClarificationRecord.$specificationID == UUID(uuidString: spec)!).first()!.id!.uuidString
        }
        let answered = try await commissioner.post(SiteMap.Tenant.clarificationAnswer.path(Self.slug, spec, question),
                                                   form: ["answer": "Yes, either route or both."])
        XCTAssertEqual(answered.status, .seeOther)
        let seenByOther = try await signedIn(CommissioningPeople.kerbside).get(SiteMap.Tenant.specification.path(Self.slug, spec))
        XCTAssertTrue(seenByOther.body.string.contains("Yes, either route or both."))
        XCTAssertFalse(seenByOther.body.string.contains("Kestrel"), "who asked is never shown")
        let kestrelTold = try await inbox(CommissioningPeople.kestrel, containing: "was answered")
        XCTAssertEqual(kestrelTold, ["A question on \(title) was answered"], "the organisation that asked hears the answer")
        let kerbsideTold = try await inbox(CommissioningPeople.kerbside, containing: "was answered")
        XCTAssertEqual(kerbsideTold, [], "a provider with no bid yet reads it on the page")

        // Three bids; Lanternway resubmits and its last submission counts.
        let lanternway = try await signedIn(CommissioningPeople.lanternway)
        try await submitBid(lanternway, specID: spec, price: "90,100")
        try await submitBid(lanternway, specID: spec, price: "89,400", openedVersion: 1)
        try await submitBid(kestrel, specID: spec, price: "86,950")
        let kerbside = try await signedIn(CommissioningPeople.kerbside)
        try await submitBid(kerbside, specID: spec, price: "91,260")
        let bids = try await bidIDs(spec)
        XCTAssertEqual(bids.count, 3)

        // The deadline passes; evaluation begins with two assessors.
        setClock("2025-06-30T11:00:00Z")
        let began = try await commissioner.post(SiteMap.Tenant.specificationStatus.path(Self.slug, spec), form: ["to": "inEvaluation", "version": "2"])
        XCTAssertEqual(began.status, .seeOther, began.body.string)
        let people = try await platform { db in
            Dictionary(uniqueKeysWithValues: try await Person.query(on: db).all().map { ($0.email, $0.id!.uuidString) })
        }
        let priyaID = people[CommissioningPeople.priya]!, tomaszID = people[CommissioningPeople.tomasz]!
        let panel = try await commissioner.post(SiteMap.Tenant.panel.path(Self.slug, spec), pairs: [("assessors[]", priyaID), ("assessors[]", tomaszID)])
        XCTAssertEqual(panel.status, .seeOther)
        for assessor in [CommissioningPeople.priya, CommissioningPeople.tomasz] {
            let told = try await inbox(assessor, containing: "ready to score")
            XCTAssertEqual(told, ["Bids are ready to score: \(title)"], assessor)
        }

        // Before declaring, an assessor cannot read any bid.
        let priya = try await signedIn(CommissioningPeople.priya)
        let lanternwayBid = SiteMap.Tenant.bid.path(Self.slug, spec, bids["Lanternway Youth Trust"]!)
        let early = try await priya.get(lanternwayBid)
        XCTAssertEqual(early.status, .forbidden)
        XCTAssertTrue(early.body.string.contains("Declare whether you have a conflict of interest with every bidder"))
        let orgIDs = try await platform { db in
            Dictionary(uniqueKeysWithValues: try await Organisation.query(on: db).all().map { ($0.name, $0.id!.uuidString) })
        }
        let kerbsideOrg = orgIDs["Black Country Kerbside CIO"]!, kestrelOrg = orgIDs["Kestrel Youth Outreach"]!, lanternwayOrg = orgIDs["Lanternway Youth Trust"]!
        let declarations = SiteMap.Tenant.declarations.path(Self.slug, spec)
        try await priya.post(declarations, form: ["conflict[\(kerbsideOrg)]": "no", "conflict[\(kestrelOrg)]": "no", "conflict[\(lanternwayOrg)]": "no"])
        let tomasz = try await signedIn(CommissioningPeople.tomasz)
        let noReason = try await tomasz.post(declarations, form: ["conflict[\(kerbsideOrg)]": "yes", "conflict[\(kestrelOrg)]": "no", "conflict[\(lanternwayOrg)]": "no"])
        XCTAssertEqual(noReason.status, .unprocessableEntity)
        XCTAssertTrue(noReason.body.string.contains("Say what the conflict of interest is"))
        try await tomasz.post(declarations, form: ["conflict[\(kerbsideOrg)]": "yes", "reason[\(kerbsideOrg)]": "I was a trustee until 2022.",
                                                   "conflict[\(kestrelOrg)]": "no", "conflict[\(lanternwayOrg)]": "no"])

        // The conflicted assessor can neither read nor score that bid.
        let kerbsideBid = bids["Black Country Kerbside CIO"]!
        let conflictedRead = try await tomasz.get(SiteMap.Tenant.bid.path(Self.slug, spec, kerbsideBid))
        XCTAssertEqual(conflictedRead.status, .forbidden)
        let questions = try await questionIDs(spec)
        let item = "question-\(questions[0].lowercased())"
        let conflictedScore = try await tomasz.post(SiteMap.Tenant.bidScore.path(Self.slug, spec, kerbsideBid),
                                                    form: ["score[\(item)]": "5", "text[\(item)]": "An excellent answer throughout."])
        XCTAssertEqual(conflictedScore.status, .forbidden)
        XCTAssertTrue(conflictedScore.body.string.contains("You declared a conflict of interest with this bidder"))
        let assessorScores = try await platform { db in
            try await AssessorScoreRecord.query(on: db).filter(\AssessorScoreRecord.$specificationID == UUID(uuidString: spec)!).count()
        }
        XCTAssertEqual(assessorScores, 0)

        // Priya scores; a justification too short is refused.
        let scorePath = SiteMap.Tenant.bidScore.path(Self.slug, spec, bids["Lanternway Youth Trust"]!)
        let short = try await priya.post(scorePath, form: ["score[\(item)]": "4", "text[\(item)]": "ok"])
        XCTAssertEqual(short.status, .unprocessableEntity)
        XCTAssertTrue(short.body.string.contains("Explain the score in at least 10 characters"))
        let scored = try await priya.post(scorePath, form: ["score[\(item)]": "4", "text[\(item)]": "Strong local networks, well evidenced."])
        XCTAssertEqual(scored.status, .seeOther)

        // The commissioner records the agreed scores: Lanternway 4 on every item, the others 3.
        let items = questions.map { "question-\($0.lowercased())" } + ["social-value"]
        for (name, bid) in bids {
            var form: [String: String] = [:]
            for key in items {
                form["score[\(key)]"] = name == "Lanternway Youth Trust" ? "4" : "3"
                form["text[\(key)]"] = "The panel agreed this after discussion."
            }
            let moderated = try await commissioner.post(SiteMap.Tenant.bidModeration.path(Self.slug, spec, bid), form: form)
            XCTAssertEqual(moderated.status, .seeOther, moderated.body.string)
        }

        // The ranking follows the formula: lowest price ÷ bid price × 50.
        let ranking = try await commissioner.get(SiteMap.Tenant.ranking.path(Self.slug, spec))
        let html = ranking.body.string
        XCTAssertTrue(html.contains("Price: lowest £86,950.00 ÷ this bid £89,400.00 × 50 = 48.63"))
        XCTAssertTrue(html.contains("Price: lowest £86,950.00 ÷ this bid £91,260.00 × 50 = 47.64"))
        XCTAssertTrue(html.contains("Total: quality 32.00 + price 48.63 + social value 8.00 = 88.63"))
        XCTAssertTrue(html.contains("Total: quality 24.00 + price 50.00 + social value 6.00 = 80.00"))
        XCTAssertTrue(html.contains("Total: quality 24.00 + price 47.64 + social value 6.00 = 77.64"))
        let order = ["Lanternway Youth Trust", "Kestrel Youth Outreach", "Black Country Kerbside CIO"].compactMap { html.range(of: "<th scope=\"row\" class=\"wm-table__header\">\($0)")?.lowerBound }
        XCTAssertEqual(order.count, 3)
        XCTAssertEqual(order, order.sorted(), "ranked highest total first")

        // The award goes to the highest-ranked bid, with reasons.
        let awardPath = SiteMap.Tenant.award.path(Self.slug, spec)
        let wrong = try await commissioner.post(awardPath, form: ["winner": bids["Kestrel Youth Outreach"]!, "reasons": "Cheapest price offered by far."])
        XCTAssertEqual(wrong.status, .unprocessableEntity)
        XCTAssertTrue(wrong.body.string.contains("The award must go to the highest-ranked bid, Lanternway Youth Trust (88.63)"))
        let awarded = try await commissioner.post(awardPath, form: ["winner": bids["Lanternway Youth Trust"]!, "reasons": "Highest score on quality and value."])
        XCTAssertEqual(awarded.status, .seeOther)
        let status = try await platform { db in try await SpecificationRecord.find(UUID(uuidString: spec), on: db)!.status }
        XCTAssertEqual(status, "awarded")
        let won = try await inbox(CommissioningPeople.lanternway, containing: "Your bid")
        XCTAssertEqual(won, ["Your bid won: \(title)"])
        for loser in [CommissioningPeople.kestrel, CommissioningPeople.kerbside] {
            let told = try await inbox(loser, containing: "Your bid")
            XCTAssertEqual(told, ["Your bid was not successful: \(title)"], loser)
        }

        // Each unsuccessful bidder reads its own scores and feedback, and nothing of anyone else's bid.
        let feedback = try await kestrel.get(SiteMap.Tenant.feedback.path(Self.slug, spec))
        XCTAssertTrue(feedback.body.string.contains("Your bid ranked 2nd of 3 with 80.00 points; the successful bid scored 88.63."))
        XCTAssertTrue(feedback.body.string.contains("Panel&#39;s note: The panel agreed this after discussion."))
        XCTAssertFalse(feedback.body.string.contains("Lanternway"))
        XCTAssertFalse(feedback.body.string.contains("89,400"))
        let winner = try await lanternway.get(SiteMap.Tenant.feedback.path(Self.slug, spec))
        XCTAssertTrue(winner.body.string.contains("Your bid ranked 1st of 3 with 88.63 points and has been awarded the contract."))
    }
}
