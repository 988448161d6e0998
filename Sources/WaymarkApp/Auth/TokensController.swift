import Fluent
import Vapor
import WaymarkDomain

/// A person's own API tokens for one tenant.
struct TokensController: Sendable {
    struct Page: Encodable {
        struct Line: Encodable { let name: String; let prefix: String; let created: String; let lastUsed: String; let revokeHref: String? ; let revoked: Bool }
        let tokens: [Line]
        let newToken: String?
        let action: String
        let name: String
        let apiHref: String
    }

    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.tokens, .useOwnAPITokens, list)
        routes.post(SiteMap.Tenant.tokens, .useOwnAPITokens, create)
        routes.post(SiteMap.Tenant.tokenRevoke, .useOwnAPITokens, revoke)
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        try await render(req, context, newToken: nil, name: "", errors: [])
    }

    func create(req: Request, context: TenantContext) async throws -> Response {
        let name = ((try? req.content.get(String.self, at: "name")) ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 80 else {
            return try await render(req, context, newToken: nil, name: name,
                                    errors: [.init(field: "name", message: "Enter a name for the token, up to 80 characters, so you can tell it apart later")],
                                    status: .unprocessableEntity)
        }
        let minted = APIToken.mint()
        let token = APIToken()
        token.tenantID = context.tenantID
        token.personID = context.personID
        token.name = name
        token.tokenHash = minted.hash
        token.prefix = minted.prefix
        token.createdAt = AppClock.shared.now()
        try await context.transaction { tx in
            try await token.create(on: tx.db)
            try await tx.audit("api_token.created", "api_token", token.id!.uuidString, after: ["name": name, "prefix": minted.prefix])
        }
        // Shown on this response only: it is never stored or shown again.
        return try await render(req, context, newToken: minted.token, name: "", errors: [])
    }

    func revoke(req: Request, context: TenantContext) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let token = try await context.query(APIToken.self).filter(\.$id == id).filter(\.$personID == context.personID).first()
        else { throw WaymarkError.notFound }
        if token.revokedAt == nil {
            try await context.transaction { tx in
                token.revokedAt = AppClock.shared.now()
                try await token.save(on: tx.db)
                try await tx.audit("api_token.revoked", "api_token", id.uuidString, after: ["name": token.name])
            }
        }
        return req.redirect(to: SiteMap.Tenant.tokens.path(context.tenant.slug), flash: "Token \u{201C}\(token.name)\u{201D} revoked. It no longer works.")
    }

    private func render(_ req: Request, _ context: TenantContext, newToken: String?, name: String, errors: [FieldError],
                        status: HTTPStatus = .ok) async throws -> Response {
        let tokens = try await context.query(APIToken.self).filter(\.$personID == context.personID).sort(\.$createdAt, .descending).all()
        let slug = context.tenant.slug
        let page = Page(
            tokens: tokens.map { token in
                .init(name: token.name, prefix: token.prefix, created: London.format(token.createdAt),
                      lastUsed: token.lastUsedAt.map(London.format) ?? "Never",
                      revokeHref: token.revokedAt == nil ? SiteMap.Tenant.tokenRevoke.path(slug, token.id!.uuidString) : nil,
                      revoked: token.revokedAt != nil)
            },
            newToken: newToken, action: SiteMap.Tenant.tokens.path(slug), name: name,
            apiHref: SiteMap.apiReference.path())
        return try await PageRenderer.render(req, "tenant/tokens", title: "API tokens", page, errors: errors, status: status)
    }
}

/// Instants are stored in UTC and shown in Europe/London.
enum London {
    /// The domain's, so deadlines and everything shown agree on one zone (and one check it is installed).
    static let timeZone = LondonWallTime.timeZone

    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = timeZone
        formatter.dateFormat = "d MMM yyyy, HH:mm"
        return formatter.string(from: date)
    }
}
