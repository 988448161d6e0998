import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: specification rules")
struct SpecificationRulesTests {
    var spec: Specification { Demo.specification(status: .draft) }

    func problems(_ change: (inout Specification) -> Void) -> [SpecificationProblem] {
        var edited = spec
        change(&edited)
        return SpecificationRules.problems(edited)
    }

    @Test("The demo specification has no problems, and splits its value by cost")
    func demoIsValid() {
        #expect(SpecificationRules.problems(spec) == [])
        #expect(spec.routeValues == [
            RouteValue(routeID: Demo.routeW1, value: pounds(30_000)),
            RouteValue(routeID: Demo.routeW2, value: pounds(30_000)),
            RouteValue(routeID: Demo.routeW3, value: pounds(40_000)),
        ])
        #expect(spec.scoredItems == Demo.questionIDs.map(ScoreItem.question) + [.socialValue])
        #expect(spec.title(of: .question(Demo.questionIDs[1])) == "Q2 Access to physical spaces in local places")
        #expect(spec.weight(of: .socialValue) == Weight(percent: 10))
        #expect(spec.closesAt == Demo.closesAt)
    }

    @Test("Weights not adding up to 100% are refused, with the figures")
    func weights() {
        let found = problems { $0.criteria.price = Weight(percent: 45) }
        #expect(found == [SpecificationProblem(field: .criteria, message:
            "The weights add up to 95% (quality 40%, price 45%, social value 10%); they must add up to exactly 100%")])
        #expect(problems { $0.criteria.socialValue = Weight(basisPoints: -1) }.map(\.message).contains("Weights cannot be negative"))
    }

    @Test("Questions: at least one when quality counts, weights adding up to quality, text and sensible limits")
    func questions() {
        #expect(problems { $0.questions = [] } == [SpecificationProblem(field: .questions, message:
            "Add at least one question: quality carries 40% and is scored on the questions")])
        #expect(problems { $0.questions[3].weight = Weight(percent: 5) }.map(\.message) == [
            "The questions' weights add up to 35%; they must add up to the quality weight, 40%"])
        #expect(problems { $0.questions[1].text = "  " }.map(\.message) == ["Question 2 has no text"])
        #expect(problems { $0.questions[0].characterLimit = 20 }.map(\.message) == [
            "Question 1's answer limit must be between 100 and 50,000 characters"])
        #expect(problems { $0.questions.append($0.questions[0]); $0.questions[0].weight = .zero }.map(\.message) == [
            "Question 1's weight must be more than 0%", "The same question is listed more than once"])
        // Quality 0% and price 100%: no questions needed.
        let priceOnly = problems { $0.criteria = EvaluationCriteria(quality: .zero, price: .whole); $0.questions = [] }
        #expect(priceOnly == [])
    }

    @Test("Total value: more than zero and at most £1bn")
    func totalValue() {
        #expect(problems { $0.totalValue = .zero }.first == SpecificationProblem(field: .totalValue, message:
            "The total value must be more than £0.00 (it is £0.00)"))
        #expect(problems { $0.totalValue = Money(pounds: 1_000_000_001) }.map(\.message) == [
            "The total value must be at most £1,000,000,000.00"])
        #expect(problems { $0.totalValue = Money(pounds: 1_000_000_000) } == [])
    }

    @Test("Stated shares: adding up to 100%, each route and only its routes")
    func statedShares() {
        let good: [UUID: Int] = [Demo.routeW1: 2_500, Demo.routeW2: 2_500, Demo.routeW3: 5_000]
        #expect(problems { $0.valueSplit = .statedShares(good) } == [])
        var short = good
        short[Demo.routeW3] = 4_500
        #expect(problems { $0.valueSplit = .statedShares(short) }.map(\.message) == ["The shares add up to 95%, not 100%"])
        let missing: [UUID: Int] = [Demo.routeW1: 5_000, Demo.routeW2: 5_000]
        #expect(problems { $0.valueSplit = .statedShares(missing) }.map(\.message) == [
            "No share is stated for 1 of the routes, so the value cannot be split"])
        var extra = good
        extra[id(199)] = 0
        #expect(problems { $0.valueSplit = .statedShares(extra) }.map(\.message) == [
            "Shares are stated for 1 route the specification does not cover"])
        var zero = good
        zero[Demo.routeW1] = 0
        zero[Demo.routeW3] = 7_500
        #expect(problems { $0.valueSplit = .statedShares(zero) }.map(\.message) == [
            "Every route's share must be more than 0% (1 route has 0% or less)"])
    }

    @Test("Split by cost: a cost for every route, none negative, not all zero")
    func byCost() {
        #expect(problems { $0.valueSplit = .proportionalToCost([Demo.routeW1: pounds(1)]) }.map(\.message) == [
            "No cost is given for 2 of the routes, so the value cannot be split"])
        let zeros = Dictionary(uniqueKeysWithValues: Demo.routes.map { ($0, Money.zero) })
        #expect(problems { $0.valueSplit = .proportionalToCost(zeros) }.map(\.message) == [
            "The routes' costs add up to £0.00, so there is nothing to split the value in proportion to"])
        var negative = zeros
        negative[Demo.routeW1] = Money(pence: -1)
        #expect(problems { $0.valueSplit = .proportionalToCost(negative) }.map(\.message) == ["A route's cost cannot be negative"])
    }

    @Test("Property: the split always adds up to the total value, whichever way it is made")
    func splitSumsToTotal() {
        var random = SeededGenerator(seed: 300)
        for _ in 0..<500 {
            let routes = (0..<Int.random(in: 1...8, using: &random)).map { id(1_000 + $0) }
            let total = Money(pence: Int64.random(in: 1...SpecificationRules.valueCeiling.pence, using: &random))
            let costs = Dictionary(uniqueKeysWithValues: routes.map { ($0, Money(pence: Int64.random(in: 1...9_999_999, using: &random))) })
            var shares = Dictionary(uniqueKeysWithValues: routes.map { ($0, 10_000 / routes.count) })
            shares[routes[0], default: 0] += 10_000 - shares.values.reduce(0, +)
            for split in [ValueSplit.proportionalToCost(costs), .statedShares(shares)] {
                let parts = split.split(total, across: routes)
                #expect(parts?.map(\.routeID) == routes)
                #expect(parts.flatMap { Money.sum($0.map(\.value)) } == total)
            }
        }
    }

    @Test("Routes, places, dates and the scale")
    func placesDatesScale() {
        #expect(problems { $0.routeIDs = [] }.map(\.field) == [.routes, .valueSplit])
        #expect(problems { $0.routeIDs.append(Demo.routeW1) }.map(\.message) == ["1 route is listed more than once"])
        #expect(problems { $0.localAuthorityIDs = [] }.map(\.message) == ["Choose at least one local authority"])
        #expect(problems { $0.goLive = day("2025-09-01") }.map(\.message) == [
            "The go-live date must fall within the service period (1 Sep 2024 to 31 Aug 2025); it is 1 Sep 2025"])
        #expect(problems { $0.closing = london("2024-09-02", 9, 0) }.map(\.message) == [
            "Bids must close before the go-live date (2 Sep 2024); the closing date is 2 Sep 2024"])
        #expect(problems { $0.servicePeriod = range("1899-09-01", "1900-08-31"); $0.goLive = day("1899-09-04"); $0.closing = london("1899-03-01", 12, 0) }
            .map(\.message) == ["The service period must fall between 1 Jan 1900 and 31 Dec 2199"])
        #expect(problems { $0.scale = ScoringScale(labels: ["Pass"]) }.map(\.message) == ["The scale needs at least 2 points (it has 1)"])
        #expect(problems { $0.scale = ScoringScale(labels: Array(repeating: "x", count: 102)) }.map(\.message) == [
            "The scale can have at most 101 points (0 to 100)"])
        #expect(problems { $0.scale.labels[3] = "" }.map(\.message) == ["Describe what a score of 3 means"])
        #expect(problems { $0.title = ""; $0.servicesRequired = "\n"; $0.kpis.append(" "); $0.attachments = [""] }.map(\.message) == [
            "Enter a title", "Describe the services required", "KPI 3 is blank: enter it or remove it",
            "Attachment reference 1 is blank: enter it or remove it"])
    }

    @Test("Every problem is reported at once, in form order")
    func allAtOnce() {
        let found = problems {
            $0.title = ""
            $0.totalValue = .zero
            $0.goLive = day("2026-01-01")
            $0.criteria.quality = Weight(percent: 30)
            $0.scale = ScoringScale(labels: [])
        }
        #expect(found.map(\.field) == [.title, .totalValue, .goLive, .criteria, .questions, .scale])
    }
}
