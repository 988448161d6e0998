import Vapor

/// What the API asks of every request, checked before any handler (issue 16, finding 9; the
/// OpenAPI document states the same rules through `OpenAPIRules`):
/// - a query parameter is given once, with a value: `?as_of=` or `?as_of=a&as_of=b` is a 400
///   naming it, never quietly read as "today" or as one of the two;
/// - a method the path does not take is a 405 listing those it does, not a 404;
/// - a JSON body carries only the members the document declares for it: one it does not know is
///   a 400 naming it, never silently dropped.
struct APIRequestRules: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.url.path.hasPrefix("/api/") else { return try await next.respond(to: req) }
        if req.route == nil, let allowed = Self.methods(for: req.url.path, in: req.application.routes), !allowed.isEmpty {
            let response = Response(status: .methodNotAllowed)
            response.headers.replaceOrAdd(name: .allow, value: allowed.joined(separator: ", "))
            let body = ErrorPageMiddleware.APIError(error: "method_not_allowed",
                                                    message: "\(req.method.rawValue) is not allowed here; use \(allowed.joined(separator: " or "))",
                                                    status: 405)
            try response.content.encode(body)
            return response
        }
        var seen = Set<String>()
        for item in URLComponents(string: req.url.string)?.queryItems ?? [] {
            guard seen.insert(item.name).inserted else {
                throw WaymarkError.badRequest("\(item.name): give it once, not several times")
            }
            if (item.value ?? "").isEmpty {
                throw WaymarkError.badRequest("\(item.name): give a value, or leave it out")
            }
        }
        try await checkBodyMembers(req)
        return try await next.respond(to: req)
    }

    private func checkBodyMembers(_ req: Request) async throws {
        guard [.POST, .PUT, .PATCH].contains(req.method), let route = req.route,
              req.headers.contentType?.subType == "json" else { return }
        let path = "/" + route.path.map { component -> String in
            if case .parameter(let name) = component { return "{\(name)}" }
            return component.description
        }.joined(separator: "/")
        guard let declared = OpenAPIRules.closedBodies[req.method.rawValue + " " + path] else { return }
        let body = try await req.body.collect(max: BodyLimits.limit(for: req)).get()
        guard let body, let object = try? JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any] else { return }
        let unknown = object.keys.filter { !declared.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw WaymarkError.badRequest("\(unknown.joined(separator: ", ")): not \(unknown.count == 1 ? "a member" : "members") of this request's body; it takes \(declared.sorted().joined(separator: ", "))")
        }
    }

    /// The methods some route takes at `path`, by name and sorted, or nil when no route has that path.
    static func methods(for path: String, in routes: Routes) -> [String]? {
        let parts = path.split(separator: "/").map(String.init)
        let matching = routes.all.filter { route in
            route.path.count == parts.count && zip(route.path, parts).allSatisfy { component, part in
                switch component {
                case .constant(let text): text == part
                case .parameter: true
                case .anything, .catchall: true
                }
            }
        }
        return matching.isEmpty ? nil : Set(matching.map(\.method.rawValue)).sorted()
    }
}
