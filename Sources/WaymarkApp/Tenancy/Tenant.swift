import Fluent
import Foundation
import WaymarkDomain

final class Tenant: Model, @unchecked Sendable {
    static let schema = "tenants"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "at_risk_window_days") var atRiskWindowDays: Int
    @Field(key: "watch_window_days") var watchWindowDays: Int
    /// Monthly returns fall due on this working day after the month ends.
    @Field(key: "return_due_working_day") var returnDueWorkingDay: Int
    @Field(key: "version") var version: Int
    /// The tenant's org-id (org-id.guide), named as the funder and buyer in its open data.
    @OptionalField(key: "org_id") var orgID: String?
    /// Its 360Giving prefix: grant ids are `360G-{prefix}-{reference}`.
    @OptionalField(key: "grant_prefix") var grantPrefix: String?
    /// Its OCDS prefix as registered with the Open Contracting Partnership, like `ocds-b5fd17`.
    @OptionalField(key: "ocds_prefix") var ocdsPrefix: String?
    /// Each payment at or above this is listed one by one on the public site (stored with a
    /// default, so optional here only for rows made before it was read back).
    @OptionalField(key: "payment_threshold_pence") var paymentThresholdPence: Int64?

    var paymentThreshold: Money { paymentThresholdPence.map(Money.init(pence:)) ?? PublicationRule.defaultPaymentThreshold }
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, slug: String, name: String) {
        self.id = id
        self.slug = slug
        self.name = name
        self.atRiskWindowDays = 90
        self.watchWindowDays = 180
        self.returnDueWorkingDay = ReturnDeadlines.defaultWorkingDay
        self.paymentThresholdPence = PublicationRule.defaultPaymentThreshold.pence
        self.version = 1
    }

    /// Slugs appear in every tenant URL: lower-case letters, digits and single hyphens.
    static func isValidSlug(_ slug: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        return (2...40).contains(slug.count) && slug.allSatisfy(allowed.contains)
            && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--")
    }
}
