import Foundation

/// The client side of one SMTP submission (RFC 5321), apart from the socket: it says what
/// to send and checks each reply, so it is tested against scripted replies and used over
/// a real connection by `SMTPMailer`. TLS from the start, or STARTTLS (RFC 3207), which is
/// required unless the operator said the connection may stay plain; AUTH LOGIN only over
/// TLS unless credentials in clear are explicitly allowed.
struct SMTPConversation {
    struct Message: Sendable {
        let from: String
        let to: String
        let subject: String
        let body: String
        let date: Date
    }

    struct Reply: Sendable {
        let code: Int
        let text: String
        /// Each line's text without its code, for EHLO's list of extensions.
        var lines: [String] = []
    }

    struct Failure: Error, CustomStringConvertible {
        let step: String
        let reply: Reply
        var description: String { "SMTP \(step) refused: \(reply.code) \(reply.text)" }
    }

    /// Waymark stopped before sending anything it should not send in clear.
    struct Refused: Error, CustomStringConvertible { let description: String }

    enum Security: Sendable {
        /// The connection is TLS from its first byte (smtps://, port 465).
        case implicitTLS
        /// Plain at first, then STARTTLS, which the server must offer.
        case startTLS
        /// Plain throughout: only where the operator said so (`?tls=none`).
        case none
    }

    let heloName: String
    let user: String?
    let password: String?
    var security: Security = .none
    var allowCredentialsInClear = false

    /// Runs the conversation: `send` writes one line (without CRLF), `reply` reads one whole
    /// reply, `startTLS` puts TLS on the connection (after the server's 220 to STARTTLS).
    func deliver(_ message: Message, send: (String) async throws -> Void, reply: () async throws -> Reply,
                 startTLS: () async throws -> Void = {}) async throws {
        func expect(_ step: String, _ codes: Set<Int>) async throws -> Reply {
            let answer = try await reply()
            guard codes.contains(answer.code) else { throw Failure(step: step, reply: answer) }
            return answer
        }
        _ = try await expect("greeting", [220])
        try await send("EHLO \(heloName)")
        let extensions = try await expect("EHLO", [250]).lines.map { $0.uppercased() }
        var encrypted = security == .implicitTLS
        if security == .startTLS {
            guard extensions.contains(where: { $0 == "STARTTLS" || $0.hasPrefix("STARTTLS ") }) else {
                try? await send("QUIT")
                throw Refused(description: "the mail server does not offer STARTTLS, so nothing was sent: Waymark does not send mail in clear unless WAYMARK_SMTP_URL ends in ?tls=none")
            }
            try await send("STARTTLS"); _ = try await expect("STARTTLS", [220])
            try await startTLS()
            encrypted = true
            try await send("EHLO \(heloName)"); _ = try await expect("EHLO after STARTTLS", [250])
        }
        if let user, let password {
            guard encrypted || allowCredentialsInClear else {
                try? await send("QUIT")
                throw Refused(description: "the mail server's password would go in clear, so it was not sent: use smtps:// or STARTTLS, or add auth_in_clear=allowed to WAYMARK_SMTP_URL")
            }
            try await send("AUTH LOGIN"); _ = try await expect("AUTH", [334])
            try await send(Data(user.utf8).base64EncodedString()); _ = try await expect("AUTH user", [334])
            try await send(Data(password.utf8).base64EncodedString()); _ = try await expect("AUTH password", [235])
        }
        try await send("MAIL FROM:<\(message.from)>"); _ = try await expect("MAIL FROM", [250])
        try await send("RCPT TO:<\(message.to)>"); _ = try await expect("RCPT TO", [250, 251])
        try await send("DATA"); _ = try await expect("DATA", [354])
        for line in Self.content(message) { try await send(line) }
        try await send("."); _ = try await expect("message", [250])
        try await send("QUIT")
    }

    /// Headers and body, lines dot-stuffed so a line holding "." cannot end the message early.
    static func content(_ message: Message) -> [String] {
        let date = DateFormatter()
        date.locale = Locale(identifier: "en_US_POSIX")
        date.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let headers = ["From: \(headerSafe(message.from))", "To: \(headerSafe(message.to))"] + encodedHeader("Subject", message.subject)
            + ["Date: \(date.string(from: message.date))", "MIME-Version: 1.0",
               "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", ""]
        let body = message.body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { quotedPrintable(String($0)) }
            .map { $0.hasPrefix(".") ? "." + $0 : $0 }
        return headers + body
    }

    /// One line of text as quoted-printable lines (RFC 2045, 6.7): printable ASCII as it is,
    /// every other byte (and "=", and a space or tab ending the line) as =XX, and soft breaks
    /// ("=" at the end) keeping each line within 76 characters, so a pasted paragraph of any
    /// length never meets SMTP's 998-byte limit and non-ASCII arrives whole.
    static func quotedPrintable(_ line: String) -> [String] {
        let bytes = Array(line.utf8)
        var lines: [String] = [], current = ""
        for (index, byte) in bytes.enumerated() {
            let last = index == bytes.count - 1
            let plain = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !last)
            let piece = plain ? String(UnicodeScalar(byte)) : "=" + String(format: "%02X", byte)
            if current.count + piece.count > 75 {
                lines.append(current + "=")
                current = ""
            }
            current += piece
        }
        return lines + [current]
    }

    /// A header value on one line: CR, LF and every other control character become spaces, so no
    /// header can be smuggled in through a route's name or an address.
    static func headerSafe(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : Character($0) })
    }

    /// `name: value` as header lines. ASCII stays as it is; anything else is RFC 2047 encoded
    /// words (`=?UTF-8?B?…?=`), whole characters only, each further word on a folded line of its
    /// own. A word holds at most 39 bytes (52 base64 characters, 64 in all), so a line with one,
    /// "Subject: " included, stays within the 76 characters RFC 2047 allows.
    static func encodedHeader(_ name: String, _ value: String) -> [String] {
        let safe = headerSafe(value)
        guard !safe.allSatisfy(\.isASCII) else { return ["\(name): \(safe)"] }
        var words: [String] = [], chunk: [UInt8] = []
        for character in safe {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 39 {
                words.append(chunk.isEmpty ? "" : "=?UTF-8?B?\(Data(chunk).base64EncodedString())?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?\(Data(chunk).base64EncodedString())?=") }
        let encoded = words.filter { !$0.isEmpty }
        return ["\(name): \(encoded[0])"] + encoded.dropFirst().map { " " + $0 }
    }
}
