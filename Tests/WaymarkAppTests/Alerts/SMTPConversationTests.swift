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

    /// Issue 19: non-ASCII subjects are RFC 2047 encoded words on folded lines; every header
    /// value loses its control characters.
    func testHeadersAreEncodedAndCannotCarryAnotherHeader() throws {
        let subject = "Coventry – £4,680.00 paid to Three Spires Safe Steps CIC for September’s walking buses"
        let lines = SMTPConversation.content(.init(from: "waymark@wmvrp.example\r\nBcc: x@example.org", to: "a@wmvrp.example",
                                                   subject: subject, body: "Hello", date: Date(timeIntervalSince1970: 0)))
        XCTAssertEqual(lines[0], "From: waymark@wmvrp.example  Bcc: x@example.org")
        let start = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("Subject: ") })
        var folded = [String(lines[start].dropFirst("Subject: ".count))]
        var next = start + 1
        while lines[next].hasPrefix(" ") { folded.append(String(lines[next].dropFirst())); next += 1 }
        XCTAssertGreaterThan(folded.count, 1, "a long subject folds")
        var decoded = Data()
        for word in folded {
            XCTAssertTrue(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="), word)
            XCTAssertLessThanOrEqual(word.count, 75, "an encoded word is at most 75 characters")
            decoded += try XCTUnwrap(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
        }
        XCTAssertEqual(String(decoding: decoded, as: UTF8.self), subject, "whole characters in each word, nothing lost")
        let headerLines = lines.prefix { !$0.isEmpty }
        XCTAssertTrue(headerLines.allSatisfy { $0.utf8.count <= 76 }, "header lines within RFC 2047's 76: \(headerLines.map(\.count))")
        let plain = SMTPConversation.content(.init(from: "a@b.example", to: "c@d.example", subject: "BHM-06 is now unfunded",
                                                   body: "", date: Date(timeIntervalSince1970: 0)))
        XCTAssertTrue(plain.contains("Subject: BHM-06 is now unfunded"), "ASCII stays readable")
    }
}
