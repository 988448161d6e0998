import Fluent
import Vapor
import WaymarkDomain

/// The signed-in person's own pages: their programmes (the home page) and password.
struct AccountController: RouteCollection {
    struct HomePage: Encodable {
        struct TenantLink: Encodable { let name: String; let href: String; let roles: String }
        let tenants: [TenantLink]
        var consoleHref: String? = nil
    }

    struct PasswordForm: Content {
        var current_password: String?
        var new_password: String?
        var confirm_password: String?
        /// "yes" to revoke every API token too (the form ticks it).
        var revoke_tokens: String?
    }

    /// What the account page needs: whether the person is choosing a password after a one-time one.
    struct AccountPage: Encodable {
        let minimumLength: Int
        let mustChange: Bool
        /// Ticked when the page opens; as sent when the form comes back.
        var revokeTokens = true
        var notificationsHref = SiteMap.noticePreferences.path()
    }

    static let minimumPasswordLength = PasswordRules.minimumLength

    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteMap.home.components, use: home)
        routes.get(SiteMap.account.components, use: account)
        routes.post(SiteMap.changePassword.components, use: changePassword)
    }

    func home(req: Request) async throws -> Response {
        guard let person = req.person, let personID = person.id else {
            return req.redirect(to: SiteMap.signIn.path())
        }
        let links = try await req.platformDB { db -> [HomePage.TenantLink] in
            let memberships = try await Membership.query(on: db).filter(\.$personID == personID).all()
            let tenantIDs = Set(memberships.map(\.tenantID))
            let tenants = try await Tenant.query(on: db).filter(\.$id ~~ tenantIDs).sort(\.$name).all()
            return tenants.map { tenant in
                let roles = Set(memberships.filter { $0.tenantID == tenant.id }.map(\.role)).sorted()
                return .init(name: tenant.name, href: SiteMap.Tenant.home.path(tenant.slug),
                             roles: roles.map { $0.capitalized }.joined(separator: ", "))
            }
        }
        if links.count == 1, !person.isOperator { return req.redirect(to: links[0].href) }
        // An operator who belongs to no programme has one place to work: the console.
        if links.isEmpty, person.isOperator { return req.redirect(to: SiteMap.Admin.home.path()) }
        return try await PageRenderer.render(req, "home", title: "Your programmes", HomePage(
            tenants: links, consoleHref: person.isOperator ? SiteMap.Admin.home.path() : nil))
    }

    func account(req: Request) async throws -> Response {
        guard let person = req.person else { throw WaymarkError.signInRequired }
        return try await PageRenderer.render(req, "auth/account", title: "Your account",
                                             AccountPage(minimumLength: Self.minimumPasswordLength, mustChange: person.mustChangePassword))
    }

    /// Wrong current passwords count against the sign-in throttle, per account and per address.
    /// A person who signed in with a one-time password has no current password to give.
    func changePassword(req: Request) async throws -> Response {
        guard let person = req.person else { throw WaymarkError.signInRequired }
        let form = try req.content.decode(PasswordForm.self)
        let current = form.current_password ?? "", new = form.new_password ?? "", confirm = form.confirm_password ?? ""
        var page = AccountPage(minimumLength: Self.minimumPasswordLength, mustChange: person.mustChangePassword)
        page.revokeTokens = form.revoke_tokens == "yes"
        let address = req.clientAddress
        if !person.mustChangePassword, let minutes = try await SignInThrottle.minutesLocked(email: person.email, ipAddress: address, on: req.db) {
            return try await PageRenderer.render(req, "auth/account", title: "Your account", page, errors: [.init(field: "current_password", message:
                "You have entered a wrong password too many times. Wait \(minutes) minute\(minutes == 1 ? "" : "s") and try again")],
                status: .tooManyRequests)
        }
        var errors: [FieldError] = []
        if person.mustChangePassword {
            // Signed in just now with the one-time password, which is spent.
        } else if current.isEmpty {
            errors.append(.init(field: "current_password", message: "Enter your current password"))
        } else if !((try? await req.password.async.verify(current, created: person.passwordHash)) ?? false) {
            try await SignInThrottle.record(email: person.email, ipAddress: address, succeeded: false, on: req.db)
            errors.append(.init(field: "current_password", message: "Your current password is not right"))
        }
        if new.count < Self.minimumPasswordLength {
            errors.append(.init(field: "new_password", message: "Your new password must be at least \(Self.minimumPasswordLength) characters long"))
        } else if new == current {
            errors.append(.init(field: "new_password", message: "Your new password must be different from your current one"))
        }
        if confirm != new {
            errors.append(.init(field: "confirm_password", message: "The passwords do not match"))
        }
        guard errors.isEmpty else {
            return try await PageRenderer.render(req, "auth/account", title: "Your account", page, errors: errors, status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(new)
        let revokeTokens = form.revoke_tokens == "yes"
        try await req.platformDB { db in
            person.passwordHash = hash
            person.passwordChangedAt = AppClock.shared.now()
            person.mustChangePassword = false
            person.oneTimePasswordExpiresAt = nil
            person.version += 1
            try await person.save(on: db)
            // Other browsers signed in as this person are signed out.
            try await WebSession.query(on: db).filter(\.$personID == person.id).delete()
            if revokeTokens { try await OneTimePassword.revokeTokens(of: person, on: db) }
            try await AuditLog.record(on: db, tenantID: nil, actor: AuditActor(id: person.id, label: person.email),
                                      action: "password.changed", entity: "person", entityID: person.id!.uuidString)
        }
        try await req.startSession(for: person)
        return req.redirect(to: SiteMap.account.path(),
                            flash: "Your password has been changed." + (revokeTokens ? " Your API tokens no longer work." : ""))
    }
}
