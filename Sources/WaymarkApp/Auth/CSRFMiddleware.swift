import Vapor

/// Every state-changing form post must carry the session's CSRF token in `_csrf`.
/// API calls authenticated by a bearer token are exempt: a browser never attaches
/// that header on its own. A post with no session to hold a token is refused before its
/// body is read, and a body is read only up to its route's limit (`BodyLimits`), so a
/// stranger's large post costs next to nothing.
struct CSRFMiddleware: AsyncMiddleware {
    static let refusal = "This form has expired or did not come from Waymark. Go back, reload the page and try again."

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard [.POST, .PUT, .PATCH, .DELETE].contains(req.method) else {
            return try await next.respond(to: req)
        }
        if req.headers.bearerAuthorization != nil, req.url.path.hasPrefix("/api/") {
            return try await next.respond(to: req)
        }
        guard let expected = req.sessionState.session?.csrfToken else { throw Abort(.forbidden, reason: Self.refusal) }
        let limit = BodyLimits.limit(for: req)
        if let declared = req.headers.first(name: .contentLength).flatMap(Int.init), declared > limit {
            throw Abort(.payloadTooLarge, reason: "The form is larger than \(limit / 1024 / 1024) MB")
        }
        _ = try await req.body.collect(max: limit).get()
        let sent = try? req.content.get(String.self, at: "_csrf")
        guard let sent, SecretToken.constantTimeEquals(sent, expected) else { throw Abort(.forbidden, reason: Self.refusal) }
        return try await next.respond(to: req)
    }
}
