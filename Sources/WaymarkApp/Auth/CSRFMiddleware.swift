import Vapor

/// Every state-changing form post must carry the session's CSRF token in `_csrf`.
/// API calls authenticated by a bearer token are exempt: a browser never attaches
/// that header on its own.
struct CSRFMiddleware: AsyncMiddleware {
    /// Large enough for the biggest upload form (imports are limited to 10 MB).
    static let maxFormBytes = 11 * 1024 * 1024

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method) else {
            return try await next.respond(to: req)
        }
        if req.headers.bearerAuthorization != nil, req.url.path.hasPrefix("/api/") {
            return try await next.respond(to: req)
        }
        _ = try await req.body.collect(max: Self.maxFormBytes).get()
        let sent = try? req.content.get(String.self, at: "_csrf")
        guard let expected = req.sessionState.session?.csrfToken, let sent,
              SecretToken.constantTimeEquals(sent, expected) else {
            throw Abort(.forbidden, reason: "This form has expired or did not come from Waymark. Go back, reload the page and try again.")
        }
        return try await next.respond(to: req)
    }
}
