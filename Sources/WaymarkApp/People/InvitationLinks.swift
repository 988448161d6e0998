import Foundation
import Vapor

/// How invitation links are made absolute and where they go. Links are secrets (a link
/// is a way in until it is used), so they go to the email outbox and nowhere on the
/// inviting commissioner's screen. With no mail server configured (a demo or
/// development installation), the link is also written to the log at info level, since
/// otherwise nobody could ever accept; with SMTP set it never reaches the log.
struct InvitationLinks: Sendable {
    let siteURL: String
    let logsLinks: Bool
    let logger: Logger

    init(siteURL: String, logsLinks: Bool, logger: Logger) {
        self.siteURL = siteURL
        self.logsLinks = logsLinks
        self.logger = logger
    }

    init(_ req: Request) {
        self.init(siteURL: req.application.waymark.publicURL, logsLinks: req.application.waymark.smtpURL == nil, logger: req.logger)
    }

    /// A bulk import applies its plan with only the tenant context in hand; the import
    /// controller sets this around the run so the people import can build its links.
    @TaskLocal static var current: InvitationLinks?

    func url(token: String) -> String {
        var base = siteURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + SiteMap.invitation.path(token)
    }

    func noteIssued(_ url: String, email: String) {
        guard logsLinks else { return }
        logger.info("Invitation link (no WAYMARK_SMTP_URL, so it is logged for the demo)",
                    metadata: ["to": .string(email), "link": .string(url)])
    }

    /// The invitation email should not wait for the daily alerts run. Not in tests: a
    /// task outliving the test's application would find it shut down.
    static func deliverSoon(_ app: Application) {
        guard app.environment != .testing else { return }
        Task { try? await OutboxDelivery.deliverPending(app) }
    }
}
