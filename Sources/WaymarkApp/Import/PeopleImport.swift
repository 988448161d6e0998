import Fluent
import Foundation
import WaymarkDomain

/// Bulk invitations: each row invites one person to one organisation with one role,
/// exactly as the organisation page's form does. Nobody gets an account or a password
/// from the file; each gets an email with their own link.
enum PeopleImport: TabularImporter {
    static let columns: [ImportColumn] = [
        .init(name: "name", required: true, help: "The person's full name, as your organisation knows them: the name Waymark shows you for them.", example: "Sam Okoro"),
        .init(name: "email", required: true, help: "Where the invitation goes. Someone who already uses Waymark keeps their password.", example: "sam.okoro@coventrycc.example"),
        .init(name: "organisation", required: true, help: "The organisation's name, as on the Organisations page.", example: "Coventry City Council"),
        .init(name: "role", required: true, help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).", example: "partner"),
    ]

    static var exampleRows: [[String]] { [columns.map(\.example)] }

    struct Invite: Sendable {
        let invitee: Invitations.Invitee
        let organisation: Organisation
    }

    /// This tenant's organisations by name, and who already holds or is already invited
    /// to which role, as "email|organisation id|role". Only this tenant's rows.
    struct Reference: Sendable {
        let organisations: [String: Organisation]
        let held: Set<String>
        let invited: Set<String>

        static func key(_ email: String, _ organisationID: UUID, _ role: Role) -> String {
            "\(email)|\(organisationID.uuidString)|\(role.rawValue)"
        }
    }

    static func reference(_ context: TenantContext) async throws -> Reference {
        let organisations = try await context.query(Organisation.self).all()
        let memberships = try await context.query(Membership.self).all()
        let emails = Dictionary(uniqueKeysWithValues: try await Person.query(on: context.db)
            .filter(\.$id ~~ Set(memberships.map(\.personID))).all().map { ($0.id!, $0.email) })
        let held = memberships.compactMap { m in
            emails[m.personID].flatMap { email in Role(rawValue: m.role).map { Reference.key(email, m.organisationID, $0) } }
        }
        let now = AppClock.shared.now()
        let invited = try await context.query(Invitation.self).filter(\.$acceptedAt == nil).filter(\.$cancelledAt == nil).all()
            .filter { $0.state(now: now) == .pending }
            .compactMap { i in i.roleValue.map { Reference.key(i.email, i.organisationID, $0) } }
        return Reference(organisations: Dictionary(organisations.map { (ImportReference.key($0.name), $0) }, uniquingKeysWith: { first, _ in first }),
                         held: Set(held), invited: Set(invited))
    }

    static func plan(_ table: TabularTable, _ reference: Reference) -> Result<([Invite], ImportOutcome), ImportIssues> {
        if let missing = missingColumns(table, columns) { return .failure(missing) }
        var issues: [ImportIssue] = []
        var invites: [Invite] = []
        var outcome = ImportOutcome()
        var firstRow: [String: Int] = [:]
        for row in table.rows {
            var reader = RowReader(row)
            let name = reader.text("name", required: true, maxLength: 160)
            let email = reader.text("email", required: true, maxLength: 254).map(Person.normalise(email:))
            if let email, !Person.looksLikeEmail(email) {
                reader.fail("email", "'\(email)' is not an email address: it should look like name@example.org")
            }
            let organisationName = reader.text("organisation", required: true, maxLength: 160)
            let organisation = organisationName.flatMap { reference.organisations[ImportReference.key($0)] }
            if let organisationName, organisation == nil {
                reader.fail("organisation", "'\(organisationName)' is not one of this tenant's organisations: use the name as on the Organisations page")
            }
            let role = reader.choice("role", Role.self, required: true)
            if reader.issues.isEmpty, let email, let organisation, let role {
                let key = Reference.key(email, organisation.id!, role)
                if reference.held.contains(key) {
                    reader.fail("email", "\(email) already has the \(role.rawValue) role in \(organisation.name)")
                } else if reference.invited.contains(key) {
                    reader.fail("email", "\(email) is already invited as \(role.rawValue) in \(organisation.name): resend that invitation from the People page")
                } else if let first = firstRow[key] {
                    reader.fail("email", "Row \(first) already invites \(email) as \(role.rawValue) in \(organisation.name)")
                } else { firstRow[key] = row.number }
            }
            issues += reader.issues
            guard reader.issues.isEmpty, let name, let email, let organisation, let role else { continue }
            invites.append(Invite(invitee: .init(name: name, email: email, role: role), organisation: organisation))
            outcome.record(row.number, email, .add, "\(name): \(role.label.lowercased()) in \(organisation.name)")
        }
        if table.rows.isEmpty { issues.append(.file("The file has a header row but no people")) }
        return issues.isEmpty ? .success((invites, outcome)) : .failure(ImportIssues(issues: issues))
    }

    static func apply(_ invites: [Invite], _ context: TenantContext) async throws {
        // Set by the import controller; without it no link could be made.
        guard let links = InvitationLinks.current else { throw WaymarkError.badRequest("Invitations cannot be sent from here") }
        for invite in invites {
            try await Invitations.create(invite.invitee, organisation: invite.organisation, tenant: context.tenant,
                                         actor: context.actor, links: links, on: context.db)
        }
    }
}
