import Foundation
import Testing
@testable import WaymarkDomain

/// Who hears of each event, written out by hand a second time: for a person holding one role in
/// the organisation the event concerns ("own") and for one holding it in another, the roles that
/// hear. Checked both ways for every role, so nobody is told of what the read rule hides.
@Suite struct NotificationRulesTests {
    static let person = UUID(uuidString: "00000000-0000-0000-0000-0000000000AA")!
    static let own = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    static let other = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!
    static let birmingham = "E08000025", coventry = "E08000026"

    static let expected: [(name: String, event: WorkflowEvent, own: Set<Role>, other: Set<Role>)] = [
        ("a route in the area changes status", .routeStatusChanged(localAuthority: birmingham, funders: [own]), [.commissioner, .partner], [.commissioner]),
        ("a route elsewhere they fund changes status", .routeStatusChanged(localAuthority: coventry, funders: [own]), [.commissioner], [.commissioner]),
        ("a grant ends", .grantEnding(funder: own), [.commissioner, .partner], [.commissioner]),
        ("a pledge is made", .pledgeMade(organisation: own), [.commissioner], [.commissioner]),
        ("a pledge is withdrawn", .pledgeWithdrawn(organisation: own), [.commissioner], [.commissioner]),
        ("a pledge is decided", .pledgeDecided(organisation: own), [.partner], []),
        ("a specification is published", .specificationPublished, [.provider], [.provider]),
        ("a deadline is near", .deadlineNear, [.provider], [.provider]),
        ("a question is answered", .clarificationAnswered(bidders: [own]), [.provider], []),
        ("bids are ready to score", .bidsReadyToScore(panel: [person]), Set(Role.allCases), Set(Role.allCases)),
        ("a bid won", .bidWon(bidder: own), [.provider], []),
        ("a bid lost", .bidLost(bidder: own), [.provider], []),
        ("a contract is varied", .contractVaried(provider: own), [.provider], []),
        ("a payment is made", .paymentMade(provider: own), [.provider], []),
        ("a return is due", .returnReminder(provider: own), [.provider], []),
        ("a return is reviewed", .returnReviewed(provider: own), [.provider], []),
        ("their shared forecast finished", .forecastFinished(ranBy: person, shared: true), Set(Role.allCases), Set(Role.allCases)),
        ("their unshared forecast finished", .forecastFinished(ranBy: person, shared: false), [.commissioner, .finance], [.commissioner, .finance]),
    ]

    static func reader(_ role: Role, in organisation: UUID) -> Reader {
        Reader(personID: person, organisations: [.init(id: organisation, roles: [role], localAuthority: birmingham)])
    }

    @Test(arguments: Role.allCases)
    func eachRoleHearsExactlyWhatTheTableSays(role: Role) {
        for entry in Self.expected {
            for (organisation, hears) in [(Self.own, entry.own), (Self.other, entry.other)] {
                let told = NotificationRules.recipients(entry.event, among: [Self.reader(role, in: organisation)]) == [Self.person]
                #expect(told == hears.contains(role), "\(role) in \(organisation == Self.own ? "the" : "another") organisation: \(entry.name)")
            }
        }
    }

    @Test func nobodyIsToldTwiceAndOthersOnThePanelAreNot() {
        let twice = [Self.reader(.commissioner, in: Self.own), Self.reader(.partner, in: Self.own)]
        #expect(NotificationRules.recipients(.grantEnding(funder: Self.own), among: twice) == [Self.person])
        let stranger = Reader(personID: UUID(), organisations: [.init(id: Self.own, roles: [.assessor], localAuthority: nil)])
        #expect(NotificationRules.recipients(.bidsReadyToScore(panel: [Self.person]), among: [stranger]).isEmpty)
    }

    @Test func preferencesTurnEmailOffByKindOrIntoADigest() {
        var preferences = NoticePreferences(emailOff: [.forecast])
        #expect(preferences.emailsAtOnce(.award))
        #expect(!preferences.emailsAtOnce(.forecast))
        #expect(!preferences.digests(.award))
        preferences.weeklyDigest = true
        #expect(!preferences.emailsAtOnce(.award))
        #expect(preferences.digests(.award))
        #expect(!preferences.digests(.forecast), "off is off, digest or not")
    }

    @Test func everyKindHasWordsForThePreferencesPage() {
        #expect(Set(NoticeKind.allCases.map(\.label)).count == NoticeKind.allCases.count)
    }
}
