import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// A contract made by each test like the demo's ST-WLV-2023-01 (Lanternway, WLV-01 and
/// WLV-02, 4 Sep 2023 to 31 Jul 2024) but its own, so the demo's returns never count; and its
/// returns, reached through the pages as the demo people would.
enum ReturnFixtures {
    static let reference = "TEST-RET"
    static let partner = "harjit.bains@wolverhamptoncc.example"
    /// Wednesday 8 November 2023: October's return (due Tuesday 14 November) is due soon.
    static let today = ContractFixtures.instant(2023, 11, 8, hour: 10)
    static let october = "2023-10"
    static let september = "2023-09"
}

extension AppTestCase {
    /// Makes the test's contract through the pages; returns its id.
    func returnsContract() async throws -> String {
        let award = try await storeContractAward()
        let path = try await makeContract(award, reference: ReturnFixtures.reference)
        return String(path.split(separator: "/").last!)
    }

    /// `/t/west-midlands/contracts/{id}/returns/{month}` and what follows it.
    func returnPath(_ contract: String, _ month: String, _ tail: String = "") -> String {
        "/t/west-midlands/contracts/\(contract)/returns/\(month)" + tail
    }

    /// School days per route code, as the return's CSV template gives them.
    func templateSchoolDays(_ browser: Browser, _ contract: String, _ month: String) async throws -> [String: Int] {
        let response = try await browser.get(returnPath(contract, month, "/template.csv"))
        XCTAssertEqual(response.status, .ok)
        var days: [String: Int] = [:]
        for line in response.body.string.split(separator: "\r\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            days[String(cells[2])] = Int(cells[4])
        }
        return days
    }

    /// A complete, sound form for a month: every route's sessions delivered in full but one.
    func returnForm(_ days: [String: Int], version: String, action: String = "submit",
                    narrative: String = "A steady month on both routes.", changes: [String: String] = [:]) -> [String: String] {
        var form: [String: String] = ["version": version, "action": action, "narrative": narrative]
        for (code, schoolDays) in days {
            form["lines[\(code)][sessions_delivered]"] = String(schoolDays * 2 - 1)
            form["lines[\(code)][chaperone_hours]"] = String(schoolDays * 8)
            form["lines[\(code)][young_people_engaged]"] = "120"
            form["lines[\(code)][incidents_bullying]"] = "2"
            form["lines[\(code)][incidents_de_escalated]"] = "2"
            form["lines[\(code)][staff_on_route]"] = "2"
            form["lines[\(code)][staff_checks_in_date]"] = "2"
        }
        form.merge(changes) { _, new in new }
        return form
    }

    func storedReturn(_ contract: String, _ month: String) async throws -> MonthlyReturnRecord? {
        let id = UUID(uuidString: contract)!
        return try await platform { db in
            try await MonthlyReturnRecord.query(on: db).filter(\.$contractID == id).filter(\.$monthText == month).first()
        }
    }

    func versionCount(_ contract: String, _ month: String) async throws -> Int {
        guard let record = try await storedReturn(contract, month), let id = record.id else { return 0 }
        return try await platform { db in try await ReturnVersionRecord.query(on: db).filter(\.$returnID == id).count() }
    }

    /// Files a sound return by form as the provider and approves it as the commissioner.
    func fileAndApprove(_ contract: String, _ month: String) async throws {
        let provider = try await signedIn(DemoPeople.provider)
        let days = try await templateSchoolDays(provider, contract, month)
        let form = try await provider.get(returnPath(contract, month, "/form")).body.string
        let submitted = try await provider.post(returnPath(contract, month, "/form"), form: returnForm(days, version: try versionField(form)))
        XCTAssertEqual(submitted.status, .seeOther, submitted.body.string)
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let page = try await commissioner.get(returnPath(contract, month)).body.string
        let approved = try await commissioner.post(returnPath(contract, month, "/review"), form: ["step": "approve", "version": try versionField(page)])
        XCTAssertEqual(approved.status, .seeOther, approved.body.string)
    }
}
