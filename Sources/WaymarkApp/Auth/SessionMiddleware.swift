import Fluent
import Vapor

/// Loads the browser session named by the cookie, expires idle and old sessions,
/// and writes the cookie when a session is started or ended during the request.
struct WebSessionMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let config = req.application.waymark
        if let token = req.cookies[SessionCookie.name(config)]?.string, !token.isEmpty {
            let hash = SecretToken.hash(token)
            let now = SecurityClock.now()
            // The person comes in the same query: every signed-in request asks for both.
            let found = try await WebSession.query(on: req.db)
                .join(Person.self, on: \WebSession.$personID == \Person.$id, method: .left)
                .filter(\.$tokenHash == hash).first()
            if let session = found {
                let idleLimit = now.addingTimeInterval(-Double(config.sessionIdleMinutes) * 60)
                if session.expiresAt <= now || session.lastSeenAt <= idleLimit {
                    try await session.delete(on: req.db)
                    req.sessionState.cookieChange = .clear
                } else {
                    // Taken from the row before anything is saved: saving the session replaces what
                    // was read with what was written, and the person would be read from nothing.
                    // A session outliving its person (the join found none) reads as signed out, as before.
                    let person = session.personID == nil ? nil : try? session.joined(Person.self)
                    // Touch at most once a minute: a page full of assets must not
                    // become a page full of writes.
                    if now.timeIntervalSince(session.lastSeenAt) > 60 {
                        session.lastSeenAt = now
                        try await session.save(on: req.db)
                    }
                    req.sessionState.session = session
                    req.sessionState.person = person
                }
            } else {
                req.sessionState.cookieChange = .clear
            }
        }
        let response = try await next.respond(to: req)
        switch req.sessionState.cookieChange {
        case .set(let token): response.cookies[SessionCookie.name(config)] = SessionCookie.value(token, config)
        case .clear: response.cookies[SessionCookie.name(config)] = SessionCookie.expired(config)
        case .none: break
        }
        return response
    }
}

enum SessionCookie {
    /// The __Host- prefix (Secure, path /, no Domain) is only allowed over https.
    static func name(_ config: AppConfig) -> String {
        config.secureCookies ? "__Host-waymark_session" : "waymark_session"
    }

    static func value(_ token: String, _ config: AppConfig) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: token, expires: nil, maxAge: config.sessionAbsoluteHours * 3600, domain: nil, path: "/",
            isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    static func expired(_ config: AppConfig) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, domain: nil, path: "/",
            isSecure: config.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }
}

/// Per-request session state, set by the middleware and by sign-in and sign-out.
final class SessionState: @unchecked Sendable {
    enum CookieChange { case none, set(String), clear }

    var session: WebSession?
    var person: Person?
    var cookieChange: CookieChange = .none
}

extension Request {
    private struct SessionStateKey: StorageKey { typealias Value = SessionState }

    var sessionState: SessionState {
        if let state = storage[SessionStateKey.self] { return state }
        let state = SessionState()
        storage[SessionStateKey.self] = state
        return state
    }

    /// The signed-in person, if any (browser session or API token).
    var person: Person? { sessionState.person }

    /// The current session, started (anonymous) if there is none yet: forms need a
    /// CSRF token before anyone has signed in.
    func ensureSession() async throws -> WebSession {
        if let session = sessionState.session { return session }
        return try await startSession(for: nil)
    }

    /// Starts a fresh session, ending any current one: signing in always gets a new
    /// token so a session id planted before sign-in is worthless after it.
    @discardableResult
    func startSession(for person: Person?) async throws -> WebSession {
        if let old = sessionState.session { try await old.delete(on: db) }
        let config = application.waymark
        let token = SecretToken.make()
        let now = SecurityClock.now()
        let session = WebSession()
        session.tokenHash = SecretToken.hash(token)
        session.personID = person?.id
        session.csrfToken = SecretToken.make()
        session.createdAt = now
        session.lastSeenAt = now
        session.expiresAt = now.addingTimeInterval(Double(config.sessionAbsoluteHours) * 3600)
        try await session.create(on: db)
        sessionState.session = session
        sessionState.person = person
        sessionState.cookieChange = .set(token)
        return session
    }

    func endSession() async throws {
        if let session = sessionState.session { try await session.delete(on: db) }
        sessionState.session = nil
        sessionState.person = nil
        sessionState.cookieChange = .clear
    }

    /// The token forms carry in their hidden `_csrf` field.
    func csrfToken() async throws -> String { try await ensureSession().csrfToken }
}
