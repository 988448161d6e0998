import Fluent
import Foundation
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

extension AppTestCase {
    /// A partnership built as one moving in would build it, through its settings and imports
    /// (issue 18's "tenant your tests build"): two West Yorkshire councils, two providers, three
    /// routes, a grant agreement, a direct award and a contract later withheld. Returns its
    /// commissioner signed in.
    func builtOpenDataTenant() async throws -> Browser {
        let commissioner = try await newTenant(slug: "west-yorkshire")
        let slug = "west-yorkshire"
        func load(_ kind: String, _ lines: [String]) async throws {
            let response = try await importFile(commissioner, kind, "\(kind).csv", Self.csv(lines), tenant: slug)
            XCTAssertEqual(response.status, .seeOther, "\(kind): \(response.body.string.prefix(2000))")
        }
        try await load("localAuthorities", ["gss_code,calendar", "E08000035,", "E08000036,"])
        try await load("organisations", ["name,kind,local_authority,gss_code,charity_number,company_number",
                                         "Aire Valley Walking Buses CIO,provider,,,1187654,",
                                         "Calder Safe Routes Ltd,provider,,,,11223344"])
        try await load("routes", ["code,name,local_authority,status,children_per_day,start_date,path",
                                  "LDS-01,Harehills Lane to Bankside Primary,E08000035,active,310,2024-09-02,53.8160 -1.5170; 53.8185 -1.5120",
                                  "LDS-02,Chapeltown Road to Hillside,E08000035,active,180,2024-09-02,53.8200 -1.5330; 53.8230 -1.5290",
                                  "WKF-01,Kirkgate to Wakefield Academy,E08000036,active,240,2024-09-02,53.6770 -1.4960; 53.6810 -1.4900"])
        try await load("contracts", ["contract_reference,title,provider,how_let,start_day,end_day,signed_on,route_code,route_value",
                                     "WY-G-2024-01,Walking buses in Harehills and Chapeltown,Aire Valley Walking Buses CIO,grant_agreement,2024-09-02,2025-07-18,2024-08-20,LDS-01,42000.00",
                                     "WY-G-2024-01,,,,,,,LDS-02,18000.00",
                                     "WY-D-2024-02,Chaperones for Kirkgate,Calder Safe Routes Ltd,direct_award,2024-09-02,2025-07-18,2024-08-22,WKF-01,36500.00"])
        let settings = try await commissioner.get(SiteMap.Tenant.settings.path(slug)).body.string
        let saved = try await commissioner.post(SiteMap.Tenant.settings.path(slug), form: [
            "at_risk_window_days": "90", "watch_window_days": "180", "return_due_working_day": "10",
            "org_id": "GB-GOR-DEMO-WYVRU", "grant_prefix": "360G-demo-wyvru", "ocds_prefix": "ocds-demo02", "payment_threshold": "500",
            "version": try versionField(settings)])
        XCTAssertEqual(saved.status, .seeOther, saved.body.string.prefix(2000).description)
        return commissioner
    }

    /// Writes an open data file where ops/test validates it with the official tools
    /// (`WAYMARK_OPEN_DATA_DIR`, set by ops/test); nothing when the variable is unset.
    func keepForValidation(_ body: String, as name: String) throws {
        guard let folder = ProcessInfo.processInfo.environment["WAYMARK_OPEN_DATA_DIR"], !folder.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try body.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
    }
}
