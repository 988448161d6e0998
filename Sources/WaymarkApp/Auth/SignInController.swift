import Fluent
import Vapor

struct SignInController: RouteCollection {
    struct FormPage: Encodable {
        var email = ""
        var next = ""
        var notice: String?
    }

    struct SignInForm: Content {
        var email: String?
        var password: String?
        var next: String?
    }

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteMap.signIn.components, use: show)
        routes.post(SiteMap.signIn.components, use: signIn)
        routes.post(SiteMap.signOut.components, use: signOut)
    }

    func show(req: Request) async throws -> Response {
        if req.person != nil { return req.redirect(to: SiteMap.home.path()) }
        let next = Self.safeNext(req.query[String.self, at: "next"])
        return try await PageRenderer.render(req, "auth/sign-in", title: "Sign in", FormPage(next: next ?? ""))
    }

    func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        let email = Person.normalise(email: form.email ?? "")
        let password = form.password ?? ""
        var page = FormPage(email: form.email ?? "", next: Self.safeNext(form.next) ?? "")
        var errors: [FieldError] = []
        if email.isEmpty { errors.append(.init(field: "email", message: "Enter your email address")) }
        else if !Person.looksLikeEmail(email) { errors.append(.init(field: "email", message: "Enter an email address in the correct format, like name@example.org")) }
        if password.isEmpty { errors.append(.init(field: "password", message: "Enter your password")) }
        guard errors.isEmpty else {
            return try await PageRenderer.render(req, "auth/sign-in", title: "Sign in", page, errors: errors, status: .unprocessableEntity)
        }

        let address = req.clientAddress
        if let minutes = try await SignInThrottle.minutesLocked(email: email, ipAddress: address, on: req.db) {
            try await SignInThrottle.record(email: email, ipAddress: address, succeeded: false, on: req.db)
            WaymarkMetrics.signInRefusedWhileLocked()
            page.notice = "You have entered the wrong details too many times. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again."
            return try await PageRenderer.render(req, "auth/sign-in", title: "Sign in", page,
                                                 errors: [.init(field: "email", message: page.notice!)], status: .tooManyRequests)
        }

        let person = try await Person.query(on: req.db).filter(\.$email == email).first()
        // Verify against a real hash even when no one has this email, so the time
        // taken does not reveal which addresses have accounts.
        let hash = person?.passwordHash ?? Self.decoyHash
        let matches = (try? await req.password.async.verify(password, created: hash)) ?? false
        guard let person, matches else {
            try await SignInThrottle.record(email: email, ipAddress: address, succeeded: false, on: req.db)
            WaymarkMetrics.signInFailed()
            return try await PageRenderer.render(req, "auth/sign-in", title: "Sign in", page,
                errors: [.init(field: "email", message: "The email address or password is not right")], status: .unauthorized)
        }
        if OneTimePassword.hasExpired(person) {
            try await SignInThrottle.record(email: email, ipAddress: address, succeeded: false, on: req.db)
            return try await PageRenderer.render(req, "auth/sign-in", title: "Sign in", page, errors: [.init(field: "password", message:
                "This one-time password has expired. Ask your Waymark operator for a new one")], status: .unauthorized)
        }
        try await SignInThrottle.record(email: email, ipAddress: address, succeeded: true, on: req.db)
        if person.mustChangePassword {
            try await OneTimePassword.spend(person, on: req.db)
            try await req.startSession(for: person)
            return req.redirect(to: SiteMap.account.path(), flash: "You signed in with a one-time password. Choose your own password now: the one-time password no longer works.")
        }
        try await req.startSession(for: person)
        return req.redirect(to: Self.safeNext(form.next) ?? SiteMap.home.path())
    }

    func signOut(req: Request) async throws -> Response {
        try await req.endSession()
        return req.redirect(to: SiteMap.signIn.path(), flash: "You have signed out.")
    }

    /// Only local paths: "next" must never send someone to another site.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
              !next.hasPrefix(SiteMap.signIn.path()) else { return nil }
        return next
    }

    /// A bcrypt hash of a random string nobody knows, made once.
    static let decoyHash: String = (try? Bcrypt.hash(SecretToken.make(), cost: 10)) ?? ""
}
