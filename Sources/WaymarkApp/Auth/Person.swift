import Fluent
import Foundation
import WaymarkDomain

/// A person can belong to several organisations in several tenants, so people are
/// platform-wide and memberships carry the tenant.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_operator") var isOperator: Bool
    @Field(key: "version") var version: Int
    @OptionalField(key: "password_changed_at") var passwordChangedAt: Date?
    /// Signed in with a one-time password: every page waits until they choose their own (M017).
    @Field(key: "must_change_password") var mustChangePassword: Bool
    /// When an operator's one-time password stops working; nil when there is none.
    @OptionalField(key: "one_time_password_expires_at") var oneTimePasswordExpiresAt: Date?
    /// The notice kinds they want no email for, comma-separated (M019).
    @Field(key: "email_off_kinds") var emailOffKinds: String
    /// One weekly email listing the week's notices instead of one email each (M019).
    @Field(key: "weekly_digest") var weeklyDigest: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(id: UUID? = nil, name: String, email: String, passwordHash: String, isOperator: Bool = false) {
        self.id = id
        self.name = name
        self.email = Person.normalise(email: email)
        self.passwordHash = passwordHash
        self.isOperator = isOperator
        self.mustChangePassword = false
        self.emailOffKinds = ""
        self.weeklyDigest = false
        self.version = 1
    }

    /// What they chose to receive by email (`NoticePreferences`); unknown kinds are ignored.
    var noticePreferences: NoticePreferences {
        get {
            NoticePreferences(emailOff: Set(emailOffKinds.split(separator: ",").compactMap { NoticeKind(rawValue: String($0)) }),
                              weeklyDigest: weeklyDigest)
        }
        set {
            emailOffKinds = newValue.emailOff.map(\.rawValue).sorted().joined(separator: ",")
            weeklyDigest = newValue.weeklyDigest
        }
    }

    static func normalise(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// A deliberately loose check: one @, something either side, a dot in the domain.
    static func looksLikeEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: \.isWhitespace) else { return false }
        return email.count <= 254
    }
}
