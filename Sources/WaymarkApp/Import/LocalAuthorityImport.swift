import Fluent
import Foundation
import WaymarkDomain

/// Bulk import of local authorities by GSS code, from the register Waymark ships: the
/// register gives the official name, so nobody types one. A row may also name the term
/// calendar the authority follows.
enum LocalAuthorityImport: TabularImporter {
    static let columns: [ImportColumn] = [
        .init(name: "gss_code", required: true, help: "The district's GSS code from the Office for National Statistics, such as E08000035 for Leeds. The register gives its official name.", example: "E08000035"),
        .init(name: "calendar", required: false, help: "Name of a term calendar Waymark already holds (import term dates first). Blank keeps the authority's calendar as it is.", example: ""),
    ]

    static var exampleRows: [[String]] { [columns.map(\.example)] }

    struct Change: Sendable {
        let existing: LocalAuthority?
        let registered: RegisteredAuthority
        let calendarID: UUID?
    }

    static func plan(_ table: TabularTable, _ reference: ImportReference) -> Result<([Change], ImportOutcome), ImportIssues> {
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        if table.rows.isEmpty { return .failure(ImportIssues(issues: [.file("The file has a header row but no local authorities")])) }
        var issues: [ImportIssue] = [], changes: [Change] = [], outcome = ImportOutcome()
        var firstRow: [String: Int] = [:]
        for row in table.rows {
            var reader = RowReader(row)
            var registered: RegisteredAuthority?
            if let code = reader.text("gss_code", required: true) {
                registered = LocalAuthorityRegister.authority(gssCode: code)
                if registered == nil {
                    reader.fail("gss_code", "'\(code)' is not in the register of local authority districts of England and Wales: check the code, such as E08000035")
                } else if let first = firstRow[registered!.gssCode] {
                    reader.fail("gss_code", "\(registered!.name) is also on row \(first): each local authority may appear once")
                    registered = nil
                } else { firstRow[registered!.gssCode] = row.number }
            }
            var calendar: TermCalendarRecord?
            if let name = reader.text("calendar", maxLength: 120) {
                calendar = reference.calendar(named: name)
                if calendar == nil { reader.fail("calendar", "There is no term calendar called '\(name)': import its term dates first") }
            }
            issues += reader.issues
            guard reader.issues.isEmpty, let registered else { continue }
            let existing = reference.authoritiesByKey[ImportReference.key(registered.gssCode)]
            let change = Change(existing: existing, registered: registered, calendarID: calendar?.id)
            changes.append(change)
            let action: ImportOutcome.Action = existing == nil ? .add
                : (calendar == nil || calendar?.id == existing?.calendarID ? .unchanged : .update)
            outcome.record(row.number, registered.gssCode, action, registered.name + (calendar.map { ", following \($0.name)" } ?? ""))
        }
        return issues.isEmpty ? .success((changes, outcome)) : .failure(ImportIssues(issues: issues))
    }

    static func apply(_ changes: [Change], _ context: TenantContext) async throws {
        for change in changes {
            if let existing = change.existing {
                guard let calendarID = change.calendarID, calendarID != existing.calendarID else { continue }
                let before = existing.calendarID?.uuidString ?? ""
                existing.calendarID = calendarID
                existing.version += 1
                try await existing.save(on: context.db)
                try await context.audit("local_authority.calendar_imported", "local_authority", existing.gssCode,
                                        before: ["calendar_id": before], after: ["calendar_id": calendarID.uuidString])
            } else {
                let authority = LocalAuthority(tenantID: context.tenantID, name: change.registered.name,
                                               gssCode: change.registered.gssCode, calendarID: change.calendarID)
                try await authority.create(on: context.db)
                try await context.audit("local_authority.imported", "local_authority", authority.gssCode,
                                        after: ["name": authority.name, "gss_code": authority.gssCode,
                                                "calendar_id": change.calendarID?.uuidString ?? ""])
            }
        }
    }
}
