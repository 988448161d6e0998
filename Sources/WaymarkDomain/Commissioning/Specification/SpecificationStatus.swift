/// Where a specification is in the commissioning cycle.
///
/// It moves forward one step at a time — draft → published → closed → in evaluation →
/// awarded — and may be cancelled at any point before it is awarded. Nothing moves back and
/// the last two are final: a re-run tender is a new specification, so the record of what was
/// published, bid and decided stays true.
public enum SpecificationStatus: String, CaseIterable, Hashable, Sendable, Codable {
    case draft, published, closed, inEvaluation, awarded, cancelled

    /// Whether a specification in this status may be moved to `next`.
    public func canMove(to next: SpecificationStatus) -> Bool {
        switch (self, next) {
        case (.draft, .published), (.published, .closed), (.closed, .inEvaluation), (.inEvaluation, .awarded):
            true
        case (.draft, .cancelled), (.published, .cancelled), (.closed, .cancelled), (.inEvaluation, .cancelled):
            true
        default:
            false
        }
    }

    /// The statuses it may move to, in order.
    public var nextStatuses: [SpecificationStatus] { SpecificationStatus.allCases.filter(canMove(to:)) }

    /// Awarded and cancelled specifications never change status again.
    public var isFinal: Bool { nextStatuses.isEmpty }

    public var displayName: String {
        switch self {
        case .draft: "Draft"
        case .published: "Published"
        case .closed: "Closed"
        case .inEvaluation: "In evaluation"
        case .awarded: "Awarded"
        case .cancelled: "Cancelled"
        }
    }
}
