/// How a contract was let. Waymark makes a contract from an award it ran itself; a partnership
/// moving in also has contracts let before Waymark or outside it, which are recorded with how
/// they were let so nobody mistakes a direct award for a competed one.
public enum ContractLetting: String, CaseIterable, Codable, Hashable, Sendable {
    /// Made from an award won inside Waymark.
    case awardedInWaymark = "awarded_in_waymark"
    case openTender = "open_tender"
    case directAward = "direct_award"
    case grantAgreement = "grant_agreement"
    case frameworkCallOff = "framework_call_off"
    case other

    public var label: String {
        switch self {
        case .awardedInWaymark: "Awarded in Waymark"
        case .openTender: "Open tender outside Waymark"
        case .directAward: "Direct award"
        case .grantAgreement: "Grant agreement"
        case .frameworkCallOff: "Framework call-off"
        case .other: "Other"
        }
    }

    /// What a commissioner may choose when recording an existing contract: "awarded in
    /// Waymark" is only ever true of a contract made from a Waymark award.
    public static var recordable: [ContractLetting] { allCases.filter { $0 != .awardedInWaymark } }
}
