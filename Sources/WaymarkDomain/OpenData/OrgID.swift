import Foundation

/// Organisation identifiers in the org-id.guide form (`GB-CHC-1123456`) that 360Giving and
/// OCDS publish for every organisation: which to use for an organisation, and whether one a
/// tenant typed is well made.
public enum OrgID {
    /// The org-id.guide lists UK publishers use; an identifier under any other prefix is not one
    /// the 360Giving checks recognise. (GB-LAE and GB-PLA come from the local authority register.)
    public static let registeredPrefixes: Set<String> = [
        "GB-CHC", "GB-SC", "GB-NIC", "GB-COH", "GB-EDU", "GB-LAE", "GB-PLA", "GB-LAS", "GB-UKPRN",
        "GB-GOR", "GB-GOVUK", "GB-NHS", "GB-MPR", "GB-REV", "GB-SHPE", "GB-UKLA", "XI-ROR", "XI-GRID",
    ]

    /// The identifier that says who an organisation is, from the numbers it carries, best first:
    /// a charity's number, then its company's, a school's URN, a council's register entry, a
    /// learning provider's UKPRN. Nil when it carries none of them.
    public static func of(_ identifiers: OrganisationIdentifiers, councilOrgID: String? = nil) -> String? {
        if let charity = identifiers.charityNumber {
            if charity.hasPrefix("SC") { return "GB-SC-\(charity)" }
            if charity.hasPrefix("NIC") { return "GB-NIC-\(charity.dropFirst(3))" }
            return "GB-CHC-\(charity)"
        }
        if let company = identifiers.companyNumber { return "GB-COH-\(company)" }
        if let urn = identifiers.urn { return "GB-EDU-\(urn)" }
        if let councilOrgID { return councilOrgID }
        if let ukprn = identifiers.ukprn { return "GB-UKPRN-\(ukprn)" }
        return nil
    }

    /// What is wrong with an identifier a tenant gives for itself or an organisation, or nil:
    /// a registered prefix and, for charities and companies, a number of the right shape.
    public static func problem(_ id: String) -> String? {
        let parts = id.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3, !parts[2].isEmpty, registeredPrefixes.contains("\(parts[0])-\(parts[1])") else {
            return "'\(id)' is not an org-id: a prefix from org-id.guide, such as GB-CHC, GB-COH or GB-LAE, then the number, like GB-CHC-1123456"
        }
        let number = parts[2]
        let digits = number.allSatisfy { $0.isASCII && $0.isNumber }
        switch "\(parts[0])-\(parts[1])" {
        case "GB-CHC" where !(digits && (6...7).contains(number.count)):
            return "'\(id)' is not a charity org-id: GB-CHC- then 6 or 7 digits"
        case "GB-COH" where number.count != 8:
            return "'\(id)' is not a company org-id: GB-COH- then 8 characters, like GB-COH-04567890"
        default:
            return nil
        }
    }
}
