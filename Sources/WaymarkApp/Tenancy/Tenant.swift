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
        self.version = 1
    }

    /// Slugs appear in every tenant URL: lower-case letters, digits and single hyphens.
    static func isValidSlug(_ slug: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        return (2...40).contains(slug.count) && slug.allSatisfy(allowed.contains)
            && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--")
    }
}
