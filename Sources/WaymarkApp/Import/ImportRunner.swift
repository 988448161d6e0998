import Foundation
import Vapor

/// The bytes of one uploaded file and what it was called.
struct ImportUpload: Sendable {
    struct Problem: Error { let message: String }

    let filename: String
    let data: Data
    let contentType: String?

    static func from(_ form: ImportController.UploadForm, confirming: Bool, maxBytes: Int) throws -> ImportUpload {
        if confirming {
            guard let payload = form.payload, let data = Data(base64Encoded: payload) else {
                throw Problem(message: "The checked file did not come back with the form: upload it again")
            }
            return ImportUpload(filename: form.filename ?? "the file", data: data, contentType: nil)
        }
        guard let file = form.file, file.data.readableBytes > 0 || !file.filename.isEmpty else {
            throw Problem(message: "Choose a CSV or Excel (.xlsx) file to upload")
        }
        guard file.data.readableBytes > 0 else { throw Problem(message: "The file \(file.filename) is empty") }
        guard file.data.readableBytes <= maxBytes else {
            throw Problem(message: "The file is larger than \(maxBytes / 1024 / 1024) MB: split it into smaller files")
        }
        return ImportUpload(filename: file.filename, data: Data(buffer: file.data),
                            contentType: file.contentType?.serialize())
    }
}

/// Reads an upload as a table and runs one kind of import over it: a check that writes
/// nothing, or an apply inside one transaction that re-validates against the data as it
/// is at that moment, so a file checked earlier cannot land half-valid.
enum ImportRunner {
    enum Result {
        case rejected([ImportIssue])
        case checked(ImportOutcome)
        case applied(ImportOutcome)
    }

    static func run(_ kind: ImportKind, _ upload: ImportUpload, _ context: TenantContext, apply: Bool) async throws -> Result {
        let started = ContinuousClock.now
        var rows = 0
        let result = try await read(kind, upload, context, apply: apply) { rows = $0 }
        var refused = false
        if case .rejected = result { refused = true }
        WaymarkMetrics.imported(kind: kind.rawValue, step: apply ? "apply" : "check", rows: rows, refused: refused,
                                seconds: (ContinuousClock.now - started) / .seconds(1))
        return result
    }

    private static func read(_ kind: ImportKind, _ upload: ImportUpload, _ context: TenantContext, apply: Bool,
                             counted: (Int) -> Void) async throws -> Result {
        let table: TabularTable
        do {
            guard let format = TabularFormat.detect(filename: upload.filename, contentType: upload.contentType, data: upload.data) else {
                throw TabularError.unsupportedFormat
            }
            table = try TabularReader.read(upload.data, format: format)
        } catch let error as TabularError {
            return .rejected([.file(error.message)])
        }
        counted(table.rows.count)
        switch kind {
        case .localAuthorities: return try await run(LocalAuthorityImport.self, kind, upload, table, context, apply: apply)
        case .organisations: return try await run(OrganisationImport.self, kind, upload, table, context, apply: apply)
        case .routes: return try await run(RouteImport.self, kind, upload, table, context, apply: apply)
        case .schools: return try await run(SchoolImport.self, kind, upload, table, context, apply: apply)
        case .calendars: return try await run(CalendarImport.self, kind, upload, table, context, apply: apply)
        case .fundingSources: return try await run(FundingSourceImport.self, kind, upload, table, context, apply: apply)
        case .allocations: return try await run(AllocationImport.self, kind, upload, table, context, apply: apply)
        case .pledges: return try await run(PledgeImport.self, kind, upload, table, context, apply: apply)
        case .contracts: return try await run(ContractImport.self, kind, upload, table, context, apply: apply)
        case .returns: return try await run(ReturnsImport.self, kind, upload, table, context, apply: apply)
        case .people: return try await run(PeopleImport.self, kind, upload, table, context, apply: apply)
        }
    }

    private static func run<I: TabularImporter>(_ importer: I.Type, _ kind: ImportKind, _ upload: ImportUpload, _ table: TabularTable,
                                                _ context: TenantContext, apply: Bool) async throws -> Result {
        guard apply else {
            switch I.plan(table, try await I.reference(context)) {
            case .failure(let rejected): return .rejected(rejected.issues)
            case .success((_, let outcome)): return .checked(outcome)
            }
        }
        // Task-local values do not survive the database's hop into its transaction, so the
        // invitation links (the people import's) are carried across by hand.
        let links = InvitationLinks.current
        do {
            let outcome = try await context.transaction { tx -> ImportOutcome in
                switch I.plan(table, try await I.reference(tx)) {
                case .failure(let rejected): throw rejected
                case .success((let plan, let outcome)):
                    try await InvitationLinks.$current.withValue(links) { try await I.apply(plan, tx) }
                    try await tx.audit("import.applied", "import", kind.rawValue, after: ImportAudit(upload.filename, outcome))
                    return outcome
                }
            }
            return .applied(outcome)
        } catch let rejected as ImportIssues {
            return .rejected(rejected.issues)
        }
    }

    /// One entry per import, after the entries of the records it changed.
    struct ImportAudit: Encodable {
        let file: String, added: Int, updated: Int, unchanged: Int
        init(_ file: String, _ outcome: ImportOutcome) {
            self.file = file; added = outcome.added; updated = outcome.updated; unchanged = outcome.unchanged
        }
    }
}
