import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// Returns stored straight into the database, as the filing and review pages would leave
/// them: the dashboard only reads, so it is tested on rows, not on the filing path.
struct StoredLine {
    let code: String
    let schoolDays: Int
    let counts: [ReturnCount: Int]
    let hours: Double
}

extension AppTestCase {
    /// A contract "TEST-DEL-01" for Lanternway on WLV-01 and WLV-03, made through the pages.
    /// WLV-03 is the one Blakenhall Community Academy funds; WLV-01 it does not.
    func makeDeliveryContract() async throws -> (contractID: UUID, routes: [String: UUID]) {
        stopClock(at: ContractFixtures.today)
        let award = try await storeContractAward(title: "Test Together: delivery", routes: ["WLV-01", "WLV-03"])
        let path = try await makeContract(award, reference: "TEST-DEL-01")
        let contractID = try XCTUnwrap(UUID(uuidString: String(path.split(separator: "/").last!)))
        // The demo's contracts and their returns would change every sum and count checked here.
        try await removeDemoContracts()
        return (contractID, Dictionary(uniqueKeysWithValues: zip(award.routeCodes, award.routeIDs)))
    }

    /// Stores a return for `month` in `status`. Each of `versions` becomes a submitted
    /// version, numbered from 1; the last is the latest.
    func storeReturn(contractID: UUID, month: CalendarMonth, status: ReturnStatus, versions: [[StoredLine]],
                     routes: [String: UUID], due: Day? = nil) async throws {
        try await platform { db in
            let tenant = try await Tenant.query(on: db).filter(\.$slug == ContractFixtures.tenant).first()!
            let person = try await Person.query(on: db).filter(\.$email == DemoPeople.provider).first()!
            let at = ContractFixtures.instant(month.next.year, month.next.month, 5)
            let record = MonthlyReturnRecord(tenantID: tenant.id!, contractID: contractID, month: month,
                                             due: due ?? ReturnDeadlines().due(for: month), at: at)
            record.statusText = status.rawValue
            record.latestVersion = versions.count
            record.firstSubmittedAt = versions.isEmpty ? nil : at
            try await record.create(on: db)
            for (index, lines) in versions.enumerated() {
                let content = ReturnContent(month: month, lines: lines.map { line in
                    RouteReturnLine(routeID: routes[line.code]!, schoolDays: line.schoolDays, counts: line.counts, chaperoneHours: line.hours)
                }, narrative: "A steady month.")
                try await ReturnVersionRecord(tenantID: tenant.id!, returnID: record.id!, number: index + 1, content: content,
                                              channel: .form, by: person.id!, name: person.name, at: at).create(on: db)
            }
        }
    }

    /// October and November 2023 approved (November on its second version, the first of which
    /// must not count), December 2023 submitted and not yet approved.
    func storeDeliveryReturns() async throws -> UUID {
        let (contractID, routes) = try await makeDeliveryContract()
        try await storeReturn(contractID: contractID, month: CalendarMonth(year: 2023, month: 10)!, status: .approved, versions: [[
            StoredLine(code: "WLV-01", schoolDays: 20, counts: [.sessionsDelivered: 38, .youngPeopleEngaged: 120, .incidentsViolence: 2,
                                                               .incidentsBullying: 1, .incidentsDeEscalated: 2, .safeguardingConcerns: 1,
                                                               .referralsMentalHealth: 2, .referralsMentoring: 1], hours: 80),
            StoredLine(code: "WLV-03", schoolDays: 20, counts: [.sessionsDelivered: 40, .youngPeopleEngaged: 90, .incidentsWeapons: 1,
                                                               .incidentsDeEscalated: 1, .referralsFoodAndClothing: 1], hours: 80.5),
        ]], routes: routes)
        try await storeReturn(contractID: contractID, month: CalendarMonth(year: 2023, month: 11)!, status: .approved, versions: [
            [StoredLine(code: "WLV-01", schoolDays: 21, counts: [.sessionsDelivered: 10, .youngPeopleEngaged: 999], hours: 1)],
            [StoredLine(code: "WLV-01", schoolDays: 21, counts: [.sessionsDelivered: 39, .youngPeopleEngaged: 130, .safeguardingConcerns: 2,
                                                                .referralsOther: 2], hours: 84),
             StoredLine(code: "WLV-03", schoolDays: 21, counts: [.sessionsDelivered: 41, .youngPeopleEngaged: 100,
                                                                .incidentsAntiSocialBehaviour: 2, .incidentsDeEscalated: 2,
                                                                .safeguardingConcerns: 1, .referralsDiversionaryActivity: 1], hours: 84.25)],
        ], routes: routes)
        try await storeReturn(contractID: contractID, month: CalendarMonth(year: 2023, month: 12)!, status: .submitted, versions: [[
            StoredLine(code: "WLV-01", schoolDays: 15, counts: [.sessionsDelivered: 5, .youngPeopleEngaged: 777], hours: 3),
            StoredLine(code: "WLV-03", schoolDays: 15, counts: [.sessionsDelivered: 6, .youngPeopleEngaged: 555], hours: 3),
        ]], routes: routes)
        return contractID
    }
}
