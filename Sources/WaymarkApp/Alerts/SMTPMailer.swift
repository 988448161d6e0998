import Foundation
import NIOCore
import NIOPosix
import Vapor

/// Sends one email over a plain SMTP connection described by WAYMARK_SMTP_URL
/// (`smtp://user:password@host:port`).
struct SMTPMailer: Sendable {
    let host: String
    let port: Int
    let user: String?
    let password: String?

    init?(url text: String) {
        guard let url = URLComponents(string: text), url.scheme == "smtp", let host = url.host, !host.isEmpty else { return nil }
        self.host = host
        self.port = url.port ?? 25
        self.user = url.user?.removingPercentEncoding
        self.password = url.password?.removingPercentEncoding
    }

    func send(_ message: SMTPConversation.Message, group: any EventLoopGroup) async throws {
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineDecoder()))
                    return try NIOAsyncChannel<String, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let conversation = SMTPConversation(heloName: "waymark", user: user, password: password)
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
                    if marker != "-", let code = Int(line.prefix(3)) { return .init(code: code, text: text.joined(separator: " ")) }
                }
                throw SMTPConversation.Failure(step: "reply", reply: .init(code: 0, text: "connection closed"))
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
