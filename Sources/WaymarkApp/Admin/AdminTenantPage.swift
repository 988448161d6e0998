import Fluent
import Vapor
import WaymarkDomain

/// The view of one tenant in the operator console.
enum AdminTenantPage {
    struct Page: Encodable {
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        struct OrganisationLine: Encodable { let name: String; let kind: String; let members: Int }
        struct MemberLine: Encodable {
            let person: String; let email: String; let personHref: String; let organisation: String; let role: String
            let removeAction: String
        }
        let name: String
        let slug: String
        let tenantHref: String
        let organisations: [OrganisationLine]
        let members: [MemberLine]
        let kinds: [Option]
        let organisationOptions: [Option]
        let roles: [Option]
        let orgName: String
        let member: AdminTenantController.MemberForm
        let organisationAction: String
        let memberAction: String
        let invitationLink: InvitationShown?
        let invitations: [Waiting]
    }

    /// An invitation not yet accepted: the operator can send a new link.
    struct Waiting: Encodable { let name: String; let email: String; let organisation: String; let role: String; let status: String; let resendAction: String }

    /// The link of an invitation the operator has just made, shown once.
    struct InvitationShown: Encodable { let email: String; let organisation: String; let role: String; let link: String }

    static func render(_ req: Request, tenant: Tenant, organisationForm: AdminTenantController.OrganisationForm = .init(),
                       memberForm: AdminTenantController.MemberForm = .init(), invitationLink: InvitationShown? = nil,
                       errors: [FieldError] = [], status: HTTPStatus = .ok) async throws -> Response {
        let tenantID = tenant.id!
        let (organisations, memberships, people, invitations) = try await req.platformDB { db in
            let organisations = try await Organisation.query(on: db).filter(\.$tenantID == tenantID).sort(\.$name).all()
            let memberships = try await Membership.query(on: db).filter(\.$tenantID == tenantID).all()
            let people = try await Person.query(on: db).filter(\.$id ~~ Set(memberships.map(\.personID))).all()
            let invitations = try await Invitation.query(on: db).filter(\.$tenantID == tenantID)
                .filter(\.$acceptedAt == nil).filter(\.$cancelledAt == nil).sort(\.$createdAt).all()
            return (organisations, memberships, people, invitations)
        }
        let peopleByID = Dictionary(uniqueKeysWithValues: people.map { ($0.id!, $0) })
        let organisationNames = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id!, $0.name) })
        let members = memberships.compactMap { membership -> Page.MemberLine? in
            guard let person = peopleByID[membership.personID] else { return nil }
            return Page.MemberLine(
                person: person.name, email: person.email, personHref: SiteMap.Admin.person.path(person.id!.uuidString),
                organisation: organisationNames[membership.organisationID] ?? "", role: Role(rawValue: membership.role)?.label ?? membership.role,
                removeAction: SiteMap.Admin.membershipRemove.path(tenant.slug, membership.id!.uuidString))
        }.sorted { ($0.organisation, $0.person) < ($1.organisation, $1.person) }
        let page = Page(
            name: tenant.name, slug: tenant.slug, tenantHref: SiteMap.Tenant.home.path(tenant.slug),
            organisations: organisations.map { organisation in
                .init(name: organisation.name, kind: organisation.organisationKind.label,
                      members: memberships.filter { $0.organisationID == organisation.id }.count)
            },
            members: members,
            kinds: OrganisationKind.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == organisationForm.kind) },
            organisationOptions: organisations.map {
                .init(value: $0.id!.uuidString, label: $0.name, selected: $0.id!.uuidString == memberForm.organisation)
            },
            roles: Role.allCases.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == memberForm.role) },
            orgName: organisationForm.name ?? "", member: memberForm,
            organisationAction: SiteMap.Admin.tenantOrganisations.path(tenant.slug),
            memberAction: SiteMap.Admin.tenantMembers.path(tenant.slug), invitationLink: invitationLink,
            invitations: invitations.map { invitation in
                let expired = invitation.state(now: AppClock.shared.now()) == .expired
                return Waiting(name: invitation.name, email: invitation.email, organisation: organisationNames[invitation.organisationID] ?? "",
                               role: invitation.roleValue?.label ?? invitation.role,
                               status: (expired ? "Expired " : "Awaiting acceptance, until ") + London.format(invitation.expiresAt),
                               resendAction: SiteMap.Admin.invitationResend.path(tenant.slug, invitation.id!.uuidString))
            })
        return try await AdminPage.render(req, "tenant", title: tenant.name, page, errors: errors, status: status)
    }
}
