import Foundation

/// Rules about who holds which role in a tenant, kept free of the database so they are
/// the same for the people page, the operator console and the tests.
public enum MembershipRules {
    /// One membership as the rules see it: a person holding a role through an organisation.
    public struct Holding: Sendable, Equatable {
        public let id: UUID
        public let personID: UUID
        public let role: Role
        public init(id: UUID, personID: UUID, role: Role) {
            self.id = id
            self.personID = personID
            self.role = role
        }
    }

    public static let lastCommissionerMessage =
        "This is the last commissioner of the tenant: grant someone else the commissioner role before removing this one, so that somebody can still manage people"

    /// Why removing `membershipID` must be refused, or nil when it may go. A tenant always
    /// keeps at least one person who is a commissioner, or nobody could invite or grant
    /// roles again without the operator. A person who is a commissioner through two
    /// organisations may lose one of them.
    public static func removalRefusal(_ membershipID: UUID, from holdings: [Holding]) -> String? {
        guard let removed = holdings.first(where: { $0.id == membershipID }), removed.role == .commissioner else { return nil }
        let remaining = holdings.filter { $0.id != membershipID && $0.role == .commissioner }
        return remaining.isEmpty ? lastCommissionerMessage : nil
    }
}

/// Where an invitation stands. The order of the checks matters: an accepted invitation
/// stays accepted after it would have expired, and a cancelled one never comes back.
public enum InvitationState: String, Sendable, Equatable {
    case pending, accepted, cancelled, expired

    /// Fourteen days: long enough to cover a holiday, short enough that a forgotten
    /// email in someone's inbox does not stay a way in for ever.
    public static let lifetime: TimeInterval = 14 * 24 * 60 * 60

    public static func of(acceptedAt: Date?, cancelledAt: Date?, expiresAt: Date, now: Date) -> InvitationState {
        if acceptedAt != nil { return .accepted }
        if cancelledAt != nil { return .cancelled }
        return now >= expiresAt ? .expired : .pending
    }
}

/// The password rules for a new password, wherever one is chosen (the account page,
/// accepting an invitation), each problem named by its field.
public enum PasswordRules {
    public static let minimumLength = 12

    public static func problems(new: String, confirm: String, newField: String = "new_password",
                                confirmField: String = "confirm_password") -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        if new.count < minimumLength {
            problems.append((newField, "Your new password must be at least \(minimumLength) characters long"))
        }
        if confirm != new { problems.append((confirmField, "The passwords do not match")) }
        return problems
    }
}
