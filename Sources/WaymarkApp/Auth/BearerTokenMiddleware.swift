import Fluent
import Vapor

/// For /api/v1/t/:tenant/…: a bearer token authenticates its owner for the token's
/// tenant only. Without a bearer token the browser session is used, as for pages.
struct BearerTokenMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = req.headers.bearerAuthorization?.token else {
            return try await next.respond(to: req)
        }
        guard let slug = req.parameters.get("tenant"),
              let tenant = try await Tenant.query(on: req.db).filter(\.$slug == slug).first(),
              let tenantID = tenant.id else { throw WaymarkError.signInRequired }
        let hash = SecretToken.hash(bearer)
        let token = try await DatabaseScope.tenant(tenantID).run(on: req.db) { db -> APIToken? in
            guard let token = try await APIToken.query(on: db)
                .filter(\.$tenantID == tenantID).filter(\.$tokenHash == hash).filter(\.$revokedAt == nil).first()
            else { return nil }
            if (token.lastUsedAt.map { SecurityClock.now().timeIntervalSince($0) > 300 } ?? true) {
                token.lastUsedAt = SecurityClock.now()
                try await token.save(on: db)
            }
            return token
        }
        // A token for another tenant, a revoked one or a made-up one: all the same 401.
        guard let token, let person = try await Person.find(token.personID, on: req.db) else {
            throw WaymarkError.signInRequired
        }
        req.sessionState.person = person
        return try await next.respond(to: req)
    }
}
