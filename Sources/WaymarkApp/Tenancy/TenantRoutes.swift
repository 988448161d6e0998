import Vapor
import WaymarkDomain

/// Registers a tenant page together with the capability it needs, so no handler can
/// forget its check: the check runs before the handler is called.
struct TenantRoutes {
    let builder: any RoutesBuilder

    /// Pages: the browser session. The API adds bearer tokens in front.
    init(_ parent: any RoutesBuilder) {
        builder = parent.grouped(TenantMiddleware())
    }

    typealias Handler = @Sendable (Request, TenantContext) async throws -> Response

    func get(_ path: PathTemplate, _ capability: Capability, _ handler: @escaping Handler) {
        builder.on(.GET, path.components) { req in
            try await AsOfCarry.answering(req, page: path) { try await Self.run(req, capability, handler) }
        }
    }

    func post(_ path: PathTemplate, _ capability: Capability, _ handler: @escaping Handler) {
        builder.on(.POST, path.components, body: .collect(maxSize: BodyLimits.byteCount(BodyLimits.limit(for: path)))) { req in
            try await Self.run(req, capability, handler)
        }
    }

    private static func run(_ req: Request, _ capability: Capability, _ handler: Handler) async throws -> Response {
        let context = try req.tenantContext
        try context.require(capability)
        return try await handler(req, context)
    }
}
