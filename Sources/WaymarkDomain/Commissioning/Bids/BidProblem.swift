import Foundation

/// One reason a bid cannot be submitted, changed or withdrawn, tied to the form field it is
/// about. Answer problems also name the question, so the error summary links to its box.
public struct BidProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Field: String, Hashable, Sendable, Codable {
        case specification, deadline, version, answers, price, routePrices, routes, socialValue
    }

    public let field: Field
    /// The question an answer problem is about; nil for every other field.
    public let questionID: UUID?
    /// A sentence the provider can act on.
    public let message: String

    public init(field: Field, questionID: UUID? = nil, message: String) {
        self.field = field
        self.questionID = questionID
        self.message = message
    }

    public var description: String { "\(field.rawValue): \(message)" }
}
