import Fluent
import XCTVapor
@testable import WaymarkApp
@testable import WaymarkDomain

extension AppTestCase {
    static let newCommissioner = "ruth.ellis@leedsvru.example"

    /// An empty tenant with one commissioner, as the operator leaves it: what a partnership
    /// moving in starts from. Returns the commissioner signed in.
    func newTenant(slug: String = "west-yorkshire") async throws -> Browser {
        let hash = try await app.password.async.hash(Browser.demoPassword)
        try await platform { db in
            let actor = AuditActor.shell("test")
            let tenant = try await PlatformAdmin.createTenant(slug: slug, name: "West Yorkshire Violence Reduction Unit", actor: actor, on: db)
            let unit = Organisation(tenantID: tenant.id!, name: "West Yorkshire Violence Reduction Unit", kind: .commissioner)
            try await unit.create(on: db)
            let person = try await PlatformAdmin.createPerson(name: "Ruth Ellis", email: Self.newCommissioner, passwordHash: hash,
                                                              isOperator: false, actor: actor, on: db)
            _ = try await PlatformAdmin.addMembership(tenantID: tenant.id!, personID: person.id!, organisationID: unit.id!,
                                                      role: .commissioner, actor: actor, on: db)
        }
        return try await signedIn(Self.newCommissioner)
    }
}
