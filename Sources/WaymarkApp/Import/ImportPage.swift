import Foundation
import Vapor

/// The upload page of one kind of import, in its three states: ready for a file, the
/// file's problems, or what the checked file will change with a button to confirm.
enum ImportPage {
    /// More problems than this are counted, not listed: past a few hundred the
    /// spreadsheet has a systematic mistake the first ones already show.
    static let maxListedIssues = 500

    struct Page: Encodable {
        struct IssueLine: Encodable { let row: String; let column: String; let message: String }
        struct OutcomeLine: Encodable { let row: Int; let key: String; let action: String; let tag: String; let detail: String }

        let kind: String
        let kindTitle: String
        let summary: String
        let matching: String
        let columns: [ImportColumn]
        let csvTemplateHref: String
        let xlsxTemplateHref: String
        let action: String
        let backHref: String
        let filename: String?
        let issues: [IssueLine]
        let issueCount: Int
        let unlistedIssues: Int
        let checked: Bool
        let outcomeLines: [OutcomeLine]
        let outcomeSummary: String
        let hasChanges: Bool
        let payload: String?
    }

    static func render(_ req: Request, _ context: TenantContext, kind: ImportKind, upload: ImportUpload? = nil,
                       issues: [ImportIssue] = [], outcome: ImportOutcome? = nil, errors: [FieldError] = [],
                       status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug
        var errors = errors
        if !issues.isEmpty {
            let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
            errors.append(.init(field: "file", message: "\(upload?.filename ?? "The file") has \(count). Nothing was imported: fix the file and upload it again"))
        }
        let page = Page(
            kind: kind.rawValue, kindTitle: kind.title.lowercased(), summary: kind.summary, matching: kind.matching, columns: kind.columns,
            csvTemplateHref: SiteMap.Tenant.importTemplateCSV.path(slug, kind.rawValue),
            xlsxTemplateHref: SiteMap.Tenant.importTemplateXLSX.path(slug, kind.rawValue),
            action: SiteMap.Tenant.importKind.path(slug, kind.rawValue), backHref: SiteMap.Tenant.imports.path(slug),
            filename: upload?.filename,
            issues: issues.prefix(maxListedIssues).map {
                .init(row: $0.row.map { "Row \($0)" } ?? "Whole file", column: $0.column ?? "", message: $0.message)
            },
            issueCount: issues.count, unlistedIssues: max(0, issues.count - maxListedIssues),
            checked: outcome != nil,
            outcomeLines: (outcome?.lines ?? []).map {
                .init(row: $0.row, key: $0.key, action: label($0.action), tag: tag($0.action), detail: $0.detail)
            },
            outcomeSummary: outcome.map { describe($0, kind) } ?? "",
            hasChanges: (outcome?.changes ?? 0) > 0,
            payload: outcome.flatMap { $0.changes > 0 ? upload?.data.base64EncodedString() : nil })
        return try await PageRenderer.render(req, "imports/upload", title: "Import \(kind.title.lowercased())", page,
                                             errors: errors, status: status)
    }

    static func describe(_ outcome: ImportOutcome, _ kind: ImportKind) -> String {
        var parts = ["\(outcome.added) \(kind.noun)\(outcome.added == 1 ? "" : "s") added"]
        // Kinds whose rows only ever add (invitations, contracts) have nothing to update.
        if kind.updatesExisting { parts.append("\(outcome.updated) updated") }
        if outcome.unchanged > 0 { parts.append("\(outcome.unchanged) unchanged") }
        return parts.joined(separator: ", ")
    }

    private static func label(_ action: ImportOutcome.Action) -> String {
        switch action {
        case .add: "New"
        case .update: "Changed"
        case .unchanged: "No change"
        }
    }

    private static func tag(_ action: ImportOutcome.Action) -> String {
        switch action {
        case .add: "wm-tag--green"
        case .update: "wm-tag--blue"
        case .unchanged: "wm-tag--grey"
        }
    }
}
