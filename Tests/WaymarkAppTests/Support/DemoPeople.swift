@testable import WaymarkApp

/// Demo people by role, for tests that act as each role.
enum DemoPeople {
    static let commissioner = "amara.okafor@wmvrp.example"
    static let finance = "gareth.pryce@wmvrp.example"
    static let assessor = "priya.raman@wmvrp.example"
    static let birminghamPartner = "hamza.rashid@birminghamcc.example"
    static let policePartner = "rebecca.lloyd@wmpolice.example"
    static let provider = "chloe.adebayo@lanternway.example"
    static let viewer = "helen.zhao@halcyonfield.example"
    static let operatorEmail = DemoSeeder.operatorEmail
    static let northmoorCommissioner = "bethany.ashworth@northmoorvru.example"

    /// One West Midlands person holding exactly each role.
    static let byRole: [(role: String, email: String)] = [
        ("commissioner", commissioner), ("finance", finance), ("partner", birminghamPartner),
        ("provider", provider), ("assessor", assessor), ("viewer", viewer),
    ]
}
