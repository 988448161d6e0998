import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// An awarded specification in the demo tenant, stored directly: published, two bids
/// submitted before closing (Lanternway's wins at £91,260, Kestrel's loses), and the award.
/// References and titles are unlike the demo's own ("ST-WLV-2023-01") so they never collide.
struct ContractAward {
    let specificationID: UUID
    let winningBidID: UUID
    let winnerID: UUID
    let routeCodes: [String]
    let routeIDs: [UUID]

    /// `/t/west-midlands/specifications/{id}/contract`
    var contractFormPath: String { "/t/west-midlands/specifications/\(specificationID.uuidString)/contract" }
}

enum ContractFixtures {
    static let tenant = "west-midlands"
    static let lanternway = "Lanternway Youth Trust"
    static let kestrel = "Kestrel Youth Outreach"
    static let price = Money(pounds: 91_260)
    /// Closing at noon on 30 June 2023; service 1 Sep 2023 to 31 Jul 2024, going live on 4 Sep.
    static let closing = LondonWallTime(day: Day(2023, 6, 30), hour: 12, minute: 0)!
    /// A Monday in term: "today" for most contract tests.
    static let today = instant(2023, 10, 2, hour: 9)
    /// A day after the tests' first payments (5 Oct 2023): a paid-on day is never in the future.
    static let afterFirstPayment = instant(2023, 10, 16, hour: 9)

    static func instant(_ year: Int, _ month: Int, _ day: Int, hour: Int = 12) -> Date {
        LondonWallTime(day: Day(year, month, day), hour: hour, minute: 0)!.instant
    }
}

