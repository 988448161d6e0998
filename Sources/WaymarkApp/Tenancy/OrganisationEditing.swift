import Fluent
import Vapor
import WaymarkDomain

/// Commissioners add and change the organisations of their tenant, and retire those the
/// partnership no longer works with. The form carries the version it was opened at.
enum OrganisationEditing {
    struct Form: Content {
        var name: String?
        var kind: String?
        var local_authority: String?
        var gss_code: String?
        var charity_number: String?
        var company_number: String?
        var urn: String?
        var ukprn: String?
        var version: String?
    }

    struct Values: Encodable, Sendable {
        var name = "", kind = "", localAuthority = "", gssCode = "", charityNumber = "", companyNumber = "", urn = "", ukprn = ""
        var version = ""

        init() {}

        init(_ form: Form) {
            name = form.name ?? ""; kind = form.kind ?? ""; localAuthority = form.local_authority ?? ""
            gssCode = form.gss_code ?? ""; charityNumber = form.charity_number ?? ""; companyNumber = form.company_number ?? ""
            urn = form.urn ?? ""; ukprn = form.ukprn ?? ""; version = form.version ?? ""
        }

        init(_ organisation: Organisation, authorityCode: String?) {
            name = organisation.name; kind = organisation.kind; localAuthority = authorityCode ?? ""
            gssCode = organisation.gssCode ?? ""; charityNumber = organisation.charityNumber ?? ""
            companyNumber = organisation.companyNumber ?? ""; urn = organisation.urn ?? ""; ukprn = organisation.ukprn ?? ""
            version = String(organisation.version)
        }
    }

    /// What the form describes once every check passes.
    struct Checked: Sendable {
        let name: String
        let kind: OrganisationKind
        let authorityID: UUID?
        let identifiers: OrganisationIdentifiers
    }

    /// The audited shape of an organisation.
    struct Snapshot: Encodable, Equatable {
        let name: String; let kind: String; let local_authority_id: UUID?; let gss_code: String?; let charity_number: String?
        let company_number: String?; let urn: String?; let ukprn: String?; let retired_on: String?

        init(_ o: Organisation) {
            name = o.name; kind = o.kind; local_authority_id = o.localAuthorityID; gss_code = o.gssCode
            charity_number = o.charityNumber; company_number = o.companyNumber; urn = o.urn; ukprn = o.ukprn; retired_on = o.retiredOn
        }
    }

    /// Every problem with the values at once, against the tenant's other organisations
    /// (`others`: all but the one being edited) and local authorities.
    static func check(_ values: Values, others: [Organisation], authorities: [LocalAuthority]) -> (Checked?, [FieldError]) {
        var errors: [FieldError] = []
        let name = values.name.trimmed
        if name.isEmpty || name.count > 160 {
            errors.append(.init(field: "name", message: "Enter the organisation's name (160 characters at most)"))
        } else if others.contains(where: { ImportReference.key($0.name) == ImportReference.key(name) }) {
            errors.append(.init(field: "name", message: "Another organisation is already called \(name): organisations need different names"))
        }
        let kind = OrganisationKind(rawValue: values.kind)
        if kind == nil { errors.append(.init(field: "kind", message: "Choose what kind of organisation it is")) }
        var authorityID: UUID?
        if !values.localAuthority.trimmed.isEmpty {
            authorityID = authorities.first { $0.gssCode == values.localAuthority.trimmed }?.id
            if authorityID == nil {
                errors.append(.init(field: "local_authority", message: "Choose one of this partnership's local authorities, or none"))
            }
        }
        let (identifiers, problems) = OrganisationIdentifiers.check(
            gssCode: values.gssCode, charityNumber: values.charityNumber, companyNumber: values.companyNumber,
            urn: values.urn, ukprn: values.ukprn)
        errors += problems.map { FieldError(field: $0.field.rawValue, message: $0.message) }
        errors += duplicates(identifiers, others: others)
        guard errors.isEmpty, let kind else { return (nil, errors) }
        return (Checked(name: name, kind: kind, authorityID: authorityID, identifiers: identifiers), [])
    }

    /// Two organisations of one tenant with the same public identifier are one organisation
    /// typed twice: say which already has it.
    private static func duplicates(_ ids: OrganisationIdentifiers, others: [Organisation]) -> [FieldError] {
        let pairs: [(OrganisationIdentifiers.Field, String?, KeyPath<Organisation, String?>, String)] = [
            (.gssCode, ids.gssCode, \.gssCode, "GSS code"), (.charityNumber, ids.charityNumber, \.charityNumber, "charity number"),
            (.companyNumber, ids.companyNumber, \.companyNumber, "company number"), (.urn, ids.urn, \.urn, "URN"),
            (.ukprn, ids.ukprn, \.ukprn, "UKPRN"),
        ]
        return pairs.compactMap { field, value, path, label in
            guard let value, let holder = others.first(where: { $0[keyPath: path] == value }) else { return nil }
            return FieldError(field: field.rawValue, message: "\(holder.name) already has the \(label) \(value)")
        }
    }

    static func apply(_ checked: Checked, to organisation: Organisation) {
        organisation.name = checked.name
        organisation.kind = checked.kind.rawValue
        organisation.localAuthorityID = checked.authorityID
        organisation.identifiers = checked.identifiers
    }
}
