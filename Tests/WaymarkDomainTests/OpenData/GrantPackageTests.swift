import Foundation
import Testing
@testable import WaymarkDomain

@Suite struct OrgIDTests {
    @Test func eachIdentifierGivesItsOrgID() {
        #expect(OrgID.of(OrganisationIdentifiers(charityNumber: "1187654", companyNumber: "11223344")) == "GB-CHC-1187654")
        #expect(OrgID.of(OrganisationIdentifiers(charityNumber: "SC012345")) == "GB-SC-SC012345")
        #expect(OrgID.of(OrganisationIdentifiers(charityNumber: "NIC100123")) == "GB-NIC-100123")
        #expect(OrgID.of(OrganisationIdentifiers(companyNumber: "04567890")) == "GB-COH-04567890")
        #expect(OrgID.of(OrganisationIdentifiers(urn: "103956")) == "GB-EDU-103956")
        #expect(OrgID.of(OrganisationIdentifiers(gssCode: "E08000025"), councilOrgID: "GB-LAE-BIR") == "GB-LAE-BIR")
        #expect(OrgID.of(OrganisationIdentifiers(ukprn: "10012345")) == "GB-UKPRN-10012345")
        #expect(OrgID.of(OrganisationIdentifiers()) == nil)
    }

    @Test func aTypedOrgIDIsCheckedAgainstTheRegister() {
        #expect(OrgID.problem("GB-CHC-1187654") == nil)
        #expect(OrgID.problem("GB-GOR-PB123") == nil)
        #expect(OrgID.problem("GB-CHC-12") != nil, "a charity number of 2 digits")
        #expect(OrgID.problem("GB-COH-1234") != nil, "a company number short of 8")
        #expect(OrgID.problem("XX-FOO-1") != nil, "a prefix not on the register")
        #expect(OrgID.problem("GB-CHC") != nil, "no number")
    }
}

@Suite struct GrantPackageTests {
    static let modified = Date(timeIntervalSince1970: 1_700_000_000)

    static func facts(_ reference: String, awarded: String = "2023-08-20", start: String = "2023-09-01", end: String = "2024-07-19",
                      recipient: OrganisationIdentifiers = OrganisationIdentifiers(charityNumber: "1187654"),
                      title: String = "Walking buses") -> GrantFacts {
        GrantFacts(reference: reference, title: title, programme: "Step Together", amount: Money(pence: 4_200_000),
                   awarded: Day(iso: awarded)!, period: DayRange(start: Day(iso: start)!, end: Day(iso: end)!)!,
                   recipient: .init(name: "Aire Valley Walking Buses CIO", identifiers: recipient, councilOrgID: nil, internalID: "abc"),
                   places: [.init(name: "Leeds", gssCode: "E08000035"), .init(name: "County Durham", gssCode: "E06000047")],
                   routeCount: 2, modified: modified, url: "https://example.org/g")
    }

    static let source = GrantPackage.Source(funderName: "West Yorkshire VRU", funderOrgID: "GB-GOR-PB1", prefix: "wyvru",
                                             website: "https://example.org", downloadURL: "https://example.org/360.json",
                                             license: "https://example.org/ogl")

    @Test func aPackageNeedsAGrant() {
        #expect(GrantPackage.make([], source: Self.source) == nil)
    }

    @Test func grantsCarryTheStandardsFields() throws {
        let package = try #require(GrantPackage.make([Self.facts("WY/G 1"), Self.facts("WY-2", awarded: "2024-01-01")], source: Self.source))
        #expect(package.grants.map(\.id) == ["360G-wyvru-WY-2", "360G-wyvru-WY-G-1"], "newest first; the reference made one token")
        let grant = package.grants[1]
        #expect(grant.amountAwarded == 42_000)
        #expect(grant.recipientOrganization.map(\.id) == ["GB-CHC-1187654"])
        #expect(grant.fundingOrganization.map(\.id) == ["GB-GOR-PB1"])
        #expect(grant.beneficiaryLocation.map(\.geoCodeType) == ["MD", "UA"])
        #expect(grant.dateModified == "2023-11-14T22:13:20Z")
        #expect(grant.description.contains("2 school routes in Leeds and County Durham"))
        #expect(GrantQuality.problems(package, today: Day(iso: "2024-06-01")!).isEmpty)
    }

    @Test func anOrganisationWithoutIdentifiersGetsTheTenantsOwnID() throws {
        let package = try #require(GrantPackage.make([Self.facts("A", recipient: OrganisationIdentifiers())], source: Self.source))
        #expect(package.grants[0].recipientOrganization[0].id == "360G-wyvru-org-abc")
    }

    @Test func theQualityRulesNameEachFault() throws {
        let grants = [Self.facts("FUTURE", awarded: "2030-01-01"), Self.facts("EMAIL", title: "Ask jo@example.org"),
                      Self.facts("BADCO", recipient: OrganisationIdentifiers(companyNumber: "123"))]
        let package = try #require(GrantPackage.make(grants, source: Self.source))
        let problems = GrantQuality.problems(package, today: Day(iso: "2024-06-01")!)
        #expect(problems.contains { $0.grantID == "360G-wyvru-FUTURE" && $0.message.contains("in the future") })
        #expect(problems.contains { $0.grantID == "360G-wyvru-EMAIL" && $0.message.contains("email") })
        #expect(problems.contains { $0.grantID == "360G-wyvru-BADCO" && $0.message.contains("8 characters") })
        #expect(problems.count == 4, "the bad company number fails both its org-id and its number: \(problems)")
    }
}

@Suite struct OpenDataSettingsTests {
    @Test func goodSettingsAreMadeCanonical() throws {
        let settings = try OpenDataSettings.check(orgID: " gb-chc-1187654 ", grantPrefix: "360G-wyvru", ocdsPrefix: "OCDS-B5FD17",
                                                  paymentThreshold: "500").get()
        #expect(settings.orgID == "GB-CHC-1187654")
        #expect(settings.grantPrefix == "wyvru")
        #expect(settings.ocdsPrefix == "ocds-b5fd17")
        #expect(settings.paymentThreshold == Money(pence: 50_000))
    }

    @Test func everyBadFieldIsNamedAtOnce() {
        guard case .failure(let problems) = OpenDataSettings.check(orgID: "XX", grantPrefix: "a b", ocdsPrefix: "ocds-1", paymentThreshold: "-5")
        else { Issue.record("accepted"); return }
        #expect(problems.all.map(\.field) == [.orgID, .grantPrefix, .ocdsPrefix, .paymentThreshold])
    }

    @Test func blanksMeanNotYet() throws {
        let settings = try OpenDataSettings.check(orgID: "", grantPrefix: " ", ocdsPrefix: "", paymentThreshold: "0").get()
        #expect(settings.orgID == nil && settings.grantPrefix == nil && settings.ocdsPrefix == nil)
    }
}
