import Fluent
import Vapor

/// An operator's one-time password (issue 16): it works once, within `lifetime` of being made,
/// and the person it signs in must choose their own password before anything else.
enum OneTimePassword {
    static let lifetime: TimeInterval = 72 * 60 * 60

    /// Whether `person`'s password is a one-time password that has expired.
    static func hasExpired(_ person: Person, now: Date = SecurityClock.now()) -> Bool {
        person.mustChangePassword && (person.oneTimePasswordExpiresAt.map { $0 <= now } ?? false)
    }

    /// Called when the one-time password has just signed the person in: it is spent, so nothing
    /// typed again signs in with it. The session it opened is the person's one chance to choose.
    static func spend(_ person: Person, on db: any Database) async throws {
        guard person.mustChangePassword else { return }
        person.passwordHash = "spent:" + [UInt8].random(count: 32).base64
        person.oneTimePasswordExpiresAt = nil
        person.version += 1
        try await person.save(on: db)
    }

    /// Revokes every API token the person holds, in every tenant.
    static func revokeTokens(of person: Person, on db: any Database) async throws {
        try await APIToken.query(on: db).filter(\.$personID == person.id!).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: AppClock.shared.now()).update()
    }
}

/// While a person must choose a new password, every page but their account page, the password
/// form and signing out sends them to the account page.
struct PasswordChangeRequiredMiddleware: AsyncMiddleware {
    static let allowed: Set<String> = [SiteMap.account.bare(), SiteMap.changePassword.bare(), SiteMap.signOut.bare()]

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let person = req.person, person.mustChangePassword, !Self.allowed.contains(req.url.path) else {
            return try await next.respond(to: req)
        }
        if req.url.path.hasPrefix("/api/") { throw WaymarkError.forbiddenBecause("Choose a new password in Waymark first") }
        return req.redirect(to: SiteMap.account.path(), flash: "Choose a new password to carry on.")
    }
}
