import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// Bulk import pages: choose what to import, download a template, upload a file to
/// check it, then confirm. Checking writes nothing; confirming re-checks the same bytes
/// against the data as it is then, inside the transaction that writes them.
struct ImportController: Sendable {
    /// Small enough that the checked file, carried back base64-encoded in the confirm
    /// form, stays under the 11 MB form limit.
    static let maxUploadBytes = 8 * 1024 * 1024

    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.imports, .importData, index)
        routes.get(SiteMap.Tenant.importKind, .importData, show)
        routes.get(SiteMap.Tenant.importTemplateCSV, .importData, csvTemplate)
        routes.get(SiteMap.Tenant.importTemplateXLSX, .importData, xlsxTemplate)
        routes.post(SiteMap.Tenant.importKind, .importData, upload)
    }

    struct IndexPage: Encodable {
        struct Kind: Encodable { let title: String; let summary: String; let href: String }
        let kinds: [Kind]
    }

    func index(req: Request, context: TenantContext) async throws -> Response {
        let slug = context.tenant.slug
        let kinds = ImportKind.allCases.map {
            IndexPage.Kind(title: $0.title, summary: $0.summary, href: SiteMap.Tenant.importKind.path(slug, $0.rawValue))
        }
        return try await PageRenderer.render(req, "imports/index", title: "Import data", IndexPage(kinds: kinds))
    }

    func show(req: Request, context: TenantContext) async throws -> Response {
        try await ImportPage.render(req, context, kind: try kind(req))
    }

    func csvTemplate(req: Request, context: TenantContext) async throws -> Response {
        let kind = try kind(req)
        return CSVResponse.make(TabularWriter.csv(headers: kind.columns.map(\.name), rows: kind.exampleRows),
                                filename: "waymark-\(kind.rawValue)-template.csv")
    }

    func xlsxTemplate(req: Request, context: TenantContext) async throws -> Response {
        let kind = try kind(req)
        let data = try TabularWriter.xlsx(sheetName: kind.title, headers: kind.columns.map(\.name), rows: kind.exampleRows)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"waymark-\(kind.rawValue)-template.xlsx\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    struct UploadForm: Content {
        var file: File?
        /// The checked file, base64, sent back by the confirm button.
        var payload: String?
        var filename: String?
        var action: String?
    }

    func upload(req: Request, context: TenantContext) async throws -> Response {
        let kind = try kind(req)
        let form = try req.content.decode(UploadForm.self)
        let confirming = form.action == "import"
        let upload: ImportUpload
        do {
            upload = try ImportUpload.from(form, confirming: confirming, maxBytes: Self.maxUploadBytes)
        } catch let error as ImportUpload.Problem {
            return try await ImportPage.render(req, context, kind: kind, errors: [.init(field: "file", message: error.message)],
                                               status: .unprocessableEntity)
        }
        // The people import sends invitations, whose links need the site's address.
        let result = try await InvitationLinks.$current.withValue(InvitationLinks(req)) {
            try await ImportRunner.run(kind, upload, context, apply: confirming)
        }
        if confirming, kind == .people, case .applied = result {
            let app = req.application
            req.afterCommit { InvitationLinks.deliverSoon(app) }
        }
        switch result {
        case .rejected(let issues):
            return try await ImportPage.render(req, context, kind: kind, upload: upload, issues: issues, status: .unprocessableEntity)
        case .checked(let outcome):
            return try await ImportPage.render(req, context, kind: kind, upload: upload, outcome: outcome)
        case .applied(let outcome):
            let message = "Imported \(upload.filename): \(ImportPage.describe(outcome, kind))."
            return req.redirect(to: SiteMap.Tenant.importKind.path(context.tenant.slug, kind.rawValue), flash: message)
        }
    }

    private func kind(_ req: Request) throws -> ImportKind {
        guard let kind = req.parameters.get("kind").flatMap(ImportKind.init(rawValue:)) else { throw WaymarkError.notFound }
        return kind
    }
}
