import Foundation

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
    /// What the plan checks the file against: most kinds share `ImportReference`.
    associatedtype Reference = ImportReference
    static func reference(_ context: TenantContext) async throws -> Reference
    static func plan(_ table: TabularTable, _ reference: Reference) -> Result<(Plan, ImportOutcome), ImportIssues>
    static func apply(_ plan: Plan, _ context: TenantContext) async throws
}

extension TabularImporter where Reference == ImportReference {
    static func reference(_ context: TenantContext) async throws -> ImportReference { try await ImportReference.load(context) }
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
