import Foundation
import Vapor
import WaymarkDomain

/// Filing a return as a spreadsheet: templates pre-filled per contract and month, and the
/// upload, checked whole. A file with any problem changes nothing and comes back as a list of
/// every problem with its row and column.
enum ReturnUploads {
    struct UploadForm: Content {
        var file: File?
        var narrative: String?
        var version: Int?
        var personal_data_checked: String?
    }

    @Sendable static func csvTemplate(req: Request, context: TenantContext) async throws -> Response {
        let file = try await ReturnsController.fileable(req, context)
        return CSVResponse.make(TabularWriter.csv(headers: ReturnSheet.headers, rows: ReturnSheet.templateRows(file)),
                                filename: ReturnSheet.templateName(file, ext: "csv"))
    }

    @Sendable static func xlsxTemplate(req: Request, context: TenantContext) async throws -> Response {
        let file = try await ReturnsController.fileable(req, context)
        let data = try TabularWriter.xlsx(sheetName: "Return \(file.month.description)", headers: ReturnSheet.headers,
                                          rows: ReturnSheet.templateRows(file))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ReturnSheet.templateName(file, ext: "xlsx"))\"")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    @Sendable static func upload(req: Request, context: TenantContext) async throws -> Response {
        let file = try await ReturnsController.fileable(req, context)
        let form = try req.content.decode(UploadForm.self)
        // The narrative typed beside the file is checked for personal data whatever the file
        // holds, so that problem shows with the file's own; both are kept for the next try.
        let typedNarrative = form.narrative ?? ""
        let confirmed = form.personal_data_checked == "yes"
        let narrativeIssues = PersonalDataCheck.problems([.init(field: "narrative", label: "The narrative typed beside the file", text: typedNarrative)],
                                                         confirmed: confirmed, channel: .upload).map {
            ImportIssue(row: nil, column: "narrative", message: $0.message)
        }
        func refuse(_ issues: [ImportIssue]) async throws -> Response {
            let all = issues + narrativeIssues.filter { !issues.contains($0) }
            return try await ReturnsController.render(req, context, file, errors: [FieldError(field: "file", message: all.count == 1
                ? "The file has a problem: nothing was saved" : "The file has \(all.count) problems: nothing was saved")],
                uploadIssues: all, typed: .init(uploadNarrative: typedNarrative, uploadChecked: confirmed), status: .unprocessableEntity)
        }
        guard let upload = form.file, upload.data.readableBytes > 0 else { return try await refuse([.file("Choose a CSV or Excel (.xlsx) file to upload")]) }
        guard upload.data.readableBytes <= ImportController.maxUploadBytes else {
            return try await refuse([.file("The file is larger than \(ImportController.maxUploadBytes / 1024 / 1024) MB")])
        }
        let data = Data(buffer: upload.data)
        let table: TabularTable
        let format: TabularFormat
        do {
            guard let detected = TabularFormat.detect(filename: upload.filename, contentType: upload.contentType?.serialize(), data: data) else {
                throw TabularError.unsupportedFormat
            }
            format = detected
            table = try TabularReader.read(data, format: format)
        } catch let error as TabularError {
            return try await refuse([.file(error.message)])
        }
        switch ReturnSheet.read(table, file: file, narrative: form.narrative ?? "") {
        case .failure(let rejected): return try await refuse(rejected.issues)
        case .success(let content):
            if let warning = PersonalDataScan.warning(for: content), form.personal_data_checked != "yes" {
                return try await refuse([ImportIssue(row: nil, column: "narrative", message: warning + " (tick the box below the file and upload it again)")])
            }
            do {
                let number = try await ReturnActions.submit(file, content, channel: format == .xlsx ? .xlsx : .csv,
                                                            openedAt: form.version ?? 0, context, at: req.now)
                return req.redirect(to: SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, file.contract.id!.uuidString, file.month.description),
                                    flash: "\(upload.filename) submitted as version \(number) of the \(file.month.longDisplay) return.")
            } catch let refused as ReturnActions.Refused {
                return try await refuse(refused.problems.map { ImportIssue(row: nil, column: $0.field.column, message: $0.message) })
            }
        }
    }
}
