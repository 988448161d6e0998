/// The public identifiers an organisation may carry, each checked for its shape (not that
/// it exists: Waymark has no live link to the registers). Shapes:
/// - GSS code: a letter and eight digits (E08000025).
/// - Charity number: England and Wales 6 or 7 digits (1123456); Scotland SC + 6 digits;
///   Northern Ireland NIC + 6 digits (the Charity Commission for NI's 100000 onwards).
/// - Company number: 8 characters, 8 digits or a 2-letter prefix (SC, NI, OC, SO, NC, R0…)
///   and 6 digits. People often drop leading zeros, so 1 to 8 digits are padded.
/// - School URN: 5 to 7 digits (Get Information about Schools: most are 6).
/// - UKPRN: 8 digits starting 1 (UK Register of Learning Providers).
public struct OrganisationIdentifiers: Hashable, Sendable, Codable {
    public var gssCode: String?
    public var charityNumber: String?
    public var companyNumber: String?
    public var urn: String?
    public var ukprn: String?

    public init(gssCode: String? = nil, charityNumber: String? = nil, companyNumber: String? = nil,
                urn: String? = nil, ukprn: String? = nil) {
        self.gssCode = gssCode
        self.charityNumber = charityNumber
        self.companyNumber = companyNumber
        self.urn = urn
        self.ukprn = ukprn
    }

    public enum Field: String, CaseIterable, Sendable {
        case gssCode = "gss_code", charityNumber = "charity_number", companyNumber = "company_number", urn, ukprn
    }

    public struct Problem: Hashable, Sendable {
        public let field: Field
        public let message: String
    }

    /// Typed values made canonical (trimmed, upper case, company numbers padded) and every
    /// problem at once. Blank means "none".
    public static func check(gssCode: String?, charityNumber: String?, companyNumber: String?, urn: String?,
                             ukprn: String?) -> (OrganisationIdentifiers, [Problem]) {
        var problems: [Problem] = []
        func clean(_ text: String?) -> String? {
            let value = (text ?? "").filter { !$0.isWhitespace }.uppercased()
            return value.isEmpty ? nil : value
        }
        func digits(_ text: Substring) -> Bool { !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }

        let gss = clean(gssCode)
        if let gss, !(gss.count == 9 && gss.first!.isLetter && gss.first!.isASCII && digits(gss.dropFirst())) {
            problems.append(.init(field: .gssCode, message: "'\(gss)' is not a GSS code: a letter and eight digits, like E08000025"))
        }
        let charity = clean(charityNumber)
        if let charity {
            let ok = (digits(charity[...]) && (6...7).contains(charity.count))
                || (charity.hasPrefix("SC") && charity.count == 8 && digits(charity.dropFirst(2)))
                || (charity.hasPrefix("NIC") && charity.count == 9 && digits(charity.dropFirst(3)))
            if !ok {
                problems.append(.init(field: .charityNumber, message:
                    "'\(charity)' is not a charity number: 6 or 7 digits like 1123456, or SC012345 in Scotland, NIC100123 in Northern Ireland"))
            }
        }
        var company = clean(companyNumber)
        if let raw = company {
            if digits(raw[...]) && raw.count <= 8 {
                company = String(repeating: "0", count: 8 - raw.count) + raw
            } else if !(raw.count == 8 && raw.prefix(2).allSatisfy { $0.isLetter && $0.isASCII } && digits(raw.dropFirst(2))) {
                problems.append(.init(field: .companyNumber, message:
                    "'\(raw)' is not a company number: 8 digits like 04567890, or two letters and six digits like SC123456"))
            }
        }
        let school = clean(urn)
        if let school, !isURN(school) {
            problems.append(.init(field: .urn, message: "'\(school)' is not a school URN: 5 to 7 digits, like 103956"))
        }
        let provider = clean(ukprn)
        if let provider, !(digits(provider[...]) && provider.count == 8 && provider.hasPrefix("1")) {
            problems.append(.init(field: .ukprn, message: "'\(provider)' is not a UKPRN: 8 digits starting with 1, like 10012345"))
        }
        return (OrganisationIdentifiers(gssCode: gss, charityNumber: charity, companyNumber: company, urn: school, ukprn: provider),
                problems)
    }

    /// A school's unique reference number: shared with the schools import.
    public static func isURN(_ text: String) -> Bool {
        (5...7).contains(text.count) && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
