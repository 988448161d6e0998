import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Monthly returns: the rules a return keeps")
struct ReturnRulesTests {
    typealias W = ReturnWorked

    @Test("A sound return has no problems")
    func sound() {
        #expect(ReturnRules.problems(W.content(), expected: W.expectation) == [])
    }

    @Test("Delivered sessions never above planned: 2 a school day")
    func deliveredAbovePlanned() {
        let content = W.content([W.line(W.cityCentre, days: 20, [.sessionsDelivered: 41]), W.line(W.blakenhall, days: 19, [.sessionsDelivered: 38])])
        let problems = ReturnRules.problems(content, expected: W.expectation)
        #expect(problems.map(\.message) == ["WLV-01: 41 sessions delivered is more than the 40 planned (20 school days, 2 a day)"])
        #expect(problems.first?.field == .count(.sessionsDelivered) && problems.first?.routeID == W.cityCentre)
    }

    @Test("De-escalated never above the incidents seen; checks never above staff; no negative counts")
    func countsThatBoundEachOther() {
        let content = W.content([
            W.line(W.cityCentre, days: 20, [.incidentsDeEscalated: 7]),
            W.line(W.blakenhall, days: 19, [.staffChecksInDate: 3, .policeContacts: -1]),
        ])
        #expect(ReturnRules.problems(content, expected: W.expectation).map(\.message) == [
            "WLV-01: 7 de-escalated is more than the 6 incidents seen",
            "WLV-02: Police contacts cannot be negative",
            "WLV-02: 3 staff with checks in date is more than the 2 staff on the route",
        ])
    }

    @Test("Only the contract's routes, each once, and every one of them")
    func routes() {
        let stranger = id(999)
        let content = W.content([W.line(W.cityCentre, days: 20), W.line(W.cityCentre, days: 20), W.line(stranger, days: 20)])
        let problems = ReturnRules.problems(content, expected: W.expectation)
        #expect(problems.map(\.message) == [
            "WLV-01 has more than one line: give one line for each route",
            "This route is not one the contract served in October 2023",
            "Add a line for WLV-02",
        ])
        #expect(problems.allSatisfy { $0.field == .line })
    }

    @Test("Only months inside the contract's period, and school days from the calendar")
    func monthAndSchoolDays() {
        var content = W.content()
        content.month = CalendarMonth(year: 2021, month: 10)!
        #expect(ReturnRules.problems(content, expected: W.expectation).map(\.message).first ==
                "October 2021 is outside the contract's period, 4 Sep 2023 to 31 Jul 2024")
        let typed = W.content([W.line(W.cityCentre, days: 21), W.line(W.blakenhall, days: 19)])
        #expect(ReturnRules.problems(typed, expected: W.expectation).map(\.message).contains(
            "WLV-01: school days come from the term calendar: 20, not 21"))
    }

    @Test("Hours: not negative, not beyond what the staff could work, and there when sessions were")
    func hours() {
        let content = W.content([W.line(W.cityCentre, days: 20, hours: -2), W.line(W.blakenhall, days: 19, hours: 0)])
        #expect(ReturnRules.problems(content, expected: W.expectation).map(\.message) == [
            "WLV-01: chaperone hours cannot be negative",
            "WLV-02: sessions were delivered, so enter the chaperone hours",
        ])
        let huge = W.content([W.line(W.cityCentre, days: 20, hours: 1000.5), W.line(W.blakenhall, days: 19)])
        #expect(ReturnRules.problems(huge, expected: W.expectation).map(\.message) == [
            "WLV-01: 1000.5 chaperone hours is more than 2 staff could work in 20 school days"])
    }

    @Test("A narrative is needed, within its limit")
    func narrative() {
        #expect(ReturnRules.problems(W.content(narrative: "  "), expected: W.expectation).map(\.field) == [.narrative])
        let long = String(repeating: "a", count: 2_001)
        #expect(ReturnRules.problems(W.content(narrative: long), expected: W.expectation).map(\.message) == [
            "The narrative must be 2,000 characters or fewer; it has 2,001"])
    }

    @Test("Stated totals must agree with the figures they sum")
    func totals() {
        let line = W.line(W.cityCentre, days: 20)
        #expect(ReturnRules.disagreements(line, code: "WLV-01", stated: .init(sessionsPlanned: 40, incidentsTotal: 6, referralsTotal: 2)) == [])
        #expect(ReturnRules.disagreements(line, code: "WLV-01", stated: .init(sessionsPlanned: 42, incidentsTotal: 5, referralsTotal: 3)).map(\.message) == [
            "WLV-01: sessions planned says 42 but 20 school days make 40",
            "WLV-01: the incidents total says 5 but the incidents by type add up to 6",
            "WLV-01: the referrals total says 3 but the referrals by kind add up to 2",
        ])
    }

    @Test("Property: any line the rules accept has delivered ≤ planned, de-escalated ≤ incidents and no negative count")
    func acceptedLinesKeepTheInvariants() {
        var random = SeededGenerator(seed: 5)
        var accepted = 0
        for _ in 0..<2_000 {
            var counts: [ReturnCount: Int] = [:]
            // Mostly plausible figures, now and then a negative one.
            for count in ReturnCount.allCases {
                counts[count] = Int.random(in: 0...100, using: &random) < 2 ? -1 : Int.random(in: 0...45, using: &random)
            }
            let days = Int.random(in: 0...22, using: &random)
            let line = RouteReturnLine(routeID: W.cityCentre, schoolDays: days, counts: counts,
                                       chaperoneHours: Double(Int.random(in: -5...400, using: &random)))
            let expected = ReturnExpectation(month: W.october, period: W.period, routes: [.init(routeID: W.cityCentre, code: "WLV-01", schoolDays: days)])
            guard ReturnRules.problems(W.content([line]), expected: expected).isEmpty else { continue }
            accepted += 1
            #expect(line[.sessionsDelivered] <= line.sessionsPlanned)
            #expect(line[.incidentsDeEscalated] <= line.incidentsTotal)
            #expect(ReturnCount.allCases.allSatisfy { line[$0] >= 0 })
            #expect(line[.staffChecksInDate] <= line[.staffOnRoute])
        }
        #expect(accepted > 100, "enough lines pass the rules for the property to say something: \(accepted)")
    }

    @Test("The expectation follows the contract's routes and their dates")
    func expectationFromTerms() {
        let terms = ContractTerms(start: day("2023-09-04"), end: day("2024-07-31"), routes: [
            ContractRoute(routeID: W.cityCentre, value: Money(pence: 100), from: day("2023-09-04")),
            ContractRoute(routeID: W.blakenhall, value: Money(pence: 100), from: day("2023-09-04"), until: day("2023-09-30")),
        ])
        let october = ReturnExpectation.of(terms, month: W.october, codes: [W.cityCentre: "WLV-01"]) { _, range in range.dayCount }
        #expect(october.routes.map(\.code) == ["WLV-01"])
        #expect(october.routes.first?.schoolDays == 31)
        let september = ReturnExpectation.of(terms, month: CalendarMonth(year: 2023, month: 9)!, codes: [:]) { _, range in range.dayCount }
        #expect(september.routes.map(\.schoolDays) == [27, 27], "from the 4th, the contract's first day")
        #expect(ReturnExpectation.months(of: terms).count == 11)
    }
}
