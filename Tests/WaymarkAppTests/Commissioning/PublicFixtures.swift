import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Specifications, bids, clarifications, panels and awards for the public pages and the API,
/// written straight into a demo tenant on its Wolverhampton routes WLV-01 and WLV-02. Titles
/// start "Fixture:" so they never meet the demo's own specifications.
struct PublicFixtures {
    let app: Application
    let tenantID: UUID

    /// 12:00 on 30 June 2023 in London (BST), which is 11:00 UTC.
    static let closing = LondonWallTime(day: Day(2023, 6, 30), hour: 12, minute: 0)!
    static var closesAt: Date { closing.instant }
    /// A fortnight later, for a second call still open when the first closes.
    static let laterClosing = LondonWallTime(day: Day(2023, 7, 14), hour: 12, minute: 0)!
    /// Before either deadline: when things were published and questions asked.
    static let spring = LondonWallTime(day: Day(2023, 5, 2), hour: 9, minute: 0)!.instant

    init(_ app: Application, tenant slug: String = "west-midlands") async throws {
        self.app = app
        tenantID = try await app.platformDB { db in
            guard let id = try await Tenant.query(on: db).filter(\.$slug == slug).first()?.id else { throw TestFailure("no tenant \(slug)") }
            return id
        }
    }

    /// A specification for WLV-01 and WLV-02, £60,000 split evenly, two questions making up the
    /// quality weight. `published: false` is a draft, or one cancelled before it was published.
    @discardableResult
    func specification(_ title: String, status: SpecificationStatus = .published, published: Bool = true,
                       closing: LondonWallTime = closing) async throws -> Specification {
        let tenantID = self.tenantID
        return try await app.platformDB { db in
            let routes = try await Route.query(on: db).filter(\.$tenantID == tenantID).filter(\.$code ~~ ["WLV-01", "WLV-02"])
                .sort(\.$code).all().map { $0 }
            guard routes.count == 2 else { throw TestFailure("the demo has WLV-01 and WLV-02") }
            let ids = routes.map { $0.id! }
            let spec = Specification(
                title: title, context: "Walks to school through Whitmore Reans and Low Hill.",
                servicesRequired: "Two chaperones on each route every school day.",
                localAuthorityIDs: [routes[0].localAuthorityID], routeIDs: ids, totalValue: Money(pounds: 60_000),
                valueSplit: .statedShares([ids[0]: 5_000, ids[1]: 5_000]),
                servicePeriod: DayRange(start: Day(2023, 9, 1), end: Day(2024, 7, 31))!, goLive: Day(2023, 9, 4),
                questions: [Question(text: "How will you recruit chaperones locally?", weight: Weight(percent: 25)),
                            Question(text: "How will you work with the schools?", weight: Weight(percent: 15))],
                criteria: .stepTogether, closing: closing, kpis: ["Route staffed on 98% of school days"],
                attachments: ["files/fixture-wolverhampton-routes.pdf"], status: status)
            let record = try SpecificationRecord(tenantID: tenantID, specification: spec, createdBy: "fixtures", at: Self.spring)
            record.publishedAt = published ? Self.spring : nil
            try await record.create(on: db)
            return spec
        }
    }

    /// One submission by `organisation`, made by one of its people.
    @discardableResult
    func bid(on spec: Specification, by organisation: String, pounds: Int64, at submittedAt: Date = spring) async throws -> Bid {
        let tenantID = self.tenantID
        let bidder = try await organisationID(organisation)
        return try await app.platformDB { db in
            guard let member = try await Membership.query(on: db).filter(\.$organisationID == bidder).first() else {
                throw TestFailure("\(organisation) has no people")
            }
            let record = BidRecord(tenantID: tenantID, specificationID: spec.id, providerOrganisationID: bidder, at: submittedAt)
            try await record.create(on: db)
            let content = BidContent(answers: Dictionary(uniqueKeysWithValues: spec.questions.map { ($0.id, "\(organisation) answers: \($0.text)") }),
                                     price: BidPrice(total: Money(pounds: pounds)), proposedRouteIDs: Set(spec.routeIDs),
                                     socialValue: "\(organisation) hires locally")
            let version = BidVersion(number: 1, content: content, submittedAt: submittedAt, submittedBy: member.personID)
            try await BidVersionRecord(tenantID: tenantID, bidID: record.id!, version: version).create(on: db)
            return Bid(id: record.id!, specificationID: spec.id, providerOrganisationID: bidder, versions: [version])
        }
    }

