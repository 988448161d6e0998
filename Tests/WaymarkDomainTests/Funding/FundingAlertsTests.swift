import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Funding alerts")
struct FundingAlertsTests {
    let end = day("2022-10-31")

    func detect(previous: [UUID: RouteStatus] = [:], current: [UUID: RouteStatus] = [:],
                grants: [(sourceID: UUID, end: Day, bandDays: Int)] = [], sent: Set<String> = []) -> FundingAlertDetection {
        FundingAlerts.detect(previous: previous, current: current, endingGrants: grants, alreadySent: sent)
    }

    @Test("A route alerts when its status differs from the last one alerted on")
    func statusChanges() {
        let result = detect(previous: [id(1): .watch, id(2): .secure, id(3): .atRisk],
                            current: [id(1): .atRisk, id(2): .secure, id(3): .secure])
        #expect(result.events == [.statusChanged(routeID: id(1), from: .watch, to: .atRisk),
                                  .statusChanged(routeID: id(3), from: .atRisk, to: .secure)])
        #expect(result.keysToRecord.isEmpty)
    }

    @Test("A route seen for the first time alerts only when unfunded or at risk; a removed route never")
    func firstSeen() {
        let result = detect(previous: [id(9): .atRisk],
                            current: [id(1): .secure, id(2): .watch, id(3): .atRisk, id(4): .unfunded])
        #expect(result.events == [.statusChanged(routeID: id(4), from: nil, to: .unfunded),
                                  .statusChanged(routeID: id(3), from: nil, to: .atRisk)])
    }

    @Test("Output order: most urgent new status first, then route id; grants by band, end, source id")
    func ordering() {
        let result = detect(previous: [id(5): .secure, id(2): .secure, id(7): .atRisk],
                            current: [id(5): .watch, id(2): .watch, id(7): .unfunded],
                            grants: [(id(30), day("2023-01-31"), 180), (id(21), end, 90), (id(20), end, 90), (id(40), day("2022-09-10"), 30)])
        #expect(result.events == [
            .statusChanged(routeID: id(7), from: .atRisk, to: .unfunded),
            .statusChanged(routeID: id(2), from: .secure, to: .watch),
            .statusChanged(routeID: id(5), from: .secure, to: .watch),
            .grantEnding(sourceID: id(40), end: day("2022-09-10"), bandDays: 30),
            .grantEnding(sourceID: id(20), end: end, bandDays: 90),
            .grantEnding(sourceID: id(21), end: end, bandDays: 90),
            .grantEnding(sourceID: id(30), end: day("2023-01-31"), bandDays: 180),
        ])
    }

    @Test("Keys")
    func keys() {
        #expect(FundingAlertEvent.grantEnding(sourceID: id(20), end: end, bandDays: 90).key
                == "grant-ending:00000000-0000-0000-0000-000000000014:2022-10-31:90")
        #expect(FundingAlertEvent.statusChanged(routeID: id(1), from: nil, to: .atRisk).key
                == "status:00000000-0000-0000-0000-000000000001:none:atRisk")
        #expect(FundingAlertEvent.statusChanged(routeID: id(1), from: .watch, to: .atRisk).key
                == "status:00000000-0000-0000-0000-000000000001:watch:atRisk")
    }

    @Test("A grant alerts once per band; first seen in a narrow band, the wider bands count as sent")
    func grantOnce() {
        let first = detect(grants: [(id(20), end, 30)])
        #expect(first.events == [.grantEnding(sourceID: id(20), end: end, bandDays: 30)])
        #expect(first.keysToRecord == Set([30, 90, 180].map { "grant-ending:00000000-0000-0000-0000-000000000014:2022-10-31:\($0)" }))
        #expect(detect(grants: [(id(20), end, 30)], sent: first.keysToRecord).events.isEmpty)
        #expect(detect(grants: [(id(20), end, 90)], sent: first.keysToRecord).events.isEmpty)

        let wide = detect(grants: [(id(20), end, 180)])
        #expect(wide.keysToRecord.count == 1)
        let narrower = detect(grants: [(id(20), end, 90)], sent: wide.keysToRecord)
        #expect(narrower.events == [.grantEnding(sourceID: id(20), end: end, bandDays: 90)])
        #expect(narrower.keysToRecord.count == 2)   // 90 and 180 (already stored; storing again is harmless)
    }

    @Test("A grant extended to a new end day is news again; the same grant passed twice alerts once")
    func extendedAndDuplicated() {
        let sent = detect(grants: [(id(20), end, 90)]).keysToRecord
        let extended = day("2022-11-30")
        #expect(detect(grants: [(id(20), extended, 90)], sent: sent).events == [.grantEnding(sourceID: id(20), end: extended, bandDays: 90)])
        #expect(detect(grants: [(id(20), end, 90), (id(20), end, 90)]).events.count == 1)
        #expect(detect(grants: [(id(20), end, 90), (id(20), end, 30)]).events == [.grantEnding(sourceID: id(20), end: end, bandDays: 30)])
    }

    @Test("Headlines and bodies in plain English")
    func text() {
        let names = FundingAlertNames(
            routes: [routeFacts(1, "BHM-06", "Ladywood")], sourceLabels: [id(20): "Youth Endowment Fund extension"],
            routesNotSecure: [id(20): 10, id(21): 1, id(22): 0],
            reasons: [id(1): ["Youth Endowment Fund extension ends 31 Oct 2022; no confirmed or pledged funding after; 35 school days left"]])
        let change = FundingAlertEvent.statusChanged(routeID: id(1), from: .watch, to: .atRisk)
        #expect(change.headline(names) == "BHM-06 Ladywood is now at risk")
        #expect(change.body(names) == "Its funding status has changed from Watch to At risk. "
                + "Youth Endowment Fund extension ends 31 Oct 2022; no confirmed or pledged funding after; 35 school days left.")
        #expect(FundingAlertEvent.statusChanged(routeID: id(1), from: nil, to: .unfunded).headline(names) == "BHM-06 Ladywood is unfunded")
        let unnamed = FundingAlertEvent.statusChanged(routeID: id(2), from: .secure, to: .watch)
        #expect(unnamed.headline(names) == "Route 00000000 is now on watch")
        #expect(unnamed.body(names) == "Its funding status has changed from Secure to Watch.")

        let grant = FundingAlertEvent.grantEnding(sourceID: id(20), end: end, bandDays: 90)
        #expect(grant.headline(names) == "Youth Endowment Fund extension ends 31 Oct 2022 (within 90 days)")
        #expect(grant.body(names) == "Youth Endowment Fund extension ends 31 Oct 2022 (within 90 days); 10 routes it pays for are not secure.")
        #expect(FundingAlertEvent.grantEnding(sourceID: id(21), end: end, bandDays: 30).body(names)
                == "A funding source ends 31 Oct 2022 (within 30 days); 1 route it pays for is not secure.")
        #expect(FundingAlertEvent.grantEnding(sourceID: id(22), end: end, bandDays: 30).body(names).hasSuffix("; every route it pays for is secure."))
        #expect(FundingAlertEvent.grantEnding(sourceID: id(23), end: end, bandDays: 30).body(names)
                == "A funding source ends 31 Oct 2022 (within 30 days).")
    }

    @Test("From the dashboard: a first run, the next day, and a month later")
    func endToEnd() {
        let sources = DashboardStory.sources
        func run(_ asOf: Day, previous: [UUID: RouteStatus], sent: Set<String>) -> (FundingDashboard, FundingAlertDetection) {
            let dashboard = DashboardStory.dashboard(asOf: asOf)
            return (dashboard, FundingAlerts.detect(previous: previous, current: dashboard.statuses,
                                                    endingGrants: dashboard.endingGrantAlerts, alreadySent: sent))
        }
        let (september, first) = run(day("2022-09-01"), previous: [:], sent: [])
        #expect(first.events == [
            .statusChanged(routeID: id(4), from: nil, to: .unfunded),
            .statusChanged(routeID: id(2), from: nil, to: .atRisk),
            .statusChanged(routeID: id(3), from: nil, to: .atRisk),
            .statusChanged(routeID: id(7), from: nil, to: .atRisk),
            .grantEnding(sourceID: id(30), end: day("2022-09-29"), bandDays: 30),
            .grantEnding(sourceID: id(20), end: end, bandDays: 90),
            .grantEnding(sourceID: id(90), end: end, bandDays: 90),
            .grantEnding(sourceID: id(80), end: day("2023-01-31"), bandDays: 180),
        ])
        #expect(first.keysToRecord.count == 8)
        let names = FundingAlertNames(dashboard: september, routes: DashboardStory.facts, sources: sources,
                                      results: DashboardStory.results())
        #expect(first.events.map { $0.headline(names) }[1] == "BHM-06 Ladywood is at risk")
        #expect(first.events[5].body(names) == "Youth Endowment Fund extension ends 31 Oct 2022 (within 90 days); 3 routes it pays for are not secure.")

        let (_, nextDay) = run(day("2022-09-02"), previous: september.statuses, sent: first.keysToRecord)
        #expect(nextDay.events.isEmpty)

        // 3 Oct: Sandwell's pledge has ended, the YEF and Coventry grants are within 30 days, the Home
        // Office grant within 180, and routes 1 and 5 are on watch (31 Mar is within 180 days).
        let (_, october) = run(day("2022-10-03"), previous: september.statuses, sent: first.keysToRecord)
        #expect(october.events == [
            .statusChanged(routeID: id(3), from: .atRisk, to: .unfunded),
            .statusChanged(routeID: id(1), from: .secure, to: .watch),
            .statusChanged(routeID: id(5), from: .secure, to: .watch),
            .grantEnding(sourceID: id(20), end: end, bandDays: 30),
            .grantEnding(sourceID: id(90), end: end, bandDays: 30),
            .grantEnding(sourceID: id(10), end: day("2023-03-31"), bandDays: 180),
        ])
    }
}
