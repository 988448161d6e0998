import XCTVapor
@testable import WaymarkApp

/// Bad specifications and bids are refused with messages naming the problem, the form kept,
/// and nothing saved.
final class CommissioningBadInputTests: AppTestCase {
    func testSpecificationsThatCannotBeSavedAreRefusedWhole() async throws {
        setClock("2025-05-01T09:00:00Z")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let path = SiteMap.Tenant.specificationNew.path(Self.slug)
        let before = try await specificationCount()
        let ids = try await wolverhampton()
        let cases: [([(String, String)], String)] = [
            ([("social_value", "20")], "The weights add up to 110% (quality 40%, price 50%, social value 20%); they must add up to exactly 100%"),
            ([("question_weight[3]", "5")], "The questions&#39; weights add up to 35%; they must add up to the quality weight, 40%"),
            ([("split", "shares"), ("shares[WLV-01]", "60"), ("shares[WLV-02]", "30")], "The shares add up to 90%, not 100%"),
            ([("total_value", "0")], "The total value must be more than £0.00"),
            ([("total_value", "lots")], "Enter the total value in pounds"),
            ([("routes[]", ids.routes["BHM-01"]!)], "BHM-01 is outside the local authorities chosen"),
            ([("closing_day", "2025-09-05")], "Bids must close before the go-live date"),
            ([("closing_time", "25:00")], "Enter the closing time on a 24-hour clock"),
        ]
        for (overrides, message) in cases {
            let response = try await commissioner.post(path, pairs: try await specificationForm(closingDay: "2025-06-30", overrides: overrides))
            XCTAssertEqual(response.status, .unprocessableEntity, message)
            XCTAssertTrue(response.body.string.contains(message), "expected: \(message)")
            XCTAssertTrue(response.body.string.contains("value=\"Test chaperones Wolverhampton\""), "the rest of the form is kept")
        }
        let after = try await specificationCount()
        XCTAssertEqual(after, before, "nothing saved")
    }

    /// Issue 17: an empty specification needed three submissions to learn its problems.
    func testAnAllWrongSpecificationListsEveryProblemAtOnceInPageOrder() async throws {
        setClock("2025-05-01T09:00:00Z")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let response = try await commissioner.post(SiteMap.Tenant.specificationNew.path(Self.slug), pairs: [
            ("title", ""), ("services_required", ""), ("total_value", "lots"), ("split", "cost"),
            ("service_start", "2025-09-01"), ("service_end", "2025-08-01"), ("go_live", "soon"), ("closing_day", "2025-06-30"),
            ("closing_time", "12:00"), ("pricing", "total"), ("quality", "60"), ("price", "50"), ("social_value", "20"),
            ("price_formula", "lowestOverBid"), ("question_text[0]", "Local networks"), ("question_weight[0]", "10"),
        ])
        XCTAssertEqual(response.status, .unprocessableEntity)
        let html = response.body.string
        let start = try XCTUnwrap(html.range(of: "wm-error-summary__list"))
        let end = try XCTUnwrap(html.range(of: "</ul>", range: start.upperBound..<html.endIndex))
        let summary = String(html[start.upperBound..<end.lowerBound])
        let expected = [
            ("#title", "Enter a title"), ("#services_required", "Describe the services required"),
            ("#authorities", "Choose at least one local authority"), ("#total_value", "Enter the total value in pounds"),
            ("#routes", "Choose at least one route"), ("#service_end", "The service period must end on or after it starts"),
            ("#go_live", "Enter the go-live date"), ("#quality", "The weights add up to 130%"),
        ]
        var last = summary.startIndex
        for (anchor, message) in expected {
            guard let found = summary.range(of: "<a href=\"\(anchor)\">\(message)") else {
                XCTFail("missing \(anchor): \(message) in \(summary.prefix(3000))")
                continue
            }
            XCTAssertGreaterThanOrEqual(found.lowerBound, last, "\(anchor) comes in page order")
            last = found.lowerBound
        }
        XCTAssertTrue(html.contains("value=\"Local networks\""), "what was typed is kept")
    }

    func testBadBidsAreRefusedAndNothingIsSaved() async throws {
        setClock("2025-05-01T09:00:00Z")
        let spec = try await publishedSpecification(closingDay: "2025-06-30")
        let provider = try await signedIn(CommissioningPeople.lanternway)
        let zero = try await submitBid(provider, specID: spec, price: "0")
        XCTAssertEqual(zero.status, .unprocessableEntity)
        XCTAssertTrue(zero.body.string.contains("Enter a price more than £0.00 (it is £0.00)"))
        let negative = try await submitBid(provider, specID: spec, price: "-5")
        XCTAssertTrue(negative.body.string.contains("Enter a price more than £0.00 (it is -£5.00)"))
        let outside = try await submitBid(provider, specID: spec, price: "89,400", routes: ["WLV-01", "WLV-03"])
        XCTAssertEqual(outside.status, .unprocessableEntity)
        XCTAssertTrue(outside.body.string.contains("Route WLV-03 is not covered by this specification: bid only for its routes"))
        let count = try await bidVersionCount(spec)
        XCTAssertEqual(count, 0)

        // A resubmission opened on a version someone else has since replaced is refused.
        try await submitBid(provider, specID: spec, price: "89,400")
        try await submitBid(provider, specID: spec, price: "89,000", openedVersion: 1)
        let stale = try await submitBid(provider, specID: spec, price: "88,000", openedVersion: 1)
        XCTAssertEqual(stale.status, .unprocessableEntity)
        XCTAssertTrue(stale.body.string.contains("Your organisation&#39;s bid was changed since you opened it: version 2"))
        let versions = try await bidVersionCount(spec)
        XCTAssertEqual(versions, 2, "both submissions are kept; the refused one is not")
    }
}

/// Once published, a specification is not edited: the page says why instead.
final class SpecificationEditingTests: AppTestCase {
    func testAPublishedSpecificationIsNotEditedAndThePageSaysWhy() async throws {
        setClock("2025-05-01T09:00:00Z")
        let spec = try await publishedSpecification(closingDay: "2025-06-30")
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let opened = try await commissioner.get(SiteMap.Tenant.specificationEdit.path(Self.slug, spec))
        XCTAssertEqual(opened.status, .conflict)
        XCTAssertTrue(opened.body.string.contains("Only a draft specification can be edited; this one is published."))
        XCTAssertTrue(opened.body.string.contains("id=\"status\""), "the error summary's link has a target")
        let sent = try await commissioner.post(SiteMap.Tenant.specificationEdit.path(Self.slug, spec),
                                               pairs: try await specificationForm(closingDay: "2025-06-30", overrides: [("title", "Changed"), ("version", "2")]))
        XCTAssertEqual(sent.status, .conflict)
        let title = try await platform { db in try await SpecificationRecord.find(UUID(uuidString: spec), on: db)!.title }
        XCTAssertEqual(title, "Test chaperones Wolverhampton")
    }
}