    /// What `questioned` asks: one question answered, one not.
    static let answeredQuestion = "Can the afternoon walk be subcontracted?"
    static let answer = "Yes, with the partnership's written agreement."
    static let unansweredQuestion = "Is there parking near Whitmore Reans?"

    /// A published specification with a question from Kestrel Youth Outreach answered and one
    /// from Lanternway Youth Trust waiting.
    func questioned(_ title: String) async throws -> Specification {
        let spec = try await specification(title)
        try await clarification(on: spec, Self.answeredQuestion, askedBy: "Kestrel Youth Outreach", answer: Self.answer)
        try await clarification(on: spec, Self.unansweredQuestion, askedBy: "Lanternway Youth Trust", answer: nil)
        return spec
    }

    /// A published specification with bids from Lanternway Youth Trust (£55,000) and Kestrel
    /// Youth Outreach (£58,000), both in time.
    func twoBids(_ title: String) async throws -> Specification {
        let spec = try await specification(title)
        try await bid(on: spec, by: "Lanternway Youth Trust", pounds: 55_000)
        try await bid(on: spec, by: "Kestrel Youth Outreach", pounds: 58_000)
        return spec
    }

    /// A provider's question, answered for every bidder when `answer` is given.
    func clarification(on spec: Specification, _ question: String, askedBy organisation: String, answer: String?) async throws {
        let tenantID = self.tenantID
        let asker = try await organisationID(organisation)
        try await app.platformDB { db in
            guard let member = try await Membership.query(on: db).filter(\.$organisationID == asker).first() else {
                throw TestFailure("\(organisation) has no people")
            }
            let record = ClarificationRecord(tenantID: tenantID, specificationID: spec.id, question: question,
                                             organisationID: asker, personID: member.personID, at: Self.spring)
            record.answer = answer
            record.answeredBy = answer.map { _ in "Amara Okafor <\(DemoPeople.commissioner)>" }
            record.answeredAt = answer.map { _ in Self.spring.addingTimeInterval(86_400) }
            try await record.create(on: db)
        }
    }

    func award(_ spec: Specification, to bid: Bid) async throws {
        let tenantID = self.tenantID
        let commissioner = try await personID(DemoPeople.commissioner)
        let decision = AwardDecision(specificationID: spec.id, winningBidID: bid.id, reasons: "Highest total score",
                                     decidedBy: commissioner, decidedAt: spec.closesAt.addingTimeInterval(14 * 86_400))
        try await app.platformDB { db in try await AwardRecord(tenantID: tenantID, decision: decision).create(on: db) }
    }

    /// Puts the assessor on the specification's panel.
    func assign(_ email: String, to spec: Specification) async throws {
        let tenantID = self.tenantID
        let assessor = try await personID(email)
        try await app.platformDB { db in
            try await PanelAssessorRecord(tenantID: tenantID, specificationID: spec.id, personID: assessor,
                                          assignedBy: "fixtures", at: spec.closesAt).create(on: db)
        }
    }

    /// The assessor's declaration about one bidder; a later one replaces it.
    func declare(_ email: String, on spec: Specification, about organisation: String, conflicted: Bool, minutesAfterDeadline: Double = 1) async throws {
        let tenantID = self.tenantID
        let declaration = ConflictDeclaration(assessorID: try await personID(email), bidderID: try await organisationID(organisation),
                                              conflicted: conflicted, reason: conflicted ? "A trustee is my sister" : "",
                                              declaredAt: spec.closesAt.addingTimeInterval(minutesAfterDeadline * 60))
        try await app.platformDB { db in
            try await ConflictDeclarationRecord(tenantID: tenantID, specificationID: spec.id, declaration: declaration).create(on: db)
        }
    }

    func organisationID(_ name: String) async throws -> UUID {
        let tenantID = self.tenantID
        return try await app.platformDB { db in
            guard let id = try await Organisation.query(on: db).filter(\.$tenantID == tenantID).filter(\.$name == name).first()?.id else {
                throw TestFailure("no organisation \(name)")
            }
            return id
        }
    }

    func personID(_ email: String) async throws -> UUID {
        try await app.platformDB { db in
            guard let id = try await Person.query(on: db).filter(\.$email == email).first()?.id else { throw TestFailure("no person \(email)") }
            return id
        }
    }
}

extension AppTestCase {
    /// A GET to the API with a bearer token (or none), its JSON object decoded.
    func apiGet(_ path: String, token: String? = nil) async throws -> (status: HTTPStatus, json: [String: Any], body: String) {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = .init(token: token) }
        let response = try await app.testable().sendRequest(HTTPMethod.GET, path, headers: headers)
        let body = response.body.string
        let json = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:]
        return (response.status, json, body)
    }
}
