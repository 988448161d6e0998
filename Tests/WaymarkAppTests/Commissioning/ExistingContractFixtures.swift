import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// A contract let before Waymark, recorded through its form: Lanternway on WLV-01 and WLV-02
/// from 4 Sep 2023 to 31 Jul 2024 by direct award, like the demo's but with a TEST- reference
/// so the demo's contracts never count.
enum ExistingContractFixtures {
    static let path = "/t/west-midlands/contracts/new"
    /// Wednesday 10 April 2024: the first two quarters were paid before Waymark, and the
    /// January to March returns can be filed.
    static let today = ContractFixtures.instant(2024, 4, 10, hour: 10)
}

extension AppTestCase {
    // `organisationID(_:)` (an organisation's id as the forms carry it) is FundingSupport's.

    /// The form as a commissioner fills it in, with any fields changed.
    func existingContractForm(reference: String, changes: [String: String] = [:]) async throws -> [String: String] {
        var form: [String: String] = [
            "reference": reference, "title": "Test Together Wolverhampton (let before Waymark)",
            "provider": try await organisationID(ContractFixtures.lanternway), "value": "91,260",
            "start_day": "2023-09-04", "end_day": "2024-07-31", "kpis": "Route staffed on 98% of school days",
            "route_values[WLV-01]": "45,630", "route_values[WLV-02]": "45,630",
            "how_let": "direct_award", "signed_on": "2023-08-21",
        ]
        form.merge(changes) { _, new in new }
        return form
    }

    /// Checks the form, then records it with `paidOn` (by the line's first day); returns the
    /// save's response, or the check's when the check finds problems.
    func recordExistingContract(_ browser: Browser, reference: String, changes: [String: String] = [:],
                                paidOn: [String: String] = [:]) async throws -> XCTHTTPResponse {
        _ = try await browser.get(ExistingContractFixtures.path)
        var form = try await existingContractForm(reference: reference, changes: changes)
        form["step"] = "check"
        let checked = try await browser.post(ExistingContractFixtures.path, form: form)
        guard checked.status == .ok else { return checked }
        form["checked_schedule"] = AppTestCase.hiddenValue("checked_schedule", in: checked.body.string)
        form["step"] = "save"
        for (start, day) in paidOn { form["paid_on[\(start)]"] = day }
        return try await browser.post(ExistingContractFixtures.path, form: form)
    }
}
