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

    var status: HTTPResponseStatus {
        switch self {
        case .notFound: .notFound
        case .forbidden, .forbiddenBecause: .forbidden
        case .signInRequired: .unauthorized
        case .conflict: .conflict
        case .badRequest: .badRequest
        }
    }

    var reason: String {
        switch self {
        case .notFound: "Page not found"
        case .forbidden: "You do not have permission to see this page. Your role in this organisation does not include it."
        case .signInRequired: "Sign in to continue"
        case .conflict(let message), .badRequest(let message), .forbiddenBecause(let message): message
        }
    }
}
