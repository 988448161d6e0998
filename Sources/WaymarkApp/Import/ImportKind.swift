import Foundation

/// A column of an import template, as the column guide on the upload page explains it.
struct ImportColumn: Encodable, Sendable {
    let name: String
    let required: Bool
    let help: String
    let example: String

    enum CodingKeys: String, CodingKey { case name, required, help, example, hasExample }

    /// Adds `hasExample`: Leaf treats an empty string as true, so the page needs a Bool.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(required, forKey: .required)
        try container.encode(help, forKey: .help)
        try container.encode(example, forKey: .example)
        try container.encode(!example.isEmpty, forKey: .hasExample)
    }
}

/// What a commissioner can bulk-import. Each kind owns its template (columns and an
/// example row) so the page, the downloadable files and the validator cannot disagree.
enum ImportKind: String, CaseIterable, Sendable {
    case routes, schools, calendars

    var title: String {
        switch self {
        case .routes: "Routes"
        case .schools: "Schools"
        case .calendars: "Term calendars"
        }
    }

    var summary: String {
        switch self {
        case .routes:
            "Add routes or update them by code: local authority, schools served, path, chaperone points, children a day, status and daily cost."
        case .schools:
            "Add schools or update them by URN: name, local authority, area, phase and location."
        case .calendars:
            "Replace whole academic years of a term calendar: terms, half-terms and INSET days."
        }
    }

    /// How existing records are matched, said once on the page.
    var matching: String {
        switch self {
        case .routes:
            "A row whose code matches an existing route updates it; any other code adds a route. Optional cells left blank keep what Waymark already holds."
        case .schools:
            "A row whose URN matches an existing school updates it; any other URN adds a school. Optional cells left blank keep what Waymark already holds."
        case .calendars:
            "For each calendar and academic year in the file, the file's rows replace every term, half-term and INSET day Waymark holds for that year. Years not in the file are left alone. A calendar name Waymark does not know adds a calendar."
        }
    }

    var columns: [ImportColumn] {
        switch self {
        case .routes: RouteImport.columns
        case .schools: SchoolImport.columns
        case .calendars: CalendarImport.columns
        }
    }

    /// Rows of the template after the header: a worked example people overwrite.
    var exampleRows: [[String]] {
        switch self {
        case .routes: RouteImport.exampleRows
        case .schools: SchoolImport.exampleRows
        case .calendars: CalendarImport.exampleRows
        }
    }
}

/// What an import will do (when checking) or did (when applied), one line per record.
struct ImportOutcome: Encodable, Sendable, Equatable {
    enum Action: String, Encodable, Sendable { case add, update, unchanged }

    struct Line: Encodable, Sendable, Equatable {
        let row: Int
        let key: String
        let action: Action
        let detail: String
    }

    var lines: [Line] = []

    var added: Int { lines.filter { $0.action == .add }.count }
    var updated: Int { lines.filter { $0.action == .update }.count }
    var unchanged: Int { lines.filter { $0.action == .unchanged }.count }
    var changes: Int { added + updated }

    mutating func record(_ row: Int, _ key: String, _ action: Action, _ detail: String) {
        lines.append(Line(row: row, key: key, action: action, detail: detail))
    }
}

/// One kind of import: validate a whole table against the tenant's data into a plan,
/// then apply that plan inside the caller's transaction. `plan` returns either a plan or
/// every issue, never both, so nothing is written from a file with any error.
protocol TabularImporter {
    associatedtype Plan: Sendable
    static func plan(_ table: TabularTable, _ reference: ImportReference) -> Result<(Plan, ImportOutcome), ImportIssues>
    static func apply(_ plan: Plan, _ context: TenantContext) async throws
}

struct ImportIssues: Error, Sendable {
    let issues: [ImportIssue]
}

extension TabularImporter {
    /// Every required column the file lacks, as one file-level issue (nil when none).
    static func missingColumns(_ table: TabularTable, _ columns: [ImportColumn]) -> ImportIssues? {
        do { try table.requireColumns(columns.filter(\.required).map(\.name)) } catch let error as TabularError {
            return ImportIssues(issues: [.file(error.message)])
        } catch { return ImportIssues(issues: [.file("The file could not be read")]) }
        return nil
    }
}
