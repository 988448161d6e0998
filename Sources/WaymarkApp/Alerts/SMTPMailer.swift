import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Vapor

/// Sends one email to the mail server WAYMARK_SMTP_URL names:
/// - `smtps://user:password@host:465`: TLS from the start;
/// - `smtp://user:password@host:587`: STARTTLS, which the server must offer;
/// - `smtp://host:25?tls=none`: plain, for a relay on a trusted network, and then without
///   credentials unless `&auth_in_clear=allowed` is added too.
/// The server's certificate is checked against the system's trust store, and against
/// WAYMARK_SMTP_CA_FILE (PEM) when set, for a private mail server's own authority.
struct SMTPMailer: Sendable {
    let host: String
    let port: Int
    let user: String?
    let password: String?
    let security: SMTPConversation.Security
    let allowCredentialsInClear: Bool
    let caFile: String?

    /// How long connecting may take; the whole send has `OutboxDelivery.sendTimeout`.
    static let connectTimeout: TimeAmount = .seconds(10)

    init?(url text: String, caFile: String? = ProcessInfo.processInfo.environment["WAYMARK_SMTP_CA_FILE"]) {
        guard let url = URLComponents(string: text), let host = url.host, !host.isEmpty else { return nil }
        let options = Dictionary((url.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        guard Set(options.keys).isSubset(of: ["tls", "auth_in_clear"]) else { return nil }
        switch (url.scheme, options["tls"]) {
        case ("smtps", nil): security = .implicitTLS
        case ("smtp", nil), ("smtp", "starttls"): security = .startTLS
        case ("smtp", "none"): security = .none
        default: return nil
        }
        switch options["auth_in_clear"] {
        case nil: allowCredentialsInClear = false
        case "allowed": allowCredentialsInClear = true
        default: return nil
        }
        self.host = host
        self.port = url.port ?? (security == .implicitTLS ? 465 : 25)
        // Already percent-decoded by URLComponents: decoding again would spoil a password with "%".
        self.user = url.user
        self.password = url.password
        self.caFile = caFile.flatMap { $0.isEmpty ? nil : $0 }
    }

    func send(_ message: SMTPConversation.Message, group: any EventLoopGroup) async throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        if let caFile { configuration.additionalTrustRoots = [.file(caFile)] }
        let context = try NIOSSLContext(configuration: configuration)
        // SNI names a host, never an address; an address is still checked against the certificate.
        let serverName = (try? SocketAddress(ipAddress: host, port: 0)) == nil ? host : nil
        let implicit = security == .implicitTLS
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(Self.connectTimeout)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if implicit {
                        try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let conversation = SMTPConversation(heloName: "waymark", user: user, password: password, security: security,
                                            allowCredentialsInClear: allowCredentialsInClear)
        try await channel.executeThenClose { inbound, outbound in
            var lines = inbound.makeAsyncIterator()
            try await conversation.deliver(message, send: { line in
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
            }, reply: {
                // A reply is one or more lines "250-…" ending with "250 …".
                var text: [String] = []
                while let line = try await lines.next() {
                    text.append(String(line.dropFirst(4)))
                    let marker = line.dropFirst(3).first
                    if marker != "-", let code = Int(line.prefix(3)) {
                        return .init(code: code, text: text.joined(separator: " "), lines: text)
                    }
                }
                throw SMTPConversation.Failure(step: "reply", reply: .init(code: 0, text: "connection closed"))
            }, startTLS: {
                // In front of the line decoder: from here every byte each way is encrypted.
                let handler = try NIOSSLClientHandler(context: context, serverHostname: serverName)
                try await channel.channel.pipeline.addHandler(handler, position: .first).get()
            })
        }
    }
}

/// Splits the server's bytes into lines at CRLF. A reply line is at most 512 bytes (RFC 5321,
/// 4.5.3.1.5); one over `maxLine` ends the conversation rather than filling memory.
struct LineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String
    static let maxLine = 4_096

    struct LineTooLong: Error, CustomStringConvertible {
        var description: String { "the mail server sent a line longer than \(LineDecoder.maxLine) bytes" }
    }

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let index = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            if buffer.readableBytes > Self.maxLine { throw LineTooLong() }
            return .needMoreData
        }
        if index - buffer.readerIndex > Self.maxLine { throw LineTooLong() }
        let length = index - buffer.readerIndex
        var line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        if line.hasSuffix("\r") { line.removeLast() }
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }
}
