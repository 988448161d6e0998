import CoreMetrics
import Foundation
import Prometheus
import Vapor

/// What operators watch (issue 19): every metric goes through swift-metrics into one Prometheus
/// registry for the process, read at `/metrics`. Vapor counts and times each request by its route
/// pattern; Waymark adds its own (`WaymarkMetrics`).
enum Observability {
    /// The process's registry. Metrics are bootstrapped once, however many applications a process
    /// starts (the tests start one per test).
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func bootstrap() { _ = registry }

    /// `/metrics`, in the Prometheus text format, for whoever holds WAYMARK_METRICS_TOKEN. With no
    /// token set the page does not exist: metrics name routes and counts, which are not public.
    static func metrics(_ req: Request) async throws -> Response {
        guard let token = req.application.waymark.metricsToken else { throw WaymarkError.notFound }
        guard let given = req.headers.bearerAuthorization?.token,
              Array(given.utf8).constantTimeEquals(Array(token.utf8)) else {
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer realm=\"metrics\"")
            return Response(status: .unauthorized, headers: headers, body: .init(string: "A bearer token is needed\n"))
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: registry.emitToString()))
    }
}

extension Array where Element == UInt8 {
    /// Equality that takes as long whichever byte differs, so a token cannot be guessed by timing.
    func constantTimeEquals(_ other: [UInt8]) -> Bool {
        guard count == other.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(self, other) { difference |= a ^ b }
        return difference == 0
    }
}
