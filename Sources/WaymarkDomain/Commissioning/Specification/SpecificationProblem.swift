/// One reason a specification cannot be saved as it stands (or moved to a new status), tied
/// to the form field it is about so the page's error summary can link to that field.
public struct SpecificationProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Field: String, Hashable, Sendable, Codable {
        case title, servicesRequired, localAuthorities, routes, totalValue, valueSplit
        case servicePeriod, goLive, questions, criteria, scale, closing, kpis, attachments, status
    }

    public let field: Field
    /// A sentence the commissioner can act on, with the figures in it.
    public let message: String

    public init(field: Field, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.rawValue): \(message)" }
}
