import Foundation
import NIOPosix
import XCTVapor
@testable import WaymarkApp

/// Issue 19: mail through real SMTP servers with TLS (aiosmtpd, started by `ops/test` through
/// ops/lib/smtpd.sh, which sets WAYMARK_TEST_SMTPD): STARTTLS and implicit TLS with AUTH,
/// the certificate checked, and a server without STARTTLS refused with nothing sent.
final class SMTPOverTLSTests: XCTestCase {
    struct Servers: Decodable {
        let ports: [String: Int]
        let ca: String
        let messages: String
    }

    var servers: Servers!

    override func setUpWithError() throws {
        guard let path = ProcessInfo.processInfo.environment["WAYMARK_TEST_SMTPD"] else {
            throw XCTSkip("ops/test starts the test mail servers (WAYMARK_TEST_SMTPD)")
        }
        servers = try JSONDecoder().decode(Servers.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func message(_ subject: String) -> SMTPConversation.Message {
        .init(from: "waymark@wmvrp.example", to: "amara.okafor@wmvrp.example", subject: subject,
              body: "Your return was queried.\n.\nSee it in Waymark.", date: Date())
    }

    func delivered(_ subject: String) throws -> String? {
        let folder = URL(fileURLWithPath: servers.messages)
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil) {
            let text = try String(contentsOf: file, encoding: .utf8)
            if text.contains("Subject: \(subject)") { return text }
        }
        return nil
    }

    func send(_ url: String, caFile: String?, _ subject: String) async throws {
        let mailer = try XCTUnwrap(SMTPMailer(url: url, caFile: caFile), url)
        try await mailer.send(message(subject), group: MultiThreadedEventLoopGroup.singleton)
    }

    func testStartTLSThenAuthenticationDelivers() async throws {
        let subject = "STARTTLS \(UUID().uuidString)"
        try await send("smtp://alerts:secret@localhost:\(servers.ports["starttls"]!)", caFile: servers.ca, subject)
        let text = try XCTUnwrap(try delivered(subject), "the server kept the message")
        XCTAssertTrue(text.contains("X-Envelope-To: amara.okafor@wmvrp.example"))
        XCTAssertTrue(text.contains("Content-Transfer-Encoding: quoted-printable"))
    }

    func testImplicitTLSDelivers() async throws {
        let subject = "SMTPS \(UUID().uuidString)"
        try await send("smtps://alerts:secret@localhost:\(servers.ports["implicit"]!)", caFile: servers.ca, subject)
        XCTAssertNotNil(try delivered(subject))
    }

    func testACertificateNobodyVouchesForIsRefused() async throws {
        let subject = "Untrusted \(UUID().uuidString)"
        for url in ["smtps://alerts:secret@localhost:\(servers.ports["implicit"]!)",
                    "smtp://alerts:secret@localhost:\(servers.ports["starttls"]!)"] {
            do {
                try await send(url, caFile: nil, subject)
                XCTFail("the test authority is not in the system's trust store: \(url) must fail")
            } catch {
                // The handshake fails; which error surfaces first (the certificate's, or the
                // channel the server then closed) is a race. What matters: no SMTP was spoken.
                XCTAssertFalse(error is SMTPConversation.Failure, "the conversation went on over an untrusted connection: \(error)")
                XCTAssertFalse(error is SMTPConversation.Refused, String(describing: error))
            }
        }
        XCTAssertNil(try delivered(subject))
    }

    func testAServerWithoutStartTLSIsRefusedAndNothingGoesInClear() async throws {
        let subject = "Plain \(UUID().uuidString)"
        for url in ["smtp://alerts:secret@localhost:\(servers.ports["plain"]!)", "smtp://localhost:\(servers.ports["plain"]!)"] {
            do {
                try await send(url, caFile: servers.ca, subject)
                XCTFail("\(url) offers no STARTTLS")
            } catch let refused as SMTPConversation.Refused {
                XCTAssertTrue(refused.description.contains("does not offer STARTTLS"))
            }
        }
        XCTAssertNil(try delivered(subject))
        // Asked for in so many words, a plain relay takes mail without credentials.
        try await send("smtp://localhost:\(servers.ports["plain"]!)?tls=none", caFile: nil, subject)
        XCTAssertNotNil(try delivered(subject))
    }

    /// Through the outbox, as the product sends: the refusal is the email's recorded error,
    /// which the console shows and the log carries.
    func testTheOutboxRecordsTheRefusal() async throws {
        let app = try await TestApp.make()
        do {
            var config = app.waymark
            config.smtpURL = "smtp://alerts:secret@localhost:\(servers.ports["plain"]!)"
            app.waymark = config
            let id = try await DatabaseScope.platform.run(on: app.db) { db in
                let tenant = try await Tenant.query(on: db).first()!
                try await OutboxEmail.query(on: db).delete()
                let email = OutboxEmail(tenantID: tenant.id!, personID: nil, to: "a@example.org", subject: "Waymark: test",
                                        body: "Hello", at: Date())
                try await email.create(on: db)
                return email.id!
            }
            try await OutboxDelivery.deliverPending(app)
            let email = try await DatabaseScope.platform.run(on: app.db) { db in try await OutboxEmail.find(id, on: db)! }
            XCTAssertNil(email.sentAt)
            XCTAssertTrue(email.lastError?.contains("does not offer STARTTLS") == true, email.lastError ?? "")
        } catch {
            try await TestApp.shutdown(app)
            throw error
        }
        try await TestApp.shutdown(app)
    }
}
