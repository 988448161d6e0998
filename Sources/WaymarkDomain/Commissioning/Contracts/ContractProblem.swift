/// One reason a contract or a variation cannot be saved, tied to the form field it is about.
public struct ContractProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Field: String, Hashable, Sendable, Codable {
        case value, routes, period, kpis, funding
        // Variations:
        case change, reason, effective, end, approval
    }

    public let field: Field
    public let message: String

    public init(field: Field, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.rawValue): \(message)" }
}
