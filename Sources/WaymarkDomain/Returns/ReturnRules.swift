import Foundation

/// The rules a monthly return must keep before it is saved or submitted. Every problem is
/// reported at once, each naming the route and the figure, so one look fixes the lot.
public enum ReturnRules {
    public static let narrativeLimit = 2_000
    public static let caseStudyLimit = 4_000

    public static func problems(_ content: ReturnContent, expected: ReturnExpectation) -> [ReturnProblem] {
        var problems = monthProblems(content.month, expected: expected)
        problems += lineSetProblems(content.lines, expected: expected)
        let codes = Dictionary(expected.routes.map { ($0.routeID, $0) }, uniquingKeysWith: { first, _ in first })
        for line in content.lines {
            guard let route = codes[line.routeID] else { continue }
            problems += lineProblems(line, route: route)
        }
        problems += textProblems(content)
        return problems
    }

    static func monthProblems(_ month: CalendarMonth, expected: ReturnExpectation) -> [ReturnProblem] {
        guard month.range.overlaps(expected.period) else {
            return [ReturnProblem(routeID: nil, field: .month, message:
                "\(month.longDisplay) is outside the contract's period, \(expected.period.start.display) to \(expected.period.end.display)")]
        }
        guard month == expected.month else {
            return [ReturnProblem(routeID: nil, field: .month, message:
                "This return is for \(expected.month.longDisplay), not \(month.longDisplay)")]
        }
        return []
    }

    /// Exactly one line for each route the contract served that month, and no others.
    static func lineSetProblems(_ lines: [RouteReturnLine], expected: ReturnExpectation) -> [ReturnProblem] {
        var problems: [ReturnProblem] = []
        let expectedIDs = Set(expected.routes.map(\.routeID))
        var seen: Set<UUID> = []
        for line in lines {
            if !expectedIDs.contains(line.routeID) {
                problems.append(ReturnProblem(routeID: line.routeID, field: .line, message:
                    "This route is not one the contract served in \(expected.month.longDisplay)"))
            } else if !seen.insert(line.routeID).inserted {
                let code = expected.routes.first { $0.routeID == line.routeID }?.code ?? ""
                problems.append(ReturnProblem(routeID: line.routeID, field: .line, message:
                    "\(code) has more than one line: give one line for each route"))
            }
        }
        for route in expected.routes where !seen.contains(route.routeID) {
            problems.append(ReturnProblem(routeID: route.routeID, field: .line, message: "Add a line for \(route.code)"))
        }
        return problems
    }

    static func lineProblems(_ line: RouteReturnLine, route: ReturnExpectation.Route) -> [ReturnProblem] {
        var problems: [ReturnProblem] = []
        func add(_ field: ReturnProblem.Field, _ message: String) {
            problems.append(ReturnProblem(routeID: line.routeID, field: field, message: "\(route.code): \(message)"))
        }
        if line.schoolDays != route.schoolDays {
            add(.schoolDays, "school days come from the term calendar: \(route.schoolDays), not \(line.schoolDays)")
        }
        for count in ReturnCount.allCases {
            let value = line[count]
            if value < 0 { add(.count(count), "\(count.label) cannot be negative") }
            if value > ReturnCount.ceiling {
                add(.count(count), "\(count.label) of \(value) is more than \(Wording.grouped(ReturnCount.ceiling)): check the figure")
            }
        }
        let planned = route.schoolDays * RouteReturnLine.sessionsPerSchoolDay
        if line[.sessionsDelivered] > planned {
            add(.count(.sessionsDelivered), "\(line[.sessionsDelivered]) sessions delivered is more than the \(planned) planned (\(route.schoolDays) school days, 2 a day)")
        }
        if line[.incidentsDeEscalated] > max(line.incidentsTotal, 0) {
            add(.count(.incidentsDeEscalated), "\(line[.incidentsDeEscalated]) de-escalated is more than the \(line.incidentsTotal) incidents seen")
        }
        if line[.staffChecksInDate] > max(line[.staffOnRoute], 0) {
            add(.count(.staffChecksInDate), "\(line[.staffChecksInDate]) staff with checks in date is more than the \(line[.staffOnRoute]) staff on the route")
        }
        if line[.sessionsDelivered] > 0 && line[.staffOnRoute] <= 0 {
            add(.count(.staffOnRoute), "sessions were delivered, so enter the staff who worked on the route")
        }
        problems += hoursProblems(line, route: route).map {
            ReturnProblem(routeID: line.routeID, field: .chaperoneHours, message: "\(route.code): \($0)")
        }
        return problems
    }

