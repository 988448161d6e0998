import Testing
@testable import WaymarkDomain

@Suite("Organisation identifiers")
struct OrganisationIdentifiersTests {
    func check(gss: String? = nil, charity: String? = nil, company: String? = nil, urn: String? = nil, ukprn: String? = nil)
        -> (OrganisationIdentifiers, [OrganisationIdentifiers.Field]) {
        let (ids, problems) = OrganisationIdentifiers.check(gssCode: gss, charityNumber: charity, companyNumber: company, urn: urn, ukprn: ukprn)
        return (ids, problems.map(\.field))
    }

    @Test func acceptsEveryShapeAndMakesItCanonical() {
        let (ids, problems) = check(gss: " e08000025 ", charity: "1123456", company: "4567890", urn: "103956", ukprn: "10012345")
        #expect(problems.isEmpty)
        #expect(ids == OrganisationIdentifiers(gssCode: "E08000025", charityNumber: "1123456", companyNumber: "04567890",
                                               urn: "103956", ukprn: "10012345"))
        #expect(check(charity: "sc012345").1.isEmpty && check(charity: "NIC100123").1.isEmpty && check(charity: "216401").1.isEmpty)
        #expect(check(company: "SC123456").0.companyNumber == "SC123456")
    }

    @Test func blankMeansNone() {
        let (ids, problems) = check(gss: "", charity: "  ", company: nil)
        #expect(problems.isEmpty && ids == OrganisationIdentifiers())
    }

    @Test func namesEveryBadFieldAtOnce() {
        let (_, problems) = check(gss: "E0800002", charity: "12345", company: "SC12345X", urn: "12", ukprn: "20012345")
        #expect(problems == [.gssCode, .charityNumber, .companyNumber, .urn, .ukprn])
        let messages = OrganisationIdentifiers.check(gssCode: nil, charityNumber: "12-34", companyNumber: nil, urn: nil, ukprn: nil).1
        #expect(messages.first?.message.contains("'12-34' is not a charity number") == true)
    }
}