extension AppTestCase {
    /// Stores an awarded specification for `routes` (in one local authority): Step Together
    /// style, £91,260 split between the routes equally.
    @discardableResult
    func storeContractAward(title: String = "Test Together: Wolverhampton city routes", routes codes: [String] = ["WLV-01", "WLV-02"],
                              authority: String = "Wolverhampton") async throws -> ContractAward {
        try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == ContractFixtures.tenant).first()!
            let tenantID = tenant.id!
            let routes = try await Route.query(on: db).filter(\.$tenantID == tenantID).filter(\.$code ~~ codes).sort(\.$code).all()
            let authorityID = try await LocalAuthority.query(on: db).filter(\.$tenantID == tenantID).filter(\.$name == authority).first()!.id!
            func organisation(_ name: String) async throws -> UUID {
                try await Organisation.query(on: db).filter(\.$tenantID == tenantID).filter(\.$name == name).first()!.id!
            }
            let winner = try await organisation(ContractFixtures.lanternway), loser = try await organisation(ContractFixtures.kestrel)
            let commissioner = try await Person.query(on: db).filter(\.$email == DemoPeople.commissioner).first()!.id!
            let provider = try await Person.query(on: db).filter(\.$email == DemoPeople.provider).first()!.id!
            let routeIDs = routes.map { $0.id! }
            let question = Question(text: "How will you work with the schools on these routes?", weight: Weight(percent: 40))
            var spec = Specification(
                title: title, servicesRequired: "Two trained youth workers on each route every school day.",
                localAuthorityIDs: [authorityID], routeIDs: routeIDs, totalValue: ContractFixtures.price,
                valueSplit: .proportionalToCost(Dictionary(uniqueKeysWithValues: routeIDs.map { ($0, Money(pounds: 30_000)) })),
                servicePeriod: DayRange(start: Day(2023, 9, 1), end: Day(2024, 7, 31))!, goLive: Day(2023, 9, 4),
                questions: [question], criteria: .stepTogether, closing: ContractFixtures.closing,
                kpis: ["Route staffed on 98% of school days", "Monthly return by the 10th"], status: .awarded)
            spec.version = 1
            let opened = ContractFixtures.instant(2023, 5, 1)
            let record = try SpecificationRecord(tenantID: tenantID, specification: spec, createdBy: "Fixture", at: opened)
            record.publishedAt = opened
            try await record.create(on: db)
            func bid(_ organisation: UUID, price: Money) async throws -> UUID {
                let bid = BidRecord(tenantID: tenantID, specificationID: spec.id, providerOrganisationID: organisation, at: opened)
                try await bid.create(on: db)
                let content = BidContent(answers: [question.id: "We have walked these routes with schools since 2019."],
                                         price: BidPrice(total: price), proposedRouteIDs: Set(routeIDs),
                                         socialValue: "Two apprenticeships a year.")
                let version = BidVersion(number: 1, content: content, submittedAt: ContractFixtures.instant(2023, 6, 20),
                                         submittedBy: provider)
                try await BidVersionRecord(tenantID: tenantID, bidID: bid.id!, version: version).create(on: db)
                return bid.id!
            }
            let winning = try await bid(winner, price: ContractFixtures.price)
            _ = try await bid(loser, price: Money(pounds: 98_000))
            let decision = AwardDecision(specificationID: spec.id, winningBidID: winning,
                                         reasons: "Highest ranked on quality and price.", decidedBy: commissioner,
                                         decidedAt: ContractFixtures.instant(2023, 7, 20))
            try await AwardRecord(tenantID: tenantID, decision: decision).create(on: db)
            return ContractAward(specificationID: spec.id, winningBidID: winning, winnerID: winner,
                                        routeCodes: routes.map(\.code), routeIDs: routeIDs)
        }
    }

    /// The form as the award fills it in, with this reference and any fields changed.
    func contractForm(_ award: ContractAward, reference: String, changes: [String: String] = [:]) -> [String: String] {
        var form: [String: String] = [
            "reference": reference, "title": "Test Together Wolverhampton 2023/24", "provider": award.winnerID.uuidString,
            "value": "91,260", "start_day": "2023-09-04", "end_day": "2024-07-31",
            "kpis": "Route staffed on 98% of school days\nMonthly return by the 10th",
        ]
        let share = award.routeCodes.count == 2 ? "45,630" : "91,260"
        for code in award.routeCodes { form["route_values[\(code)]"] = share }
        for (key, value) in changes { form[key] = value }
        return form
    }

    /// Makes the contract through the page as the commissioner; returns the contract's path.
    func makeContract(_ award: ContractAward, reference: String, changes: [String: String] = [:],
                      as browser: Browser? = nil) async throws -> String {
        var commissioner = browser
        if commissioner == nil { commissioner = try await signedIn(DemoPeople.commissioner) }
        guard let commissioner else { throw TestFailure("no browser") }
        _ = try await commissioner.get(award.contractFormPath)
        let response = try await commissioner.post(award.contractFormPath, form: contractForm(award, reference: reference, changes: changes))
        XCTAssertEqual(response.status, .seeOther, response.body.string)
        return try XCTUnwrap(response.headers.first(name: .location))
    }

    /// Contracts the tests made: every fixture reference starts "TEST-", so the demo's own
    /// contract (ST-WLV-2023-01) never counts.
    func contractCount() async throws -> Int {
        try await fixtureContractIDs().count
    }

    /// Payment lines of the contracts the tests made.
    func fixturePaymentLineCount() async throws -> Int {
        let ids = try await fixtureContractIDs()
        guard !ids.isEmpty else { return 0 }
        return try await platform { db in try await PaymentLineRecord.query(on: db).filter(\.$contractID ~~ ids).count() }
    }

    private func fixtureContractIDs() async throws -> [UUID] {
        try await platform { db in
            try await ContractRecord.query(on: db).filter(\.$reference =~ "TEST-").all().compactMap(\.id)
        }
    }

    /// Removes the demo's contracts (every one not made by a test) serving any of `codes`, or
    /// all of them, with their returns and payment lines: for a test whose figures and reasons
    /// must come from its own contract alone, whatever the demo's story holds.
    func removeDemoContracts(servingAnyOf codes: [String]? = nil) async throws {
        try await platform { db in
            let routeIDs = try await Route.query(on: db).all().filter { codes?.contains($0.code) ?? true }.compactMap(\.id)
            let ids = try await ContractRecord.query(on: db).all().filter { record in
                guard !record.reference.hasPrefix("TEST-") else { return false }
                let routes = try record.contract(variations: []).original.routes.map(\.routeID)
                return routes.contains(where: routeIDs.contains)
            }.compactMap(\.id)
            guard !ids.isEmpty else { return }
            let returnIDs = try await MonthlyReturnRecord.query(on: db).filter(\.$contractID ~~ ids).all().compactMap(\.id)
            if !returnIDs.isEmpty {
                try await ReturnReviewRecord.query(on: db).filter(\.$returnID ~~ returnIDs).delete()
                try await ReturnVersionRecord.query(on: db).filter(\.$returnID ~~ returnIDs).delete()
                try await MonthlyReturnRecord.query(on: db).filter(\.$id ~~ returnIDs).delete()
            }
            try await PaymentLineRecord.query(on: db).filter(\.$contractID ~~ ids).delete()
            try await ContractVariationRecord.query(on: db).filter(\.$contractID ~~ ids).delete()
            try await ContractRecord.query(on: db).filter(\.$id ~~ ids).delete()
        }
    }

    func paymentLines(contractPath: String) async throws -> [PaymentLineRecord] {
        let id = UUID(uuidString: String(contractPath.split(separator: "/").last!))!
        return try await platform { db in try await PaymentLineRecord.query(on: db).filter(\.$contractID == id).sort(\.$number).all() }
    }

    /// Stands the application's clock at `date` (nil: the real clock again).
    func stopClock(at date: Date?) { app.clock.set(date) }

    /// The opening tag of the element with this id in `html` ("" when there is none).
    func openingTag(_ html: String, id: String) -> String {
        guard let range = html.range(of: "id=\"\(id)\"") else { return "" }
        let start = html[..<range.lowerBound].lastIndex(of: "<") ?? range.lowerBound
        let end = html[range.upperBound...].firstIndex(of: ">") ?? html.endIndex
        return String(html[start..<end])
    }

    /// The version field a page's form carries.
    func versionField(_ html: String) throws -> String {
        guard let range = html.range(of: "name=\"version\" value=\"") else { throw TestFailure("no version field on the page") }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

extension AppTestCase {
    /// Marks a line paid through the app's own marking (`PaymentMarking.mark`), as finance,
    /// with every month of the line's return approved, or none. Monthly returns do not exist
    /// yet, so no page can make a line payable: this reaches the paid path the pages cannot.
    func markPaid(_ contractPath: String, line: PaymentLineRecord, on day: String, approving: Bool) async throws -> [FieldError] {
        let contractID = String(contractPath.split(separator: "/").last!)
        let (tenant, person) = try await platform { db in
            (try await Tenant.query(on: db).filter(\.$slug == ContractFixtures.tenant).first()!,
             try await Person.query(on: db).filter(\.$email == DemoPeople.finance).first()!)
        }
        let today = Day(app.clock.now(), in: London.timeZone)
        let reader = Reader(personID: person.id!, organisations: [.init(id: UUID(), roles: [.finance], localAuthority: nil)])
        return try await DatabaseScope.tenant(tenant.id!).run(on: app.db) { db in
            let context = TenantContext(tenant: tenant, tenantID: tenant.id!, person: person, personID: person.id!, roles: [.finance],
                                        memberships: [], organisations: [], readScope: ReadScope(reader), reader: reader, db: db)
            let loaded = try await ContractQueries.find(context, id: contractID)
            guard let record = loaded.lines.first(where: { $0.id == line.id }), let domain = record.line else { throw TestFailure("no such line") }
            return try await PaymentMarking.mark(context, loaded, record, paidOn: day, version: String(loaded.record.version),
                                                 approvedMonths: approving ? Set(domain.months) : [],
                                                 today: today)
        }
    }
}