    static func hoursProblems(_ line: RouteReturnLine, route: ReturnExpectation.Route) -> [String] {
        let hours = line.chaperoneHours
        guard hours.isFinite, hours >= 0 else { return ["chaperone hours cannot be negative"] }
        // A generous ceiling that still catches a misplaced digit: every member of staff on
        // duty all day, every school day of the month.
        let ceiling = Double(max(line[.staffOnRoute], 1) * max(route.schoolDays, 0) * 24)
        if hours > ceiling {
            return ["\(format(hours)) chaperone hours is more than \(line[.staffOnRoute]) staff could work in \(route.schoolDays) school days"]
        }
        if line[.sessionsDelivered] > 0 && hours == 0 { return ["sessions were delivered, so enter the chaperone hours"] }
        return []
    }

    static func textProblems(_ content: ReturnContent) -> [ReturnProblem] {
        var problems: [ReturnProblem] = []
        if Wording.isBlank(content.narrative) {
            problems.append(ReturnProblem(routeID: nil, field: .narrative, message: "Write a short narrative of the month"))
        } else if content.narrative.count > narrativeLimit {
            problems.append(ReturnProblem(routeID: nil, field: .narrative, message:
                "The narrative must be \(Wording.grouped(narrativeLimit)) characters or fewer; it has \(Wording.grouped(content.narrative.count))"))
        }
        if let caseStudy = content.caseStudy, caseStudy.count > caseStudyLimit {
            problems.append(ReturnProblem(routeID: nil, field: .caseStudy, message:
                "The case study must be \(Wording.grouped(caseStudyLimit)) characters or fewer; it has \(Wording.grouped(caseStudy.count))"))
        }
        return problems
    }

    /// "312.5", "40": hours as a person writes them.
    public static func format(_ hours: Double) -> String {
        let rounded = (hours * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Figures a spreadsheet states beside the ones they follow from (planned sessions, and
    /// the incident and referral totals) must agree with them; nil means not stated.
    public struct StatedFigures: Hashable, Sendable {
        public var sessionsPlanned: Int?
        public var incidentsTotal: Int?
        public var referralsTotal: Int?

        public init(sessionsPlanned: Int? = nil, incidentsTotal: Int? = nil, referralsTotal: Int? = nil) {
            self.sessionsPlanned = sessionsPlanned
            self.incidentsTotal = incidentsTotal
            self.referralsTotal = referralsTotal
        }
    }

    public static func disagreements(_ line: RouteReturnLine, code: String, stated: StatedFigures) -> [ReturnProblem] {
        var problems: [ReturnProblem] = []
        func check(_ value: Int?, _ actual: Int, _ field: ReturnProblem.Field, _ message: String) {
            guard let value, value != actual else { return }
            problems.append(ReturnProblem(routeID: line.routeID, field: field, message: "\(code): \(message)"))
        }
        check(stated.sessionsPlanned, line.sessionsPlanned, .sessionsPlanned,
              "sessions planned says \(stated.sessionsPlanned ?? 0) but \(line.schoolDays) school days make \(line.sessionsPlanned)")
        check(stated.incidentsTotal, line.incidentsTotal, .incidentsTotal,
              "the incidents total says \(stated.incidentsTotal ?? 0) but the incidents by type add up to \(line.incidentsTotal)")
        check(stated.referralsTotal, line.referralsTotal, .referralsTotal,
              "the referrals total says \(stated.referralsTotal ?? 0) but the referrals by kind add up to \(line.referralsTotal)")
        return problems
    }
}
