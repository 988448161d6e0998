import Foundation
import Testing
@testable import WaymarkDomain

/// The seal, reader by reader, a second before the deadline, at it, and a second after. The
/// bid read is Safe Steps'; Youth Links and Guardians Trust also bid. There is no "channel"
/// input: a page and an API token ask `BidAccess.decide` the same question, so the API rows
/// are the same readers.
@Suite("Commissioning: the seal on bids")
struct BidAccessTests {
    static let tenantOffice = id(600), unrelatedProvider = id(601)

    struct Row: CustomTestStringConvertible, Sendable {
        let name: String
        let reader: BidReader
        let before: BidAccessDecision
        let after: BidAccessDecision
        var testDescription: String { name }
    }

    static let sealed = BidAccessDecision.refused(.sealedUntil(Demo.closesAt))
    static let declared = PanelStanding(declaredForEveryBidder: true, conflictedBidderIDs: [])

    static let rows: [Row] = [
        Row(name: "the bidder (provider role)", reader: BidReader(roles: [.provider], organisationIDs: [Bidders.safeSteps]),
            before: .allowed(.ownBid), after: .allowed(.ownBid)),
        Row(name: "the bidder (a viewer in the bidding organisation)", reader: BidReader(roles: [.viewer], organisationIDs: [Bidders.safeSteps]),
            before: .allowed(.ownBid), after: .allowed(.ownBid)),
        Row(name: "a commissioner", reader: BidReader(roles: [.commissioner], organisationIDs: [tenantOffice]),
            before: sealed, after: .allowed(.commissioner)),
        Row(name: "a commissioner through the API (same reader)", reader: BidReader(roles: [.commissioner], organisationIDs: [tenantOffice]),
            before: sealed, after: .allowed(.commissioner)),
        Row(name: "a platform operator", reader: BidReader(roles: [], organisationIDs: [], isOperator: true),
            before: sealed, after: .refused(.noGround)),
        Row(name: "a platform operator who is also a commissioner", reader: BidReader(roles: [.commissioner], organisationIDs: [tenantOffice], isOperator: true),
            before: sealed, after: .allowed(.commissioner)),
        Row(name: "finance", reader: BidReader(roles: [.finance], organisationIDs: [tenantOffice]),
            before: sealed, after: .refused(.noGround)),
        Row(name: "a partner", reader: BidReader(roles: [.partner], organisationIDs: [Demo.wolverhampton]),
            before: sealed, after: .refused(.noGround)),
        Row(name: "a viewer", reader: BidReader(roles: [.viewer], organisationIDs: [tenantOffice]),
            before: sealed, after: .refused(.noGround)),
        Row(name: "a provider that did not bid", reader: BidReader(roles: [.provider], organisationIDs: [unrelatedProvider]),
            before: sealed, after: .refused(.noGround)),
        Row(name: "a competing bidder", reader: BidReader(roles: [.provider], organisationIDs: [Bidders.youthLinks]),
            before: sealed, after: .refused(.competingBidder)),
        Row(name: "a competing bidder who is also a commissioner", reader: BidReader(roles: [.commissioner, .provider], organisationIDs: [tenantOffice, Bidders.guardians]),
            before: sealed, after: .refused(.competingBidder)),
        Row(name: "an assigned assessor, declared, not conflicted", reader: BidReader(roles: [.assessor], organisationIDs: [tenantOffice], panel: declared),
            before: sealed, after: .allowed(.assessor)),
        Row(name: "an assigned assessor conflicted with another bidder only",
            reader: BidReader(roles: [.assessor], organisationIDs: [tenantOffice], panel: PanelStanding(declaredForEveryBidder: true, conflictedBidderIDs: [Bidders.youthLinks])),
            before: sealed, after: .allowed(.assessor)),
        Row(name: "an assigned assessor conflicted with this bidder",
            reader: BidReader(roles: [.assessor], organisationIDs: [tenantOffice], panel: PanelStanding(declaredForEveryBidder: true, conflictedBidderIDs: [Bidders.safeSteps])),
            before: sealed, after: .refused(.conflicted)),
        Row(name: "an assigned assessor yet to declare for every bidder",
            reader: BidReader(roles: [.assessor], organisationIDs: [tenantOffice], panel: PanelStanding(declaredForEveryBidder: false, conflictedBidderIDs: [])),
            before: sealed, after: .refused(.declarationsOutstanding)),
        Row(name: "an assessor not assigned to this specification", reader: BidReader(roles: [.assessor], organisationIDs: [tenantOffice]),
            before: sealed, after: .refused(.noGround)),
        Row(name: "someone on the panel without the assessor role", reader: BidReader(roles: [.finance], organisationIDs: [tenantOffice], panel: declared),
            before: sealed, after: .refused(.noGround)),
        Row(name: "nobody (signed out)", reader: BidReader(roles: [], organisationIDs: []),
            before: sealed, after: .refused(.noGround)),
    ]

    func decide(_ reader: BidReader, at now: Date) -> BidAccessDecision {
        BidAccess.decide(reader: reader, bidderID: Bidders.safeSteps, allBidderIDs: Bidders.all, now: now, closesAt: Demo.closesAt)
    }

    @Test("A second before the deadline", arguments: rows)
    func before(row: Row) {
        #expect(decide(row.reader, at: Demo.closesAt.addingTimeInterval(-1)) == row.before)
    }

    @Test("At the deadline and a second after", arguments: rows)
    func after(row: Row) {
        #expect(decide(row.reader, at: Demo.closesAt) == row.after)
        #expect(decide(row.reader, at: Demo.closesAt.addingTimeInterval(1)) == row.after)
    }

    @Test("Property: before the deadline nobody outside the bidding organisation reads a bid, whoever they are")
    func sealHolds() {
        var random = SeededGenerator(seed: 13)
        let organisations = [Bidders.youthLinks, Bidders.guardians, Self.tenantOffice, Self.unrelatedProvider, Demo.wolverhampton]
        for _ in 0..<2_000 {
            let roles = Set(Role.allCases.filter { _ in Bool.random(using: &random) })
            let orgs = Set(organisations.filter { _ in Bool.random(using: &random) })
            let panel = Bool.random(using: &random) ? Self.declared : nil
            let reader = BidReader(roles: roles, organisationIDs: orgs, isOperator: Bool.random(using: &random), panel: panel)
            let seconds = Double.random(in: -86_400 * 30 ..< 0, using: &random)
            #expect(!decide(reader, at: Demo.closesAt.addingTimeInterval(seconds)).isAllowed)
            // And a member of a competing bidder never reads it, at any time.
            if !orgs.isDisjoint(with: [Bidders.youthLinks, Bidders.guardians]) {
                #expect(!decide(reader, at: Demo.closesAt.addingTimeInterval(-seconds)).isAllowed)
            }
        }
    }

    @Test("Refusals say why")
    func refusalText() {
        #expect(Self.sealed.refusalText == "Bids are sealed until the deadline, 12:00 on 29 Mar 2024: only the bidder can read a bid before then")
        #expect(BidAccessDecision.refused(.conflicted).refusalText == "You declared a conflict of interest with this bidder, so you cannot read their bid")
        #expect(BidAccessDecision.allowed(.commissioner).refusalText == nil)
    }
}
