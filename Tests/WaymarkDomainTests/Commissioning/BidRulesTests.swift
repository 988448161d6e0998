import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: submitting, resubmitting and withdrawing bids")
struct BidRulesTests {
    let spec = Demo.specification()
    let before = instant("2024-03-29T11:59:59Z")
    let after = instant("2024-03-29T12:00:01Z")

    func submit(_ content: BidContent, bid: Bid? = nil, opened: Int? = nil, at now: Date? = nil,
                spec: Specification? = nil) -> [BidProblem] {
        BidRules.submissionProblems(content, bid: bid, openedVersion: opened, for: spec ?? self.spec,
                                    at: now ?? before, routeNames: Demo.routeNames)
    }

    @Test("A complete bid before the deadline has no problems")
    func valid() {
        #expect(submit(Bidders.content()) == [])
    }

    @Test("The deadline holds: a second before is accepted, at it and a second after refused")
    func deadline() {
        #expect(submit(Bidders.content(), at: Demo.closesAt.addingTimeInterval(-1)) == [])
        let message = "Bids closed at 12:00 on 29 Mar 2024: nothing can be submitted, changed or withdrawn after the deadline"
        #expect(submit(Bidders.content(), at: Demo.closesAt) == [BidProblem(field: .deadline, message: message)])
        #expect(submit(Bidders.content(), at: after) == [BidProblem(field: .deadline, message: message)])
    }

    @Test("Only a published specification takes bids")
    func status() {
        #expect(submit(Bidders.content(), spec: Demo.specification(status: .draft)).map(\.message) == [
            "This specification has not been published yet, so bids cannot be submitted or changed"])
        #expect(submit(Bidders.content(), spec: Demo.specification(status: .cancelled)).map(\.message) == [
            "This specification has been cancelled, so bids cannot be submitted or changed"])
    }

    @Test("A price of zero or less is refused", arguments: [Int64(0), -1, -8_800_000])
    func nonPositivePrice(pence: Int64) {
        #expect(submit(Bidders.content(price: Money(pence: pence))) == [BidProblem(field: .price, message:
            "Enter a price more than £0.00 (it is \(Money(pence: pence).display))")])
    }

    @Test("A bid for a route outside the specification is refused, naming it")
    func routeOutside() {
        var names = Demo.routeNames
        names[id(199)] = "B9 Aston"
        let content = Bidders.content(routes: [Demo.routeW1, id(199)])
        #expect(BidRules.contentProblems(content, for: spec, routeNames: names) == [BidProblem(field: .routes, message:
            "Route B9 Aston is not covered by this specification: bid only for its routes")])
        #expect(submit(Bidders.content(routes: [id(198), id(199)])).map(\.message) == [
            "2 routes are not covered by this specification: bid only for its routes"])
        #expect(submit(Bidders.content(routes: [])).map(\.message) == ["Choose at least one route to serve"])
    }

    @Test("Every question answered, within its limit; no stray answers")
    func answers() {
        var content = Bidders.content()
        content.answers[Demo.questionIDs[2]] = "   "
        content.answers[Demo.questionIDs[3]] = String(repeating: "a", count: 5_001)
        content.answers[id(299)] = "An answer to nothing"
        #expect(submit(content) == [
            BidProblem(field: .answers, questionID: Demo.questionIDs[2], message:
                "Answer question 3: “Direct work with vulnerable young people and communities with low trust in authorities”"),
            BidProblem(field: .answers, questionID: Demo.questionIDs[3], message:
                "Your answer to question 4 is 5,001 characters; the limit is 5,000"),
            BidProblem(field: .answers, message: "1 answer is for a question this specification does not ask"),
        ])
    }

    @Test("Social value is required when it carries weight, and only then")
    func socialValue() {
        var content = Bidders.content()
        content.socialValue = ""
        #expect(submit(content).map(\.message) == ["Describe the social value your bid offers: it carries 10% of the score"])
        var noSocialValue = Demo.specification()
        noSocialValue.criteria = EvaluationCriteria(quality: Weight(percent: 40), price: Weight(percent: 60))
        #expect(submit(content, spec: noSocialValue) == [])
    }

    @Test("Prices per route: one for each proposed route, each more than zero, adding up to the total")
    func perRoute() {
        let spec = Demo.specification(pricing: .perRoute)
        func problems(_ perRoute: [UUID: Money], total: Money = pounds(88_000)) -> [String] {
            submit(Bidders.content(price: total, perRoute: perRoute), spec: spec).map(\.message)
        }
        #expect(problems([Demo.routeW1: pounds(40_000), Demo.routeW2: pounds(48_000)]) == [])
        #expect(problems([Demo.routeW1: pounds(40_000), Demo.routeW2: pounds(47_000)]) == [
            "The route prices add up to £87,000.00, not the total price £88,000.00"])
        #expect(problems([Demo.routeW1: pounds(88_000)]) == ["Give a price for route W2 Low Hill"])
        #expect(problems([Demo.routeW1: pounds(40_000), Demo.routeW2: pounds(48_000), Demo.routeW3: pounds(1)]) == [
            "Prices are given for route W3 Heath Town you do not propose to serve",
            "The route prices add up to £88,001.00, not the total price £88,000.00"])
        #expect(problems([Demo.routeW1: pounds(88_000), Demo.routeW2: .zero]) == [
            "Each route's price must be more than £0.00 (route W2 Low Hill is not)"])
        // A specification asking for one total price refuses route prices.
        #expect(submit(Bidders.content(perRoute: [Demo.routeW1: pounds(88_000)])).map(\.message) == [
            "This specification asks for one total price, not prices per route"])
    }

    @Test("Resubmitting: refused when a colleague submitted since the form was opened")
    func staleResubmission() {
        let bid = Bidders.bid(Bidders.safeSteps, bidID: 501, versions: [
            Bidders.version(1, at: "2024-03-20T10:00:00Z"), Bidders.version(2, at: "2024-03-28T10:42:00Z"),
        ])
        #expect(submit(Bidders.content(), bid: bid, opened: 2) == [])
        #expect(submit(Bidders.content(), bid: bid, opened: 1) == [BidProblem(field: .version, message:
            "Your organisation's bid was changed since you opened it: version 2 was submitted at 10:42 on 28 Mar 2024. Reload it and make your changes again")])
        #expect(submit(Bidders.content(), bid: bid, opened: nil).map(\.field) == [.version])
        #expect(bid.submitting(Bidders.content(), at: before, by: Bidders.submitter).versions.map(\.number) == [1, 2, 3])
    }

    @Test("Withdrawing: only before the deadline, only a submitted bid, only once")
    func withdrawing() {
        let bid = Bidders.bid(Bidders.safeSteps, bidID: 501, versions: [Bidders.version(1, at: "2024-03-20T10:00:00Z")])
        #expect(BidRules.withdrawalProblems(bid, openedVersion: 1, for: spec, at: before) == [])
        #expect(BidRules.withdrawalProblems(bid, openedVersion: 1, for: spec, at: Demo.closesAt).map(\.field) == [.deadline])
        let withdrawn = bid.withdrawing(at: instant("2024-03-21T09:00:00Z"))
        #expect(BidRules.withdrawalProblems(withdrawn, openedVersion: 1, for: spec, at: before).map(\.message) == [
            "This bid was already withdrawn at 09:00 on 21 Mar 2024"])
        #expect(BidRules.withdrawalProblems(Bidders.bid(Bidders.safeSteps, bidID: 502), openedVersion: nil, for: spec, at: before)
            .map(\.message) == ["There is no submitted bid to withdraw"])
    }

    @Test("A bid for another specification is refused")
    func otherSpecification() {
        var bid = Bidders.bid(Bidders.safeSteps, bidID: 501, versions: [Bidders.version(1, at: "2024-03-20T10:00:00Z")])
        bid.specificationID = id(301)
        #expect(submit(Bidders.content(), bid: bid, opened: 1).map(\.field) == [.specification])
    }
}

