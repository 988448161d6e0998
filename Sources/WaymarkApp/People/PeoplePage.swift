import Fluent
import Vapor
import WaymarkDomain

/// The people page: each person in the tenant with every role they hold, a form to
/// grant another, and the invitations still waiting.
enum PeoplePage {
    struct Page: Encodable {
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        struct Holding: Encodable { let organisation: String; let role: String; let removeAction: String; let buttonID: String; let error: String? }
        struct Person: Encodable {
            let name: String; let email: String; let headingID: String; let holdings: [Holding]
            let grantAction: String; let organisationField: String; let roleField: String
            let organisations: [Option]; let roles: [Option]
            let organisationError: String?; let roleError: String?
        }
        let people: [Person]
        let invitations: [TenantPeople.Waiting]
        let organisationsHref: String
        let importHref: String
    }

    static func render(_ req: Request, _ context: TenantContext, grantForm: (UUID, PeopleController.GrantForm)? = nil,
                       errors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug
        let memberships = try await context.query(Membership.self).all()
        let known = try await TenantPeople.known(memberships.map(\.personID), context)
        let organisations = try await context.query(Organisation.self).sort(\.$name).all()
        let organisationNames = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id!, $0.name) })
        // Field names carry the person or membership, so each error sits beside its own form.
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let people = Dictionary(grouping: memberships, by: \.personID).compactMap { personID, held -> Page.Person? in
            guard let person = known[personID] else { return nil }
            let form = grantForm.flatMap { $0.0 == personID ? $0.1 : nil }
            let holdings = held.map { membership in
                Page.Holding(organisation: organisationNames[membership.organisationID] ?? "",
                             role: Role(rawValue: membership.role)?.label ?? membership.role,
                             removeAction: SiteMap.Tenant.membershipRemove.path(slug, membership.id!.uuidString),
                             buttonID: "membership-\(membership.id!.uuidString)",
                             error: errorFor["membership-\(membership.id!.uuidString)"])
            }.sorted { ($0.organisation, $0.role) < ($1.organisation, $1.role) }
            return Page.Person(
                name: person.name, email: person.email, headingID: "person-\(personID.uuidString)", holdings: holdings,
                grantAction: SiteMap.Tenant.personRoles.path(slug, personID.uuidString),
                organisationField: "organisation-\(personID.uuidString)", roleField: "role-\(personID.uuidString)",
                organisations: organisations.map { .init(value: $0.id!.uuidString, label: $0.name, selected: $0.id!.uuidString == form?.organisation) },
                roles: Role.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form?.role) },
                organisationError: errorFor["organisation-\(personID.uuidString)"], roleError: errorFor["role-\(personID.uuidString)"])
        }.sorted { ($0.name, $0.email) < ($1.name, $1.email) }
        return try await PageRenderer.render(req, "people/list", title: "People", Page(
            people: people, invitations: try await TenantPeople.waiting(context),
            organisationsHref: SiteMap.Tenant.organisations.path(slug),
            importHref: SiteMap.Tenant.importKind.path(slug, ImportKind.people.rawValue)),
            errors: errors, status: status)
    }
}
