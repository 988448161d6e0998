import Foundation

/// One reason a return cannot be saved or submitted, tied to where it is: a route's line and
/// one of its figures, or the return as a whole. The form links to the field; an upload turns
/// the route into its row and the field into its column.
public struct ReturnProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Field: Hashable, Sendable {
        case month
        /// The line as a whole (a route that should not be there, or is missing or twice).
        case line
        case schoolDays
        case sessionsPlanned
        case chaperoneHours
        case count(ReturnCount)
        case incidentsTotal
        case referralsTotal
        case narrative
        case caseStudy

        /// The template's column heading, or nil for a problem with no column.
        public var column: String? {
            switch self {
            case .month: "month"
            case .line: "route_code"
            case .schoolDays: "school_days"
            case .sessionsPlanned: "sessions_planned"
            case .chaperoneHours: "chaperone_hours"
            case .count(let count): count.rawValue
            case .incidentsTotal: "incidents_total"
            case .referralsTotal: "referrals_total"
            case .narrative, .caseStudy: nil
            }
        }
    }

    /// The route whose line it is about; nil for the return as a whole.
    public let routeID: UUID?
    public let field: Field
    public let message: String

    public init(routeID: UUID?, field: Field, message: String) {
        self.routeID = routeID
        self.field = field
        self.message = message
    }

    public var description: String { "\(routeID.map { "\($0) " } ?? "")\(field): \(message)" }
}
