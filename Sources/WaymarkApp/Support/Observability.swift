import CoreMetrics
import Foundation
import Prometheus
import SQLKit
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
        await readDatabaseAndJobs(req)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: registry.emitToString()))
    }
}

extension Observability {
    /// Read at each scrape: the database's connections by state (PostgreSQL's own count, every
    /// instance's together, against its `max_connections`), and the background jobs by kind and
    /// state. A database that does not answer leaves the last values and is logged.
    static func readDatabaseAndJobs(_ req: Request) async {
        do {
            let (connections, limit, jobs) = try await req.platformDB { db -> ([(String, Int)], Int?, [(String, String, Int)]) in
                guard let sql = db as? any SQLDatabase else { return ([], nil, []) }
                var connections: [(String, Int)] = [], limit: Int?
                if sql.dialect.name == "postgresql" {
                    connections = try await sql.raw("""
                        SELECT COALESCE(state, 'unknown') AS state, count(*)::int AS n FROM pg_stat_activity
                        WHERE datname = current_database() GROUP BY 1
                        """).all().map { (try $0.decode(column: "state", as: String.self), try $0.decode(column: "n", as: Int.self)) }
                    limit = Int(try await sql.raw("SHOW max_connections").first()?.decode(column: "max_connections", as: String.self) ?? "")
                }
                let jobs = try await sql.raw("SELECT kind, state, count(*) AS n FROM jobs GROUP BY kind, state").all().map {
                    (try $0.decode(column: "kind", as: String.self), try $0.decode(column: "state", as: String.self),
                     try $0.decode(column: "n", as: Int.self))
                }
                return (connections, limit, jobs)
            }
            for state in ["active", "idle", "idle in transaction"] {
                Gauge(label: "waymark_database_connections", dimensions: [("state", state)])
                    .record(connections.first { $0.0 == state }?.1 ?? 0)
            }
            if let limit { Gauge(label: "waymark_database_connections_limit").record(limit) }
            Gauge(label: "waymark_database_pool_size").record(req.application.waymark.isPostgres
                ? req.application.eventLoopGroup.makeIterator().reduce(0) { count, _ in count + 1 } * Self.connectionsPerEventLoop : 1)
            for kind in Job.Kind.allCases {
                for state in [Job.State.waiting, .running, .failed] {
                    Gauge(label: "waymark_jobs", dimensions: [("kind", kind.rawValue), ("state", state.rawValue)])
                        .record(jobs.first { $0.0 == kind.rawValue && $0.1 == state.rawValue }?.2 ?? 0)
                }
            }
        } catch {
            req.logger.warning("Metrics: the database's figures could not be read", metadata: ["error": .string(String(describing: error))])
        }
    }

    /// Fluent's PostgreSQL pool: this many connections per event loop (its default).
    static let connectionsPerEventLoop = 1
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
