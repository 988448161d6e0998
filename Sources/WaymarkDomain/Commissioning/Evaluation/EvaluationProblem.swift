/// One reason a step of the evaluation — a conflict declaration, a score, a moderated score,
/// the ranking or the award — cannot be recorded, tied to the form field it is about.
public struct EvaluationProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Field: String, Hashable, Sendable, Codable {
        case specification, assessor, bidder, bid, conflict, reason, declarations
        case item, score, justification, note, winner
    }

    public let field: Field
    /// A sentence the assessor or commissioner can act on.
    public let message: String

    public init(field: Field, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.rawValue): \(message)" }
}
