import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: specification states")
struct SpecificationStatusTests {
    /// Every pair of states, and whether the move is allowed: forward one step, or cancelled
    /// before the award; nothing back, nothing out of awarded or cancelled.
    static let table: [(SpecificationStatus, SpecificationStatus, Bool)] = {
        let allowed: Set<String> = [
            "draft→published", "published→closed", "closed→inEvaluation", "inEvaluation→awarded",
            "draft→cancelled", "published→cancelled", "closed→cancelled", "inEvaluation→cancelled",
        ]
        return SpecificationStatus.allCases.flatMap { from in
            SpecificationStatus.allCases.map { to in (from, to, allowed.contains("\(from.rawValue)→\(to.rawValue)")) }
        }
    }()

    @Test("Allowed transitions", arguments: table)
    func transitions(from: SpecificationStatus, to: SpecificationStatus, allowed: Bool) {
        #expect(from.canMove(to: to) == allowed)
    }

    @Test("Final states and the next states offered")
    func finals() {
        #expect(SpecificationStatus.allCases.filter(\.isFinal) == [.awarded, .cancelled])
        #expect(SpecificationStatus.draft.nextStatuses == [.published, .cancelled])
        #expect(SpecificationStatus.inEvaluation.nextStatuses == [.awarded, .cancelled])
    }

    @Test("Publishing needs a valid specification and a deadline ahead")
    func publishing() {
        let draft = Demo.specification(status: .draft)
        #expect(SpecificationRules.problems(moving: draft, to: .published, at: instant("2024-03-01T09:00:00Z")) == [])
        #expect(SpecificationRules.problems(moving: draft, to: .published, at: Demo.closesAt) == [
            SpecificationProblem(field: .closing, message:
                "The closing time, 12:00 on 29 Mar 2024, has already passed: set a later one before publishing")])
        var broken = draft
        broken.title = ""
        #expect(SpecificationRules.problems(moving: broken, to: .published, at: instant("2024-03-01T09:00:00Z")).map(\.field) == [.title])
    }

    @Test("Closing waits for the deadline; a published specification reads as closed once it passes")
    func closing() {
        let published = Demo.specification(status: .published)
        let before = Demo.closesAt.addingTimeInterval(-1)
        #expect(SpecificationRules.problems(moving: published, to: .closed, at: before).map(\.message) == [
            "Bids are open until 12:00 on 29 Mar 2024; the specification closes then, not before"])
        #expect(SpecificationRules.problems(moving: published, to: .closed, at: Demo.closesAt) == [])
        #expect(published.status(at: before) == .published)
        #expect(published.status(at: Demo.closesAt) == .closed)
        #expect(Demo.specification(status: .draft).status(at: Demo.closesAt) == .draft)
    }

    @Test("A move that is not allowed says what is")
    func refusedMoves() {
        let awarded = Demo.specification(status: .awarded)
        #expect(SpecificationRules.problems(moving: awarded, to: .published, at: Demo.closesAt).map(\.message) == [
            "A specification that is awarded cannot become published: it cannot change status again"])
        let closed = Demo.specification(status: .closed)
        #expect(SpecificationRules.problems(moving: closed, to: .draft, at: Demo.closesAt).map(\.message) == [
            "A specification that is closed cannot become draft: it can only become in evaluation or cancelled"])
    }
}
