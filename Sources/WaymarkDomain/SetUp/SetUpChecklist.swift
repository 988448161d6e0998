/// What a partnership still has to put into Waymark before its dashboard can be trusted:
/// the commissioner's checklist while a tenant is moving in. A pure function of counts the
/// application gathers, so every line's wording and threshold is tested here.
public enum SetUpChecklist {
    /// A local authority as the checklist sees it: its name and the last day its term
    /// calendar says anything about (nil: no calendar, or a calendar with no years).
    public struct Authority: Hashable, Sendable {
        public let name: String
        public let calendarRunsTo: Day?
        public let routes: Int

        public init(name: String, calendarRunsTo: Day?, routes: Int) {
            self.name = name
            self.calendarRunsTo = calendarRunsTo
            self.routes = routes
        }
    }

    public struct Facts: Sendable {
        public var today: Day
        public var authorities: [Authority]
        public var routes: Int
        /// Codes of routes with no daily cost at all.
        public var routesWithoutCost: [String]
        public var fundingSources: Int
        public var allocations: Int
        public var contracts: Int
        /// Codes of active routes no contract serves.
        public var routesWithoutContract: [String]
        public var peopleByRole: [Role: Int]

        public init(today: Day, authorities: [Authority] = [], routes: Int = 0, routesWithoutCost: [String] = [],
                    fundingSources: Int = 0, allocations: Int = 0, contracts: Int = 0, routesWithoutContract: [String] = [],
                    peopleByRole: [Role: Int] = [:]) {
            self.today = today
            self.authorities = authorities
            self.routes = routes
            self.routesWithoutCost = routesWithoutCost
            self.fundingSources = fundingSources
            self.allocations = allocations
            self.contracts = contracts
            self.routesWithoutContract = routesWithoutContract
            self.peopleByRole = peopleByRole
        }
    }

    public enum Item: String, CaseIterable, Sendable {
        case localAuthorities, calendars, routes, funding, contracts, people

        public var title: String {
            switch self {
            case .localAuthorities: "Local authorities"
            case .calendars: "Term calendars for the next twelve months"
            case .routes: "Routes with their daily costs"
            case .funding: "Funding and what it pays for"
            case .contracts: "Contracts that deliver the routes"
            case .people: "People in each role"
            }
        }
    }

    public struct Line: Hashable, Sendable {
        public let item: Item
        public let done: Bool
        /// What is there, or what is missing, in a sentence.
        public let detail: String
    }

    /// Roles a working partnership needs someone in; assessors and viewers are optional.
    public static let neededRoles: [Role] = [.commissioner, .finance, .partner, .provider]

    /// A calendar must say which days are school days for a year ahead.
    public static func horizon(from today: Day) -> Day { today.adding(days: 365) }

    public static func lines(_ facts: Facts) -> [Line] {
        Item.allCases.map { line($0, facts) }
    }

    /// True when nothing is missing: the checklist then steps aside.
    public static func isComplete(_ facts: Facts) -> Bool { lines(facts).allSatisfy(\.done) }

