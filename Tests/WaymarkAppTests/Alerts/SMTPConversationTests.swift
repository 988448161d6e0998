import XCTest
@testable import WaymarkApp

/// The SMTP dialogue against scripted server replies.
final class SMTPConversationTests: XCTestCase {
    let message = SMTPConversation.Message(from: "waymark@wmvrp.example", to: "amara.okafor@wmvrp.example",
                                           subject: "BHM-06 is now unfunded\r\nBcc: everyone@example.org",
                                           body: "First line\n.\nLast line", date: Date(timeIntervalSince1970: 0))

    /// Runs the dialogue against scripted reply codes; EHLO's replies list `extensions`.
    func run(_ replies: [Int], user: String? = nil, security: SMTPConversation.Security = .implicitTLS,
             extensions: [String] = ["waymark.example", "AUTH LOGIN"], tlsStarted: (() -> Void)? = nil) async throws -> [String] {
        var sent: [String] = []
        var script = replies[...]
        try await SMTPConversation(heloName: "waymark", user: user, password: user == nil ? nil : "secret", security: security)
            .deliver(message, send: { sent.append($0) }, reply: {
                guard let code = script.popFirst() else { throw SMTPConversation.Failure(step: "test", reply: .init(code: 0, text: "no more")) }
                return .init(code: code, text: "ok", lines: sent.last?.hasPrefix("EHLO") == true ? extensions : ["ok"])
            }, startTLS: { tlsStarted?() })
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

    /// Issue 19: STARTTLS is required unless the operator allowed a plain connection; a server
    /// that does not offer it gets nothing but QUIT; the password never goes in clear.
    func testStartTLSComesBeforeAnythingElseIsSent() async throws {
        var started = false
        let sent = try await run([220, 250, 220, 250, 334, 334, 235, 250, 250, 354, 250], user: "alerts", security: .startTLS,
                                 extensions: ["waymark.example", "STARTTLS", "AUTH LOGIN"], tlsStarted: { started = true })
        XCTAssertTrue(started)
        XCTAssertEqual(Array(sent.prefix(4)), ["EHLO waymark", "STARTTLS", "EHLO waymark", "AUTH LOGIN"])
    }

    func testAServerWithoutStartTLSGetsNothingButQuit() async throws {
        for user in [nil, "alerts"] {
            do {
                _ = try await run([220, 250], user: user, security: .startTLS)
                XCTFail("no STARTTLS offered: nothing may be sent")
            } catch let refused as SMTPConversation.Refused {
                XCTAssertTrue(refused.description.contains("does not offer STARTTLS"), refused.description)
            }
        }
        var sent: [String] = []
        _ = try? await SMTPConversation(heloName: "waymark", user: "alerts", password: "secret", security: .startTLS)
            .deliver(message, send: { sent.append($0) }, reply: { .init(code: sent.isEmpty ? 220 : 250, text: "ok", lines: ["x"]) })
        XCTAssertEqual(sent, ["EHLO waymark", "QUIT"], "no credentials, no message")
    }

    func testCredentialsNeverGoInClearUnlessExplicitlyAllowed() async throws {
        do {
            _ = try await run([220, 250], user: "alerts", security: .none)
            XCTFail("AUTH over a plain connection")
        } catch let refused as SMTPConversation.Refused {
            XCTAssertTrue(refused.description.contains("would go in clear"))
        }
        var sent: [String] = []
        var codes = [220, 250, 334, 334, 235, 250, 250, 354, 250][...]
        try await SMTPConversation(heloName: "waymark", user: "alerts", password: "secret", security: .none, allowCredentialsInClear: true)
            .deliver(message, send: { sent.append($0) }, reply: { .init(code: codes.popFirst() ?? 0, text: "ok") })
        XCTAssertEqual(sent[1], "AUTH LOGIN", "allowed in so many words")
        let plain = try await run([220, 250, 250, 250, 354, 250], security: .none)
        XCTAssertEqual(plain[1], "MAIL FROM:<waymark@wmvrp.example>", "no credentials: a plain relay is allowed when asked for")
    }

    func testTheMailServerSettingSaysHowToConnect() {
        let starttls = SMTPMailer(url: "smtp://alerts:p%40ss@mail.example:587", caFile: nil)
        XCTAssertEqual(starttls?.security, .startTLS)
        XCTAssertEqual(starttls?.password, "p@ss")
        XCTAssertEqual(SMTPMailer(url: "smtps://mail.example", caFile: nil)?.port, 465)
        XCTAssertEqual(SMTPMailer(url: "smtps://mail.example", caFile: nil)?.security, .implicitTLS)
        XCTAssertEqual(SMTPMailer(url: "smtp://relay.internal?tls=none", caFile: nil)?.security, SMTPConversation.Security.none)
        XCTAssertEqual(SMTPMailer(url: "smtp://relay.internal?tls=none&auth_in_clear=allowed", caFile: nil)?.allowCredentialsInClear, true)
        for wrong in ["http://mail.example", "smtp://mail.example?tls=maybe", "smtps://mail.example?tls=none",
                      "smtp://mail.example?auth_in_clear=yes", "smtp://mail.example?verify=off", "smtp://"] {
            XCTAssertNil(SMTPMailer(url: wrong, caFile: nil), wrong)
        }
    }

    /// Bodies go quoted-printable: no line over 76 characters, whatever was pasted, and every
    /// byte comes back.
    func testBodiesAreQuotedPrintableWithShortLines() throws {
        let paragraph = String(repeating: "Chaperones walked 1,240 pupils to school – safely. ", count: 40) + "=end "
        let lines = SMTPConversation.content(.init(from: "a@b.example", to: "c@d.example", subject: "s",
                                                   body: paragraph + "\n.\nZoë", date: Date(timeIntervalSince1970: 0)))
        XCTAssertTrue(lines.contains("Content-Transfer-Encoding: quoted-printable"))
        let sent = Array(lines.drop { !$0.isEmpty }.dropFirst())
        XCTAssertTrue(sent.contains(".."), "dot-stuffed after encoding")
        // What the server keeps: the stuffing undone.
        let body = sent.map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }
        XCTAssertTrue(body.allSatisfy { $0.count <= 76 }, body.map(\.count).description)
        XCTAssertEqual(body.last, "Zo=C3=AB")
        // Undo the soft breaks, then the =XX escapes.
        let joined = body.reduce(into: "") { text, line in
            text += line.hasSuffix("=") ? String(line.dropLast()) : line + "\n"
        }
        var bytes: [UInt8] = [], scalars = Array(joined.utf8)[...]
        while let byte = scalars.popFirst() {
            if byte == UInt8(ascii: "="), let hex = UInt8(String(decoding: scalars.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(hex); scalars = scalars.dropFirst(2)
            } else { bytes.append(byte) }
        }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), paragraph + "\n.\nZoë\n")
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
