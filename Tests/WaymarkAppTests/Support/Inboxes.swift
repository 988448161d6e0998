import Fluent
import XCTVapor
@testable import WaymarkApp

extension AppTestCase {
    /// The headlines of a person's inbox (every tenant), oldest first, that contain `text`.
    func inbox(_ email: String, containing text: String = "") async throws -> [String] {
        try await platform { db in
            guard let person = try await Person.query(on: db).filter(\.$email == email).first() else { return [] }
            return try await InboxMessage.query(on: db).filter(\.$personID == person.id!).sort(\.$createdAt).all()
                .map(\.headline).filter { text.isEmpty || $0.contains(text) }
        }
    }

    /// The subjects of the emails written to `email`, oldest first, that contain `text`.
    func outbox(_ email: String, containing text: String = "") async throws -> [String] {
        try await platform { db in
            try await OutboxEmail.query(on: db).filter(\.$toAddress == email).sort(\.$createdAt).all()
                .map(\.subject).filter { text.isEmpty || $0.contains(text) }
        }
    }
}
