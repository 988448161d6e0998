import Vapor

/// How big a request body each route takes (issue 16, "cheap refusals"): the two that take a
/// file (an import, with its confirmation carrying the file back, and a return's upload) take
/// up to `upload`; every other form and API call `form`. A body beyond its route's limit is
/// refused before it is read whole.
enum BodyLimits {
    static let form = 1024 * 1024
    /// A 10 MB file, base64 in the import's confirmation, with room for the form around it.
    static let upload = 15 * 1024 * 1024

    static let uploadPatterns: Set<String> = [SiteMap.Tenant.importKind.pattern, SiteMap.Tenant.returnUpload.pattern]

    static func limit(for template: PathTemplate) -> Int {
        uploadPatterns.contains(template.pattern) ? upload : form
    }

    /// The limit of the route a request was routed to.
    static func limit(for req: Request) -> Int {
        guard let route = req.route else { return form }
        return uploadPatterns.contains("/" + route.path.map(\.description).joined(separator: "/")) ? upload : form
    }

    static func byteCount(_ bytes: Int) -> ByteCount { ByteCount(value: bytes) }
}
