import Fluent
import Foundation
import WaymarkDomain

/// Bulk import of organisations, matched by name: the same checks as the organisation
/// form (`OrganisationEditing.check`), row by row, with earlier rows of the file counted
/// as the tenant's so two rows cannot make one organisation twice.
enum OrganisationImport: TabularImporter {
    static let columns: [ImportColumn] = [
        .init(name: "name", required: true, help: "The organisation's name. A name Waymark already holds updates that organisation.", example: "Leeds Youth Partnership CIO"),
        .init(name: "kind", required: false, help: "One of: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")). Required for a new organisation.", example: "provider"),
        .init(name: "local_authority", required: false, help: "GSS code or name of one of this tenant's local authorities, for a council or school whose partners see only that authority's routes.", example: ""),
        .init(name: "gss_code", required: false, help: "A council's GSS code: a letter and eight digits.", example: ""),
        .init(name: "charity_number", required: false, help: "6 or 7 digits in England and Wales; SC and 6 digits in Scotland; NIC and 6 digits in Northern Ireland.", example: "1187654"),
        .init(name: "company_number", required: false, help: "8 digits, or two letters and 6 digits (SC123456).", example: "11223344"),
        .init(name: "urn", required: false, help: "A school's unique reference number, 5 to 7 digits.", example: ""),
        .init(name: "ukprn", required: false, help: "A learning provider's UK provider reference number: 8 digits starting with 1.", example: ""),
    ]

    static var exampleRows: [[String]] { [columns.map(\.example)] }

    struct Change: Sendable {
        let existing: Organisation?
        let checked: OrganisationEditing.Checked
    }

    /// What the plan checks against: the tenant's organisations and local authorities.
    struct Reference: Sendable {
        let organisations: [Organisation]
        let authorities: [LocalAuthority]
    }

    static func reference(_ context: TenantContext) async throws -> Reference {
        Reference(organisations: try await context.query(Organisation.self).all(),
                  authorities: try await context.query(LocalAuthority.self).all())
    }

    static func plan(_ table: TabularTable, _ reference: Reference) -> Result<([Change], ImportOutcome), ImportIssues> {
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        if table.rows.isEmpty { return .failure(ImportIssues(issues: [.file("The file has a header row but no organisations")])) }
        var issues: [ImportIssue] = [], changes: [Change] = [], outcome = ImportOutcome()
        // What the tenant will hold once earlier rows land: stand-ins for new ones.
        var known = reference.organisations
        var rowOfName: [String: Int] = [:]
        for row in table.rows {
            let name = row.value("name") ?? ""
            let key = ImportReference.key(name)
            let existing = reference.organisations.first { ImportReference.key($0.name) == key }
            if !key.isEmpty, let first = rowOfName[key] {
                issues.append(ImportIssue(row: row.number, column: "name", message: "\(name) is also on row \(first): each organisation may appear once"))
                continue
            }
            rowOfName[key] = row.number
            var values = existing.map { OrganisationEditing.Values($0, authorityCode: code(of: $0.localAuthorityID, reference)) }
                ?? OrganisationEditing.Values()
            values.name = name
            // Blank optional cells keep what Waymark holds; a typed one replaces it.
            if let kind = row.value("kind") { values.kind = TabularHeader.normalise(kind) }
            if let raw = row.value("local_authority") {
                values.localAuthority = reference.authorities.first {
                    ImportReference.key($0.gssCode) == ImportReference.key(raw) || ImportReference.key($0.name) == ImportReference.key(raw)
                }?.gssCode ?? raw
            }
            for (column, path) in [("gss_code", \OrganisationEditing.Values.gssCode), ("charity_number", \.charityNumber),
                                   ("company_number", \.companyNumber), ("urn", \.urn), ("ukprn", \.ukprn)] {
                if let value = row.value(column) { values[keyPath: path] = value }
            }
            // Stand-ins for new organisations have no id yet: only an existing one is left out.
            let others = existing.map { match in known.filter { $0.id != match.id } } ?? known
            let (checked, errors) = OrganisationEditing.check(values, others: others, authorities: reference.authorities)
            issues += errors.map { ImportIssue(row: row.number, column: $0.field, message: message(of: $0, row.value("kind"))) }
            guard let checked else { continue }
            changes.append(Change(existing: existing, checked: checked))
            if existing == nil {
                known.append(Organisation(tenantID: UUID(), name: checked.name, kind: checked.kind))
                known.last!.identifiers = checked.identifiers
            }
            outcome.record(row.number, checked.name, action(existing, checked), checked.kind.label)
        }
        return issues.isEmpty ? .success((changes, outcome)) : .failure(ImportIssues(issues: issues))
    }

    private static func code(of id: UUID?, _ reference: Reference) -> String? {
        reference.authorities.first { $0.id == id }?.gssCode
    }

    private static func message(of error: FieldError, _ typedKind: String?) -> String {
        guard error.field == "kind" else { return error.message }
        if let typedKind { return "'\(typedKind)' is not one of: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))" }
        return "Enter the kind of a new organisation: one of \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", "))"
    }

    private static func action(_ existing: Organisation?, _ checked: OrganisationEditing.Checked) -> ImportOutcome.Action {
        guard let existing else { return .add }
        let same = existing.name == checked.name && existing.organisationKind == checked.kind
            && existing.localAuthorityID == checked.authorityID && existing.identifiers == checked.identifiers
        return same ? .unchanged : .update
    }

    static func apply(_ changes: [Change], _ context: TenantContext) async throws {
        for change in changes {
            let organisation = change.existing ?? Organisation(tenantID: context.tenantID, name: change.checked.name, kind: change.checked.kind)
            let before = change.existing.map(OrganisationEditing.Snapshot.init)
            OrganisationEditing.apply(change.checked, to: organisation)
            let after = OrganisationEditing.Snapshot(organisation)
            if before == after { continue }
            if before != nil { organisation.version += 1 }
            try await organisation.save(on: context.db)
            try await context.audit(before == nil ? "organisation.imported" : "organisation.updated_by_import", "organisation",
                                    organisation.id!.uuidString, before: before, after: after)
        }
    }
}
