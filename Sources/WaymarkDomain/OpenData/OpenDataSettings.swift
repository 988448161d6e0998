import Foundation

/// What a tenant says about itself for its open data: its org-id, its 360Giving prefix, its
/// OCDS prefix and the size from which each payment is listed. Each may be left blank until
/// the tenant has one, except the threshold, which has a default.
public struct OpenDataSettings: Hashable, Sendable {
    public var orgID: String?
    /// After `360G-`: letters, digits and hyphens, as the publisher registered it with 360Giving.
    public var grantPrefix: String?
    /// `ocds-` and six letters or digits, as registered with the Open Contracting Partnership.
    public var ocdsPrefix: String?
    public var paymentThreshold: Money

    public enum Field: String, Sendable { case orgID = "org_id", grantPrefix = "grant_prefix", ocdsPrefix = "ocds_prefix", paymentThreshold = "payment_threshold" }

    public struct Problem: Hashable, Sendable {
        public let field: Field
        public let message: String
    }

    /// The typed values made canonical, or every problem at once.
    public struct Problems: Error, Hashable, Sendable { public let all: [Problem] }

    public static func check(orgID: String, grantPrefix: String, ocdsPrefix: String, paymentThreshold: String)
        -> Result<OpenDataSettings, Problems> {
        var problems: [Problem] = []
        func blankAsNil(_ text: String) -> String? {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return value.isEmpty ? nil : value
        }
        let org = blankAsNil(orgID)?.uppercased()
        if let org, let problem = OrgID.problem(org) { problems.append(Problem(field: .orgID, message: problem)) }
        var grant = blankAsNil(grantPrefix)
        if let value = grant, value.uppercased().hasPrefix("360G-") { grant = String(value.dropFirst(5)) }
        if let grant, !(1...40).contains(grant.count) || !grant.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            || grant.hasPrefix("-") || grant.hasSuffix("-") {
            problems.append(Problem(field: .grantPrefix, message:
                "Enter the 360Giving prefix as letters, digits and hyphens, up to 40, like GB-CHC-1123456 or wmvrp (360G- is added)"))
        }
        let ocds = blankAsNil(ocdsPrefix)?.lowercased()
        if let ocds, !(ocds.count == 11 && ocds.hasPrefix("ocds-") && ocds.dropFirst(5).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })) {
            problems.append(Problem(field: .ocdsPrefix, message: "Enter the OCDS prefix as ocds- and six letters or digits, like ocds-b5fd17"))
        }
        let threshold = Money(parsing: paymentThreshold.trimmingCharacters(in: .whitespaces))
        if threshold == nil || threshold!.isNegative || threshold! > Money(pence: 100_000_000) {
            problems.append(Problem(field: .paymentThreshold, message: "Enter the payment size in pounds from £0 to £1,000,000, like 500"))
        }
        guard problems.isEmpty, let threshold else { return .failure(Problems(all: problems)) }
        return .success(OpenDataSettings(orgID: org, grantPrefix: grant, ocdsPrefix: ocds, paymentThreshold: threshold))
    }
}
