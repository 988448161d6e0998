import Foundation

/// One contract's return for one month: a line per route, a short narrative and, if the
/// provider has one, a case study. This is what a version of a return holds.
public struct ReturnContent: Hashable, Sendable, Codable {
    public var month: CalendarMonth
    public var lines: [RouteReturnLine]
    public var narrative: String
    public var caseStudy: String?

    public init(month: CalendarMonth, lines: [RouteReturnLine], narrative: String, caseStudy: String? = nil) {
        self.month = month
        self.lines = lines
        self.narrative = narrative
        self.caseStudy = caseStudy
    }

    public func line(for routeID: UUID) -> RouteReturnLine? { lines.first { $0.routeID == routeID } }

    private enum CodingKeys: String, CodingKey { case month, lines, narrative, caseStudy = "case_study" }
}

/// What a return for a contract and month must cover: the routes the contract delivered on
/// some day of that month, each with its school days from the calendar.
public struct ReturnExpectation: Hashable, Sendable {
    public struct Route: Hashable, Sendable {
        public let routeID: UUID
        public let code: String
        /// School days of the month inside the contract's dates for this route.
        public let schoolDays: Int

        public init(routeID: UUID, code: String, schoolDays: Int) {
            self.routeID = routeID
            self.code = code
            self.schoolDays = schoolDays
        }
    }

    public let month: CalendarMonth
    /// The contract's service period.
    public let period: DayRange
    public let routes: [Route]

    public init(month: CalendarMonth, period: DayRange, routes: [Route]) {
        self.month = month
        self.period = period
        self.routes = routes
    }

    /// The expected routes for `month` of a contract: those whose dates overlap the month,
    /// with the school days `schoolDays` counts in the overlap.
    public static func of(_ terms: ContractTerms, month: CalendarMonth, codes: [UUID: String],
                          schoolDays: (UUID, DayRange) -> Int) -> ReturnExpectation {
        let period = DayRange(start: terms.start, end: terms.end) ?? DayRange(single: terms.start)
        let routes: [Route] = terms.routes.compactMap { route in
            let until = min(route.until ?? terms.end, terms.end)
            guard let served = DayRange(start: max(route.from, terms.start), end: until),
                  let inMonth = served.clamped(to: month.range) else { return nil }
            return Route(routeID: route.routeID, code: codes[route.routeID] ?? route.routeID.uuidString,
                         schoolDays: schoolDays(route.routeID, inMonth))
        }
        return ReturnExpectation(month: month, period: period, routes: routes)
    }

    /// Every month a contract owes a return for: each month with a day of its service period.
    public static func months(of terms: ContractTerms) -> [CalendarMonth] {
        guard let period = DayRange(start: terms.start, end: terms.end) else { return [] }
        return CalendarMonth.months(in: period)
    }

    /// An empty line per expected route, with its school days, for a new return's form.
    public var blankLines: [RouteReturnLine] {
        routes.map { RouteReturnLine(routeID: $0.routeID, schoolDays: $0.schoolDays) }
    }
}
