import Vapor

/// The address a request came from, for the sign-in throttle and the log. Behind a load
/// balancer every request's peer is the balancer, so one person's wrong guesses would lock
/// everyone out: when the peer is one of WAYMARK_TRUSTED_PROXIES, the address is the last one in
/// X-Forwarded-For that is not a trusted proxy (earlier entries are the client's to write, and
/// so cannot be believed). Everyone else's X-Forwarded-For is ignored.
enum ClientAddress {
    static func resolve(peer: String, forwardedFor: [String], trusted: Set<String>) -> String {
        guard trusted.contains(peer) else { return peer }
        let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return chain.last { !trusted.contains($0) } ?? chain.first ?? peer
    }
}

extension Request {
    var clientAddress: String {
        ClientAddress.resolve(peer: remoteAddress?.ipAddress ?? "unknown", forwardedFor: headers[.xForwardedFor],
                              trusted: application.waymark.trustedProxies)
    }
}
