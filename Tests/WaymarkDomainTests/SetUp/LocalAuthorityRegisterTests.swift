import Testing
@testable import WaymarkDomain

@Suite("Local authority register")
struct LocalAuthorityRegisterTests {
    @Test func pinsKnownDistricts() {
        #expect(LocalAuthorityRegister.authority(gssCode: "E08000025") == RegisteredAuthority(gssCode: "E08000025", name: "Birmingham", orgID: "GB-LAE-BIR"))
        #expect(LocalAuthorityRegister.authority(gssCode: "E08000003") == RegisteredAuthority(gssCode: "E08000003", name: "Manchester", orgID: "GB-LAE-MAN"))
        #expect(LocalAuthorityRegister.authority(gssCode: "W06000015")?.orgID == "GB-PLA-CRF")
        #expect(LocalAuthorityRegister.authority(gssCode: "E06000023")?.name == "Bristol, City of")
        #expect(LocalAuthorityRegister.authority(gssCode: "E09000001")?.name == "City of London")
        #expect(LocalAuthorityRegister.authority(gssCode: "E06000065")?.name == "North Yorkshire")
        #expect(LocalAuthorityRegister.authority(gssCode: "E06000065")?.orgID == nil, "made after the org-id register closed")
    }

    @Test func westMidlandsSevenAreAllThere() {
        let codes = ["E08000025", "E08000026", "E08000027", "E08000028", "E08000029", "E08000030", "E08000031"]
        let names = codes.compactMap { LocalAuthorityRegister.authority(gssCode: $0)?.name }
        #expect(names == ["Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton"])
    }

    @Test func countsMatchTheOfficialList() {
        let all = LocalAuthorityRegister.all
        func count(_ prefix: String) -> Int { all.filter { $0.gssCode.hasPrefix(prefix) }.count }
        #expect(all.count == 318)
        #expect(count("E06") == 63 && count("E07") == 164 && count("E08") == 36 && count("E09") == 33 && count("W06") == 22)
        #expect(Set(all.map(\.gssCode)).count == all.count, "codes are unique")
        #expect(Set(all.map(\.name)).count == all.count, "names are unique, so a tenant's authorities never clash by name")
        #expect(all.map(\.gssCode) == all.map(\.gssCode).sorted())
        #expect(all.allSatisfy { $0.orgID == nil || $0.orgID!.hasPrefix($0.gssCode.hasPrefix("W") ? "GB-PLA-" : "GB-LAE-") })
    }

    @Test func formerCodesFindTheDistrictUnderItsCurrentCode() {
        #expect(LocalAuthorityRegister.authority(gssCode: "E08000016")?.gssCode == "E08000038")
        #expect(LocalAuthorityRegister.authority(gssCode: "E08000038")?.name == "Barnsley")
        #expect(LocalAuthorityRegister.authority(gssCode: " e08000019 ")?.name == "Sheffield")
        #expect(LocalAuthorityRegister.authority(gssCode: "E08000099") == nil)
    }

    @Test func searchesByNameWordsCodeAndOrgID() {
        #expect(LocalAuthorityRegister.search("leeds").map(\.gssCode) == ["E08000035"])
        #expect(LocalAuthorityRegister.search("city of bristol").map(\.name) == ["Bristol, City of"])
        #expect(LocalAuthorityRegister.search("E08000025").map(\.name) == ["Birmingham"])
        #expect(LocalAuthorityRegister.search("GB-LAE-MAN").map(\.name) == ["Manchester"])
        #expect(LocalAuthorityRegister.search("   ").isEmpty, "an empty search lists nothing")
        #expect(LocalAuthorityRegister.search("E08").count == 25, "a code prefix lists up to the limit")
        #expect(LocalAuthorityRegister.search("zzzz").isEmpty)
    }
}
