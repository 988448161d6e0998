import Vapor

/// The errors users can meet, each with words a person can act on. Anything else
/// becomes a plain "something went wrong" page with no internals shown.
enum WaymarkError: Error, AbortError {
    case notFound
    case forbidden
    /// Forbidden for a reason the person can act on (the seal on bids: "sealed until 12:00 on …").
    case forbiddenBecause(String)
    case signInRequired
    case conflict(String)
    case badRequest(String)
    /// Well formed, but against a rule a schema cannot state (a period that ends before it
    /// starts): 422, naming the problem.
    case unprocessable(String)

    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .forbidden, .forbiddenBecause: .forbidden
        case .signInRequired: .unauthorized
        case .conflict: .conflict
        case .badRequest: .badRequest
        case .unprocessable: .unprocessableEntity
        }
    }

    var reason: String {
        switch self {
        case .notFound: "Page not found"
        case .forbidden: "You do not have permission to see this page. Your role in this organisation does not include it."
        case .signInRequired: "Sign in to continue"
        case .conflict(let message), .badRequest(let message), .forbiddenBecause(let message), .unprocessable(let message): message
        }
    }
}
