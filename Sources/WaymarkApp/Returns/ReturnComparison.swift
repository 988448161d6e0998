import Foundation
import Vapor
import WaymarkDomain

/// Two versions of a return side by side, every changed figure marked, so a commissioner sees
/// at once what a resubmission answered.
enum ReturnComparison {
    struct Page: Encodable, Sendable {
        let caption: String; let heading: String; let backHref: String
        let before: String; let after: String
        let figures: ReturnFigureTable
        let changeCount: Int
        let narrativeBefore: String; let narrativeAfter: String; let narrativeChanged: Bool
        var wide = true
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let file = try await ReturnFile.load(req, context)
        let latest = file.latest?.number ?? 0
        let b = req.query[Int.self, at: "b"] ?? latest
        let a = req.query[Int.self, at: "a"] ?? (b - 1)
        guard let older = file.versions.first(where: { $0.number == a }), let newer = file.versions.first(where: { $0.number == b }) else {
            throw WaymarkError.notFound
        }
        let shown = file.shows
        let (before, after) = (try older.content, try newer.content)
        let changes = ReturnChanges.between(before, after).filter { $0.routeID.map(shown) ?? true }
        let page = Page(caption: "\(file.contract.reference) · \(file.providerName)",
                        heading: "\(file.month.longDisplay) return: version \(a) and version \(b)",
                        backHref: SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, file.contract.id!.uuidString, file.month.description),
                        before: "Version \(a), \(London.format(older.submittedAt))", after: "Version \(b), \(London.format(newer.submittedAt))",
                        figures: ReturnFigureTable(after, previous: before, file: file, shown: shown),
                        changeCount: changes.count,
                        narrativeBefore: before.narrative, narrativeAfter: after.narrative, narrativeChanged: before.narrative != after.narrative)
        return try await PageRenderer.render(req, "returns/compare", title: page.heading, page)
    }
}
