import Fluent
import XCTVapor
@testable import WaymarkApp
import WaymarkDomain

/// The demo's Wolverhampton specification, as each role meets it.
final class DemoCommissioningTests: AppTestCase {
    func demoSpecification() async throws -> String {
        try await platform { db in
            guard let spec = try await SpecificationRecord.query(on: db).filter(\.$title == DemoCommissioning.title).first() else {
                throw TestFailure("the demo specification is missing")
            }
            return spec.id!.uuidString
        }
    }

    func testTheDemoStoryRanksAndAwardsLanternway() async throws {
        let spec = try await demoSpecification()
        let commissioner = try await signedIn(DemoPeople.commissioner)
        let ranking = try await commissioner.get(SiteMap.Tenant.ranking.path(Self.slug, spec))
        XCTAssertEqual(ranking.status, .ok)
        XCTAssertTrue(ranking.body.string.contains("Awarded to Lanternway Youth Trust for £89,400.00 on 3 Jul 2023"))
        XCTAssertTrue(ranking.body.string.contains("Total: quality 34.00 + price 48.63 + social value 8.00 = 90.63"))
        let detail = try await commissioner.get(SiteMap.Tenant.specification.path(Self.slug, spec))
        XCTAssertTrue(detail.body.string.contains("£45,630.00"), "£91,260 split by cost: half each")
        XCTAssertTrue(detail.body.string.contains("May a bid propose to serve only one of the two routes?"))
        let contract = try await platform { db in try await ContractRecord.query(on: db).filter(\.$reference == DemoCommissioning.contractReference).first() }
        XCTAssertEqual(contract?.valuePence, 8_940_000)
        let contractPage = try await commissioner.get(SiteMap.Tenant.contract.path(Self.slug, try XCTUnwrap(contract?.id).uuidString))
        XCTAssertEqual(contractPage.status, .ok)
        // Finance has paid the quarters whose returns are approved (DemoReturnsTests tells which).
        let contractID = try XCTUnwrap(contract?.id)
        let paidPence = try await platform { db in
            try await PaymentLineRecord.query(on: db).filter(\.$contractID == contractID).all().filter { $0.paidOn != nil }.reduce(Int64(0)) { $0 + $1.amountPence }
        }
        XCTAssertGreaterThan(paidPence, 0)
        XCTAssertTrue(contractPage.body.string.contains("£89,400.00 committed to contracts, \(Money(pence: paidPence).display) paid; not yet committed: £1,860.00"),
                      "the council's pledge of the whole budget holds the contract")
        XCTAssertFalse(contractPage.body.string.contains("more than it holds"))
    }

    func testEachRoleOnTheDemoSpecification() async throws {
        let spec = try await demoSpecification()
        let pages: [(String, Set<String>)] = [
            (SiteMap.Tenant.specification.path(Self.slug, spec), TenantAccessTests.allRoles),
            (SiteMap.Tenant.bids.path(Self.slug, spec), ["commissioner", "assessor"]),
            (SiteMap.Tenant.ranking.path(Self.slug, spec), ["commissioner"]),
            (SiteMap.Tenant.rankingCSV.path(Self.slug, spec), ["commissioner"]),
            (SiteMap.Tenant.panel.path(Self.slug, spec), ["commissioner"]),
            (SiteMap.Tenant.declarations.path(Self.slug, spec), ["assessor"]),
            (SiteMap.Tenant.ownBid.path(Self.slug, spec), ["provider"]),
            (SiteMap.Tenant.feedback.path(Self.slug, spec), ["provider"]),
        ]
        for (role, email) in DemoPeople.byRole {
            let browser = try await signedIn(email)
            for (path, roles) in pages {
                let response = try await browser.get(path)
                XCTAssertEqual(response.status, roles.contains(role) ? .ok : .forbidden, "\(role) on \(path)")
            }
        }
        let otherTenant = try await signedIn(DemoPeople.northmoorCommissioner)
        for (path, _) in pages {
            let response = try await otherTenant.get(path)
            XCTAssertEqual(response.status, .notFound, path)
        }
    }

    func testTheConflictedAssessorCannotReadThatBid() async throws {
        let spec = try await demoSpecification()
        let tomasz = try await signedIn(CommissioningPeople.tomasz)
        let list = try await tomasz.get(SiteMap.Tenant.bids.path(Self.slug, spec))
        XCTAssertTrue(list.body.string.contains("You declared a conflict of interest with this bidder, so you cannot read their bid"))
        let kerbside = try await bidIDs(spec)["Black Country Kerbside CIO"]!
        let read = try await tomasz.get(SiteMap.Tenant.bid.path(Self.slug, spec, kerbside))
        XCTAssertEqual(read.status, .forbidden)
        let priya = try await signedIn(CommissioningPeople.priya)
        let allowed = try await priya.get(SiteMap.Tenant.bid.path(Self.slug, spec, kerbside))
        XCTAssertEqual(allowed.status, .ok)
    }
}
