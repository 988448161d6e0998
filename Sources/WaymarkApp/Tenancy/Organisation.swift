import Fluent
import Foundation
import WaymarkDomain

final class Organisation: Model, TenantOwned, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "gss_code") var gssCode: String?
    @OptionalField(key: "charity_number") var charityNumber: String?
    @OptionalField(key: "company_number") var companyNumber: String?
    @OptionalField(key: "urn") var urn: String?
    @OptionalField(key: "ukprn") var ukprn: String?
    /// The day it stopped working with the tenant; nil while it is current.
    @OptionalField(key: "retired_on") var retiredOn: String?
    @OptionalField(key: "local_authority_id") var localAuthorityID: UUID?
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(tenantID: UUID, name: String, kind: OrganisationKind, localAuthorityID: UUID? = nil) {
        self.tenantID = tenantID
        self.name = name
        self.kind = kind.rawValue
        self.localAuthorityID = localAuthorityID
        self.version = 1
    }

    var organisationKind: OrganisationKind { OrganisationKind(rawValue: kind) ?? .other }

    /// Every public identifier it carries, in the order people look for them ("GSS code E08000025").
    var identifierLines: [String] {
        [gssCode.map { "GSS code \($0)" }, urn.map { "School URN \($0)" }, charityNumber.map { "Charity number \($0)" },
         companyNumber.map { "Company number \($0)" }, ukprn.map { "UKPRN \($0)" }].compactMap { $0 }
    }

    /// The one identifier a list shows: the first people recognise for its kind.
    var publicIdentifier: String? { identifierLines.first }

    var isRetired: Bool { retiredOn != nil }

    var identifiers: OrganisationIdentifiers {
        get {
            OrganisationIdentifiers(gssCode: gssCode, charityNumber: charityNumber, companyNumber: companyNumber, urn: urn, ukprn: ukprn)
        }
        set {
            gssCode = newValue.gssCode; charityNumber = newValue.charityNumber; companyNumber = newValue.companyNumber
            urn = newValue.urn; ukprn = newValue.ukprn
        }
    }
}

final class Membership: Model, TenantOwned, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "person_id") var personID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "role") var role: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(tenantID: UUID, personID: UUID, organisationID: UUID, role: Role) {
        self.tenantID = tenantID
        self.personID = personID
        self.organisationID = organisationID
        self.role = role.rawValue
    }
}
