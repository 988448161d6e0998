import Foundation
import Testing
@testable import WaymarkDomain

/// The read rule, written out a second time by hand as a table: for each kind of row, in the
/// reader's own organisation's case and in another's, the roles that read it. Checked both ways
/// for every role, so a change to `ReadRule` nobody meant fails here.
@Suite struct ReadRuleTests {
    static let person = UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!
    static let own = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    static let other = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
    static let birmingham = "E08000025", coventry = "E08000026"

    static let everyone = Set(Role.allCases)

    static let expected: [(name: String, row: ReadableRow, readers: Set<Role>)] = [
        ("their local authority", .localAuthority(gss: birmingham), everyone),
        ("another local authority", .localAuthority(gss: coventry), everyone.subtracting([.partner])),
        ("a route in their area", .route(localAuthority: birmingham), everyone),
        ("a route elsewhere", .route(localAuthority: coventry), everyone.subtracting([.partner])),
        ("their organisation's funding source", .fundingSource(funder: own), [.commissioner, .finance, .partner, .viewer]),
        ("another funder's source", .fundingSource(funder: other), [.commissioner, .finance, .viewer]),
        ("their organisation's pledge", .pledge(organisation: own), [.commissioner, .finance, .partner, .viewer]),
        ("another organisation's pledge", .pledge(organisation: other), [.commissioner, .finance, .viewer]),
        ("their organisation's contract", .contract(provider: own), [.commissioner, .finance, .provider, .viewer]),
        ("another provider's contract", .contract(provider: other), [.commissioner, .finance, .viewer]),
        ("their own contract's returns", .monthlyReturn(provider: own, fundedByReader: false), [.commissioner, .finance, .provider, .viewer]),
        ("returns of routes they fund", .monthlyReturn(provider: other, fundedByReader: true), [.commissioner, .finance, .partner, .viewer]),
        ("returns of routes others fund", .monthlyReturn(provider: other, fundedByReader: false), [.commissioner, .finance, .viewer]),
        ("a published specification", .specification(published: true), everyone),
        ("a draft specification", .specification(published: false), [.commissioner]),
        ("their unanswered question", .clarification(askedBy: own, answered: false), [.commissioner, .provider]),
        ("another's unanswered question", .clarification(askedBy: other, answered: false), [.commissioner]),
        ("an answered question", .clarification(askedBy: other, answered: true), everyone),
        ("an ordinary audit entry", .auditEntry(.plain), [.commissioner]),
        ("a bid's audit entry before the deadline", .auditEntry(.bid(deadlinePassed: false)), []),
        ("a bid's audit entry after the deadline", .auditEntry(.bid(deadlinePassed: true)), [.commissioner]),
        ("a scenario shared with partners", .scenario(sharedWithPartners: true), everyone),
        ("a scenario not shared", .scenario(sharedWithPartners: false), [.commissioner, .finance]),
        ("their own alert", .alert(addressedTo: person), everyone),
        ("someone else's alert", .alert(addressedTo: other), []),
    ]

    /// A person holding `role` in an organisation of Birmingham.
    static func reader(_ roles: Set<Role>, localAuthority: String? = birmingham) -> Reader {
        Reader(personID: person, organisations: [.init(id: own, roles: roles, localAuthority: localAuthority)])
    }

    @Test(arguments: Role.allCases)
    func eachRoleReadsExactlyTheRowsOfTheTable(role: Role) {
        for entry in Self.expected {
            let allowed = ReadRule.allows(Self.reader([role]), entry.row)
            #expect(allowed == entry.readers.contains(role), "\(role) reading \(entry.name)")
        }
    }

    @Test func aRoleBesideTheLimitedOneLiftsTheLimit() {
        let partnerAndViewer = Self.reader([.partner, .viewer])
        #expect(ReadRule.allows(partnerAndViewer, .fundingSource(funder: Self.other)))
        #expect(ReadRule.allows(partnerAndViewer, .route(localAuthority: Self.coventry)))
        let providerAndFinance = Self.reader([.provider, .finance])
        #expect(ReadRule.allows(providerAndFinance, .contract(provider: Self.other)))
    }

    @Test func aTenantWidePartnerSeesEveryAreaButOnlyTheirOwnMoney() {
        let police = Self.reader([.partner], localAuthority: nil)
        #expect(ReadRule.allows(police, .localAuthority(gss: Self.coventry)))
        #expect(ReadRule.allows(police, .route(localAuthority: Self.coventry)))
        #expect(!ReadRule.allows(police, .fundingSource(funder: Self.other)))
        #expect(ReadScope(police).routes == .all)
    }

    @Test func aPartnerInTwoCouncilsSeesBothAreas() {
        let reader = Reader(personID: Self.person, organisations: [
            .init(id: Self.own, roles: [.partner], localAuthority: Self.birmingham),
            .init(id: Self.other, roles: [.partner], localAuthority: Self.coventry),
        ])
        #expect(ReadScope(reader).routes == .localAuthorities([Self.birmingham, Self.coventry]))
        #expect(ReadScope(reader).funders == [Self.own, Self.other])
        #expect(!ReadRule.allows(reader, .localAuthority(gss: "E08000027")))
    }

    @Test func thePublicReadsNoneOfTheTenantsOwnRows() {
        let nobody = Reader(personID: Self.person, organisations: [])
        #expect(ReadScope(nobody) == .nothing)
        #expect(!ReadRule.allows(nobody, .route(localAuthority: Self.birmingham)))
        #expect(!ReadRule.allows(nobody, .fundingSource(funder: Self.own)))
        #expect(!ReadRule.allows(nobody, .specification(published: false)))
        #expect(ReadRule.allows(nobody, .specification(published: true)), "what is published is public")
        #expect(!ReadRule.allows(nobody, .alert(addressedTo: Self.person)))
    }

    @Test(arguments: Role.allCases)
    func theInboxScopeIsTheRulesAlerts(role: Role) {
        let reader = Self.reader([role])
        for addressee in [Self.person, Self.other] {
            #expect(ReadRule.allows(reader, .alert(addressedTo: addressee)) == (ReadScope(reader).alertsAddressedTo == addressee))
        }
        #expect(ReadScope.nothing.alertsAddressedTo == nil)
    }
}
