import FluentKit
import Vapor

/// Turns every error into a plain page (or, under /api, a JSON body) that says what
/// happened in words and never shows internals. Unexpected errors are logged with
/// a reference the person can quote.
struct ErrorPageMiddleware: AsyncMiddleware {
    struct Page: Encodable {
        let heading: String
        let message: String
        let status: Int
        let reference: String?
        let signInHref: String?
    }

    struct APIError: Content {
        let error: String
        let message: String
        let status: Int
    }

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            return try await response(for: error, req)
        }
    }

    static let sameMomentMessage = "Someone else saved the same thing at the same moment, so yours was not saved. Reload the page to see theirs, then try again."

    /// The status and words for an error; `reference` is set for the unexpected ones, which
    /// are logged under it.
    static func describe(_ error: any Error) -> (status: HTTPResponseStatus, message: String, reference: String?) {
        switch error {
        case let abort as any AbortError:
            return (abort.status, abort.status == .notFound
                ? "If you typed the web address, check it is correct. If you pasted it, check you copied the whole address." : abort.reason, nil)
        // Two requests racing to create the same row (two first submissions of a return, two
        // bids from one organisation): the database's unique index stops the second, and its
        // transaction has rolled back. That is a conflict the person can resolve, not a fault.
        case let database as any DatabaseError where database.isConstraintFailure:
            return (.conflict, sameMomentMessage, nil)
        default:
            let reference = String(UUID().uuidString.prefix(8)).lowercased()
            return (.internalServerError, "Something went wrong on our side. Nothing you entered was saved. Try again; if it keeps happening, contact the Waymark team and quote reference \(reference).", reference)
        }
    }

    private func response(for error: any Error, _ req: Request) async throws -> Response {
        let (status, message, reference) = Self.describe(error)
        if let reference {
            req.logger.error("Unhandled error", metadata: ["reference": .string(reference), "error": .string(String(reflecting: error))])
        } else if error is any DatabaseError {
            // Kept in the log: a constraint that fails for any other reason than a race is a bug to see.
            req.logger.warning("A database constraint refused a write", metadata: ["error": .string(String(reflecting: error))])
        }

        if req.url.path.hasPrefix("/api/") {
            let body = APIError(error: status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_"),
                                message: status == .notFound ? "Not found" : message, status: Int(status.code))
            let response = try await body.encodeResponse(status: status, for: req)
            if status == .unauthorized { response.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
            return response
        }
        if status == .unauthorized, req.method == .GET {
            let back = req.url.path + (req.url.query.map { "?\($0)" } ?? "")
            var components = URLComponents()
            components.path = SiteMap.signIn.path()
            components.queryItems = [URLQueryItem(name: "next", value: back)]
            return req.redirect(to: components.string ?? SiteMap.signIn.path())
        }
        let heading: String = switch status {
        case .notFound: "Page not found"
        case .forbidden: "You cannot see this page"
        case .unauthorized: "Sign in to continue"
        case .conflict: "Someone else changed this"
        case .payloadTooLarge: "The file is too large"
        case .internalServerError: "Sorry, there is a problem with the service"
        default: status.reasonPhrase
        }
        let page = Page(heading: heading, message: message, status: Int(status.code), reference: reference,
                        signInHref: status == .unauthorized ? SiteMap.signIn.path() : nil)
        do {
            return try await PageRenderer.render(req, "error", title: heading, page, status: status)
        } catch {
            // The error page itself failed (say the views are missing): plain text.
            req.logger.error("Error page failed", metadata: ["error": .string(String(reflecting: error))])
            return Response(status: status, body: .init(string: "\(heading)\n\n\(message)\n"))
        }
    }
}
