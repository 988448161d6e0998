import XCTest
@testable import WaymarkApp

/// The SMTP dialogue against scripted server replies.
final class SMTPConversationTests: XCTestCase {
    let message = SMTPConversation.Message(from: "waymark@wmvrp.example", to: "amara.okafor@wmvrp.example",
                                           subject: "BHM-06 is now unfunded\r\nBcc: everyone@example.org",
                                           body: "First line\n.\nLast line", date: Date(timeIntervalSince1970: 0))

    func run(_ replies: [Int], user: String? = nil) async throws -> [String] {
        var sent: [String] = []
        var script = replies[...]
        try await SMTPConversation(heloName: "waymark", user: user, password: user == nil ? nil : "secret")
            .deliver(message, send: { sent.append($0) }, reply: {
                guard let code = script.popFirst() else { throw SMTPConversation.Failure(step: "test", reply: .init(code: 0, text: "no more")) }
                return .init(code: code, text: "ok")
            })
        return sent
    }

    func testADeliveryWithAuthenticationSendsTheWholeDialogue() async throws {
        let sent = try await run([220, 250, 334, 334, 235, 250, 250, 354, 250], user: "alerts")
        XCTAssertEqual(Array(sent.prefix(7)), ["EHLO waymark", "AUTH LOGIN", "YWxlcnRz", "c2VjcmV0",
                                               "MAIL FROM:<waymark@wmvrp.example>", "RCPT TO:<amara.okafor@wmvrp.example>", "DATA"])
        XCTAssertTrue(sent.contains("Subject: BHM-06 is now unfunded  Bcc: everyone@example.org"), "no header injection")
        XCTAssertFalse(sent.contains("Bcc: everyone@example.org"))
        XCTAssertTrue(sent.contains(".."), "a lone dot in the body is stuffed")
        XCTAssertEqual(Array(sent.suffix(2)), [".", "QUIT"])
    }

    func testARefusedRecipientStopsWithTheServersWords() async throws {
        do {
            _ = try await run([220, 250, 250, 550])
            XCTFail("a 550 must fail the delivery")
        } catch let failure as SMTPConversation.Failure {
            XCTAssertEqual(failure.step, "RCPT TO")
            XCTAssertEqual(failure.reply.code, 550)
        }
    }
}
