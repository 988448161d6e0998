import Foundation

/// The client side of one SMTP submission (RFC 5321), apart from the socket: it says what
/// to send and checks each reply, so it is tested against scripted replies and used over
/// a real connection by `SMTPMailer`. Plain SMTP with optional AUTH LOGIN — enough for a
/// relay on the same network; there is no Swift mail library among our dependencies.
struct SMTPConversation {
    struct Message: Sendable {
        let from: String
        let to: String
        let subject: String
        let body: String
        let date: Date
    }

    struct Reply: Sendable { let code: Int; let text: String }

    struct Failure: Error, CustomStringConvertible {
        let step: String
        let reply: Reply
        var description: String { "SMTP \(step) refused: \(reply.code) \(reply.text)" }
    }

    let heloName: String
    let user: String?
    let password: String?

    /// Runs the conversation: `send` writes one line (without CRLF), `reply` reads one whole reply.
    func deliver(_ message: Message, send: (String) async throws -> Void, reply: () async throws -> Reply) async throws {
        func expect(_ step: String, _ codes: Set<Int>) async throws {
            let answer = try await reply()
            guard codes.contains(answer.code) else { throw Failure(step: step, reply: answer) }
        }
        try await expect("greeting", [220])
        try await send("EHLO \(heloName)"); try await expect("EHLO", [250])
        if let user, let password {
            try await send("AUTH LOGIN"); try await expect("AUTH", [334])
            try await send(Data(user.utf8).base64EncodedString()); try await expect("AUTH user", [334])
            try await send(Data(password.utf8).base64EncodedString()); try await expect("AUTH password", [235])
        }
        try await send("MAIL FROM:<\(message.from)>"); try await expect("MAIL FROM", [250])
        try await send("RCPT TO:<\(message.to)>"); try await expect("RCPT TO", [250, 251])
        try await send("DATA"); try await expect("DATA", [354])
        for line in Self.content(message) { try await send(line) }
        try await send("."); try await expect("message", [250])
        try await send("QUIT")
    }

    /// Headers and body, lines dot-stuffed so a line holding "." cannot end the message early.
    static func content(_ message: Message) -> [String] {
        let date = DateFormatter()
        date.locale = Locale(identifier: "en_US_POSIX")
        date.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let headers = ["From: \(headerSafe(message.from))", "To: \(headerSafe(message.to))"] + encodedHeader("Subject", message.subject)
            + ["Date: \(date.string(from: message.date))", "MIME-Version: 1.0",
               "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
        let body = message.body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        return headers + body
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
