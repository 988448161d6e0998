import Foundation
import XCTest
@testable import WaymarkDomain

final class MembershipRulesTests: XCTestCase {
    let amara = UUID(), priya = UUID()

    func testTheLastCommissionerStays() {
        let only = MembershipRules.Holding(id: UUID(), personID: amara, role: .commissioner)
        let viewer = MembershipRules.Holding(id: UUID(), personID: priya, role: .viewer)
        XCTAssertEqual(MembershipRules.removalRefusal(only.id, from: [only, viewer]), MembershipRules.lastCommissionerMessage)
        XCTAssertNil(MembershipRules.removalRefusal(viewer.id, from: [only, viewer]))
    }

    func testAnotherCommissionerOrAnotherOrganisationLetsOneGo() {
        let first = MembershipRules.Holding(id: UUID(), personID: amara, role: .commissioner)
        let second = MembershipRules.Holding(id: UUID(), personID: amara, role: .commissioner)
        XCTAssertNil(MembershipRules.removalRefusal(first.id, from: [first, second]), "still a commissioner through the other")
        let other = MembershipRules.Holding(id: UUID(), personID: priya, role: .commissioner)
        XCTAssertNil(MembershipRules.removalRefusal(first.id, from: [first, other]))
        XCTAssertNil(MembershipRules.removalRefusal(UUID(), from: [first]), "an unknown membership is not this rule's business")
    }

    func testInvitationStates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        XCTAssertEqual(InvitationState.of(acceptedAt: nil, cancelledAt: nil, expiresAt: now.addingTimeInterval(1), now: now), .pending)
        XCTAssertEqual(InvitationState.of(acceptedAt: nil, cancelledAt: nil, expiresAt: now, now: now), .expired)
        XCTAssertEqual(InvitationState.of(acceptedAt: now, cancelledAt: nil, expiresAt: now.addingTimeInterval(-9), now: now), .accepted)
        XCTAssertEqual(InvitationState.of(acceptedAt: nil, cancelledAt: now, expiresAt: now.addingTimeInterval(9), now: now), .cancelled)
    }

    func testPasswordRulesNameEachField() {
        XCTAssertEqual(PasswordRules.problems(new: "short", confirm: "other").map(\.field), ["new_password", "confirm_password"])
        XCTAssertTrue(PasswordRules.problems(new: "twelve chars", confirm: "twelve chars").isEmpty)
    }
}
