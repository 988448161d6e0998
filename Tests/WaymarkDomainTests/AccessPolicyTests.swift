import Testing
@testable import WaymarkDomain

/// The role table, written out a second time here by hand, so a change to
/// AccessPolicy that nobody meant shows up as a failing test, both ways.
@Suite struct AccessPolicyTests {
    static let expected: [Capability: Set<Role>] = [
        .viewRoutes: [.commissioner, .finance, .partner, .provider, .assessor, .viewer],
        .editRoutes: [.commissioner],
        .viewCalendars: [.commissioner, .finance, .partner, .provider, .assessor, .viewer],
        .editCalendars: [.commissioner],
        .viewOrganisations: [.commissioner, .finance, .viewer],
        .manageMembers: [.commissioner],
        .importData: [.commissioner],
        .viewAudit: [.commissioner],
        .useOwnAPITokens: [.commissioner, .finance, .partner, .provider, .assessor, .viewer],
        .viewFunding: [.commissioner, .finance, .partner, .viewer],
        .editFunding: [.commissioner, .finance],
        .makePledges: [.partner],
        .decidePledges: [.commissioner],
        .readInbox: [.commissioner, .finance, .partner, .provider, .assessor, .viewer],
        .viewForecasts: [.commissioner, .finance, .partner, .viewer],
        .editForecasts: [.commissioner, .finance],
        .viewSpecifications: [.commissioner, .finance, .partner, .provider, .assessor, .viewer],
        .editSpecifications: [.commissioner],
        .bidForWork: [.provider],
        .readBids: [.commissioner, .assessor],
        .scoreBids: [.assessor],
        .runEvaluations: [.commissioner],
        .viewContracts: [.commissioner, .finance, .provider, .viewer],
        .recordContracts: [.commissioner],
        .varyContracts: [.commissioner],
        .recordPayments: [.finance],
        .viewReturns: [.commissioner, .finance, .partner, .provider, .viewer],
        .fileReturns: [.provider],
        .reviewReturns: [.commissioner],
        .changeSettings: [.commissioner],
    ]

    @Test(arguments: Capability.allCases)
    func tableMatchesBothWays(_ capability: Capability) {
        let allowed = Self.expected[capability]
        #expect(allowed != nil, "every capability is in the written table")
        for role in Role.allCases {
            #expect(AccessPolicy.allows([role], capability) == allowed?.contains(role), "\(role) \(capability)")
        }
    }

    @Test func noRolesMayDoNothing() {
        for capability in Capability.allCases { #expect(!AccessPolicy.allows([], capability)) }
    }

    @Test func severalRolesMayDoWhatAnyAllows() {
        #expect(AccessPolicy.allows([.viewer, .commissioner], .viewAudit))
        #expect(!AccessPolicy.allows([.viewer, .provider], .viewAudit))
    }

    @Test func partnersSeeTheirAuthoritiesUnlessTenantWide() {
        #expect(AccessPolicy.routeVisibility(roles: [.partner], partnerAuthorities: ["E08000025"]) == .localAuthorities(["E08000025"]))
        #expect(AccessPolicy.routeVisibility(roles: [.partner], partnerAuthorities: nil) == .all)
        #expect(AccessPolicy.routeVisibility(roles: [.partner, .viewer], partnerAuthorities: ["E08000025"]) == .all)
        #expect(AccessPolicy.routeVisibility(roles: [.provider], partnerAuthorities: nil) == .all)
    }
}
