import Fluent
import Foundation

/// Slows password guessing. Attempts are kept in the database, so the limit holds
/// across app instances. Limits: 5 failures for one email, or 20 from one address,
/// within 15 minutes.
enum SignInThrottle {
    static let window: TimeInterval = 15 * 60
    static let perEmail = 5
    static let perAddress = 20

    /// Minutes until another attempt is allowed, or nil when one is allowed now.
    static func minutesLocked(email: String, ipAddress: String, on db: any Database, now: Date = SecurityClock.now()) async throws -> Int? {
        let since = now.addingTimeInterval(-window)
        let byEmail = try await SignInAttempt.query(on: db)
            .filter(\.$email == email).filter(\.$succeeded == false).filter(\.$attemptedAt > since)
            .sort(\.$attemptedAt).all()
        let byAddress = try await SignInAttempt.query(on: db)
            .filter(\.$ipAddress == ipAddress).filter(\.$succeeded == false).filter(\.$attemptedAt > since)
            .sort(\.$attemptedAt).all()
        // Locked until the oldest failure that keeps the count at the limit leaves the window.
        var unlockAt: Date?
        if byEmail.count >= perEmail { unlockAt = byEmail[byEmail.count - perEmail].attemptedAt.addingTimeInterval(window) }
        if byAddress.count >= perAddress {
            let addressUnlock = byAddress[byAddress.count - perAddress].attemptedAt.addingTimeInterval(window)
            unlockAt = max(unlockAt ?? addressUnlock, addressUnlock)
        }
        guard let unlockAt, unlockAt > now else { return nil }
        return max(1, Int((unlockAt.timeIntervalSince(now) / 60).rounded(.up)))
    }

    static func record(email: String, ipAddress: String, succeeded: Bool, on db: any Database) async throws {
        let attempt = SignInAttempt()
        attempt.email = email
        attempt.ipAddress = ipAddress
        attempt.succeeded = succeeded
        attempt.attemptedAt = SecurityClock.now()
        try await attempt.create(on: db)
    }
}

final class SignInAttempt: Model, @unchecked Sendable {
    static let schema = "sign_in_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "ip_address") var ipAddress: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}
}
