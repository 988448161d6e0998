import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Monthly returns: personal data, changes between versions, and delivery figures")
struct ReturnTextAndFiguresTests {
    typealias W = ReturnWorked

    @Test("Personal data is found: emails, phone numbers, addresses and dates of birth")
    func personalData() {
        let text = """
        Spoke to Jay Smith 03/04/2010 at the gates; mum on 07700 900123 or jay.mum@example.org.
        He lives at 12 Park Road, WV2 4AB. Another lad, DOB 1 April 2011, was with him. Call +44 121 496 0000.
        """
        let found = PersonalDataScan.findings(in: text)
        #expect(Set(found.map(\.kind)) == Set(PersonalDataScan.Kind.allCases))
        #expect(found.filter { $0.kind == .email }.map(\.excerpt) == ["jay.mum@example.org"])
        #expect(found.filter { $0.kind == .phone }.map(\.excerpt) == ["07700 900123", "+44 121 496 0000"])
        #expect(found.filter { $0.kind == .address }.map(\.excerpt) == ["12 Park Road", "WV2 4AB"])
        #expect(found.filter { $0.kind == .dateOfBirth }.map(\.excerpt) == ["Jay Smith 03/04/2010", "DOB 1 April 2011"])
    }

    @Test("The warning names what it found, and is silent on a clean return")
    func warning() {
        var content = W.content(narrative: "Good month. Call 0121 496 0000 about the new starter.")
        #expect(PersonalDataScan.warning(for: content) ==
                "The narrative or case study looks like it holds personal data: a phone number (0121 496 0000). Returns hold counts, never people: remove it, or confirm it is not personal data")
        content.narrative = "Good month."
        content.caseStudy = "Write to 4 Mill Lane."
        #expect(PersonalDataScan.warning(for: content)?.contains("a postal address (4 Mill Lane)") == true, "the case study is read too")
        #expect(PersonalDataScan.warning(for: W.content()) == nil)
    }

    @Test("Counts, money and dates in an ordinary narrative are not personal data")
    func ordinaryNarrative() {
        let text = """
        38 of 40 sessions delivered; 140 young people engaged on 3 October 2023. Half-term ran 23 to 27 October.
        Two referrals to mentoring, £1,250 spent on kit, 2 staff, 160 hours. Year 9 pupils at the academy.
        """
        #expect(PersonalDataScan.findings(in: text) == [])
    }

    @Test("Changes between versions are listed figure by figure")
    func changes() {
        let first = W.content()
        var second = W.content([W.line(W.cityCentre, days: 20, [.sessionsDelivered: 36], hours: 150.5), W.line(W.blakenhall, days: 19)],
                               narrative: "Corrected after the commissioner's query.")
        second.caseStudy = "A Year 8 pupil now walks with friends."
        let changes = ReturnChanges.between(first, second)
        #expect(changes.map(\.item) == [.chaperoneHours, .count(.sessionsDelivered), .narrative, .caseStudy])
        #expect(changes[0].before == "160" && changes[0].after == "150.5")
        #expect(changes[1].routeID == W.cityCentre && changes[1].before == "39" && changes[1].after == "36")
        #expect(ReturnChanges.between(second, second) == [])
        let dropped = ReturnChanges.between(first, W.content([W.line(W.cityCentre, days: 20)]))
        #expect(dropped.map(\.item) == [.removedLine] && dropped[0].routeID == W.blakenhall)
    }

    @Test("Delivery rate is delivered ÷ planned over the sums, never an average of rates")
    func figures() {
        let facts = [
            DeliveryFact(month: W.october, routeID: W.cityCentre, authority: "Wolverhampton", provider: "Lanternway",
                         line: W.line(W.cityCentre, days: 20, [.sessionsDelivered: 40])),
            DeliveryFact(month: W.october, routeID: W.blakenhall, authority: "Wolverhampton", provider: "Lanternway",
                         line: W.line(W.blakenhall, days: 1, [.sessionsDelivered: 0])),
        ]
        let total = DeliverySummary.total(facts)
        #expect(total.sessionsPlanned == 42 && total.sessionsDelivered == 40)
        #expect(total.deliveryRateText == "95.2%", "40 ÷ 42, not the mean of 100% and 0%")
        #expect(total.incidents == 12 && total.referrals == 4 && total.youngPeopleEngaged == 280)
        #expect(DeliveryFigures().deliveryRateText == "–")
        let byRoute = DeliverySummary.grouped(facts) { $0.routeID.uuidString }
        #expect(byRoute.count == 2)
        #expect(byRoute.map(\.1).reduce(DeliveryFigures(), +) == total, "the groups add up to the whole")
    }

    @Test("A line is stored as the template's columns and read back the same")
    func coding() throws {
        let line = W.line(W.cityCentre, days: 20, hours: 150.25)
        let data = try JSONEncoder().encode(line)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"sessions_delivered\":39"))
        #expect(try JSONDecoder().decode(RouteReturnLine.self, from: data) == line)
        let content = W.content()
        #expect(try JSONDecoder().decode(ReturnContent.self, from: JSONEncoder().encode(content)) == content)
    }
}