    static func line(_ item: Item, _ facts: Facts) -> Line {
        switch item {
        case .localAuthorities:
            let count = facts.authorities.count
            return Line(item: item, done: count > 0, detail: count == 0
                ? "No local authorities yet: add the ones your routes run in."
                : "\(Wording.count(count, "local authority", plural: "local authorities")): \(facts.authorities.map(\.name).joined(separator: ", ")).")
        case .calendars:
            return calendarsLine(facts)
        case .routes:
            if facts.routes == 0 { return Line(item: item, done: false, detail: "No routes yet: import them or add them one by one.") }
            if !facts.routesWithoutCost.isEmpty {
                return Line(item: item, done: false, detail:
                    "\(listed(facts.routesWithoutCost)) \(facts.routesWithoutCost.count == 1 ? "has" : "have") no daily cost, so coverage cannot be worked out.")
            }
            return Line(item: item, done: true, detail: "\(Wording.count(facts.routes, "route", plural: "routes")), each with a daily cost.")
        case .funding:
            if facts.fundingSources == 0 { return Line(item: item, done: false, detail: "No funding sources yet: record the grants and contributions that pay for routes.") }
            if facts.allocations == 0 {
                return Line(item: item, done: false, detail:
                    "\(Wording.count(facts.fundingSources, "funding source", plural: "funding sources")) but no allocations: say which routes each pays for.")
            }
            return Line(item: item, done: true, detail:
                "\(Wording.count(facts.fundingSources, "funding source", plural: "funding sources")) with \(Wording.count(facts.allocations, "allocation", plural: "allocations")).")
        case .contracts:
            if facts.contracts == 0 { return Line(item: item, done: false, detail: "No contracts yet: record the contracts your providers already hold.") }
            if !facts.routesWithoutContract.isEmpty {
                return Line(item: item, done: false, detail:
                    "\(listed(facts.routesWithoutContract)) \(facts.routesWithoutContract.count == 1 ? "is" : "are") active with no contract to deliver \(facts.routesWithoutContract.count == 1 ? "it" : "them").")
            }
            return Line(item: item, done: true, detail: "\(Wording.count(facts.contracts, "contract", plural: "contracts")); every active route has one.")
        case .people:
            let missing = neededRoles.filter { (facts.peopleByRole[$0] ?? 0) == 0 }
            if missing.isEmpty { return Line(item: item, done: true, detail: "Someone holds each of the commissioner, finance, partner and provider roles.") }
            return Line(item: item, done: false, detail:
                "No one holds the \(missing.map { $0.label.lowercased() }.joinedAsList()) role\(missing.count == 1 ? "" : "s") yet: invite people from their organisation's page.")
        }
    }

    private static func calendarsLine(_ facts: Facts) -> Line {
        if facts.authorities.isEmpty { return Line(item: .calendars, done: false, detail: "Add local authorities first; each needs its term dates.") }
        let horizon = horizon(from: facts.today)
        let gaps = calendarGaps(facts.authorities, horizon: horizon)
        if gaps.isEmpty {
            return Line(item: .calendars, done: true, detail: "Every local authority has term dates to at least \(horizon.display).")
        }
        return Line(item: .calendars, done: false, detail: sentence(gaps) + ": import term dates to at least \(horizon.display).")
    }

    static func listed(_ codes: [String]) -> String {
        codes.count <= 5 ? codes.joinedAsList() : Array(codes.prefix(5)).joinedAsList() + " and \(codes.count - 5) more"
    }

    private static func sentence(_ parts: [String]) -> String {
        let text = parts.joinedAsList()
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}

extension SetUpChecklist {
    /// Why the dashboard's answer as of `asOf` is incomplete, in plain words: local
    /// authorities with routes whose term dates stop before `horizon` (the end of the
    /// longest risk window) or are missing, and routes with no daily cost. Empty when the
    /// answer rests on everything it needs.
    public static func dashboardGaps(authorities: [Authority], routesWithoutCost: [String], horizon: Day) -> [String] {
        var gaps = calendarGaps(authorities.filter { $0.routes > 0 }, horizon: horizon)
        if !routesWithoutCost.isEmpty {
            gaps.append("\(listed(routesWithoutCost)) \(routesWithoutCost.count == 1 ? "has" : "have") no daily cost")
        }
        return gaps
    }

    /// "term dates for Birmingham and Coventry run only to 31 Aug 2025", grouped by the day
    /// they stop, then "Leeds has no term dates" for those with none.
    static func calendarGaps(_ authorities: [Authority], horizon: Day) -> [String] {
        let short = Dictionary(grouping: authorities.filter { $0.calendarRunsTo.map { $0 < horizon } ?? false },
                               by: { $0.calendarRunsTo! })
        var gaps = short.keys.sorted().map { end in
            let names = short[end]!.map(\.name)
            return "term dates for \(names.joinedAsList()) run only to \(end.display)"
        }
        let missing = authorities.filter { $0.calendarRunsTo == nil }.map(\.name)
        if !missing.isEmpty { gaps.append("\(missing.joinedAsList()) \(missing.count == 1 ? "has" : "have") no term dates") }
        return gaps
    }
}