@Suite("Commissioning: the submission that counts")
struct CountedSubmissionTests {
    @Test("The last submission counts; earlier ones are kept")
    func lastCounts() {
        let bid = Bidders.bid(Bidders.safeSteps, bidID: 501, versions: [
            Bidders.version(1, at: "2024-03-20T10:00:00Z", price: pounds(90_000)),
            Bidders.version(2, at: "2024-03-28T10:00:00Z", price: pounds(88_000)),
        ])
        #expect(bid.counted(closesAt: Demo.closesAt)?.number == 2)
        #expect(bid.counted(closesAt: Demo.closesAt)?.content.price.total == pounds(88_000))
        #expect(bid.versions.count == 2)
    }

    @Test("Withdrawing the latest withdraws the bid: no earlier version comes back")
    func withdrawal() {
        let bid = Bidders.bid(Bidders.safeSteps, bidID: 501, versions: [
            Bidders.version(1, at: "2024-03-20T10:00:00Z"),
            Bidders.version(2, at: "2024-03-28T10:00:00Z", withdrawnAt: "2024-03-28T15:00:00Z"),
        ])
        #expect(bid.counted(closesAt: Demo.closesAt) == nil)
        // Submitting again after withdrawing counts again.
        let again = bid.submitting(Bidders.content(price: pounds(87_500)), at: instant("2024-03-29T09:00:00Z"), by: Bidders.submitter)
        #expect(again.counted(closesAt: Demo.closesAt)?.number == 3)
        #expect(again.counted(closesAt: Demo.closesAt)?.content.price.total == pounds(87_500))
    }

    @Test("Records stamped at or after the deadline do not change the outcome")
    func strayRecords() {
        let late = Bidders.bid(Bidders.safeSteps, bidID: 501, versions: [
            Bidders.version(1, at: "2024-03-29T11:59:59Z"),
            Bidders.version(2, at: "2024-03-29T12:00:00Z", price: pounds(1)),
        ])
        #expect(late.counted(closesAt: Demo.closesAt)?.number == 1)
        let lateWithdrawal = Bidders.bid(Bidders.safeSteps, bidID: 501, versions: [
            Bidders.version(1, at: "2024-03-20T10:00:00Z", withdrawnAt: "2024-03-29T12:00:00Z"),
        ])
        #expect(lateWithdrawal.counted(closesAt: Demo.closesAt)?.number == 1)
        #expect(Bidders.bid(Bidders.safeSteps, bidID: 502).counted(closesAt: Demo.closesAt) == nil)
    }
}
