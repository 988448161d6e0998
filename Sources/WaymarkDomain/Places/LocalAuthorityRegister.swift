/// A local authority district of England or Wales as the Office for National Statistics
/// registers it: the GSS code every public data set keys on, the official name, and the
/// org-id.guide identifier 360Giving uses for the council (`GB-LAE-…` in England,
/// `GB-PLA-…` in Wales) where the register has one.
public struct RegisteredAuthority: Hashable, Sendable, Codable {
    public let gssCode: String
    public let name: String
    public let orgID: String?

    public init(gssCode: String, name: String, orgID: String?) {
        self.gssCode = gssCode
        self.name = name
        self.orgID = orgID
    }

    /// "Metropolitan district", "London borough" and so on, from the code's entity prefix.
    public var kind: String {
        switch gssCode.prefix(3) {
        case "E06": "Unitary authority"
        case "E07": "Non-metropolitan district"
        case "E08": "Metropolitan district"
        case "E09": "London borough"
        case "W06": "Welsh unitary authority"
        default: "Local authority district"
        }
    }
}

/// The register Waymark ships, so a tenant adds its local authorities by choosing them
/// rather than typing codes. It is data, like the bank holidays: see
/// `LocalAuthorityRegister+Data.swift` for its source and date.
public enum LocalAuthorityRegister {
    private static let byCode: [String: RegisteredAuthority] =
        Dictionary(uniqueKeysWithValues: all.map { ($0.gssCode, $0) })

    /// The authority with this GSS code, whatever its case and surrounding spaces.
    /// A code ONS has since replaced finds the district under its current code.
    public static func authority(gssCode: String) -> RegisteredAuthority? {
        let code = gssCode.trimmingCharacters(in: .whitespaces).uppercased()
        return byCode[formerCodes[code] ?? code]
    }

    /// Authorities whose name contains every word of `query`, or whose GSS code or org-id
    /// starts with it; in register order (by code). An empty query finds nothing, so a
    /// search page never dumps the whole register.
    public static func search(_ query: String, limit: Int = 25) -> [RegisteredAuthority] {
        let words = fold(query).split(separator: " ").map(String.init)
        guard !words.isEmpty else { return [] }
        let code = words.joined().uppercased()
        return Array(all.lazy.filter { authority in
            let orgID = authority.orgID?.filter { $0 != "-" } ?? "-"
            return authority.gssCode.hasPrefix(code) || orgID.hasPrefix(code) || orgID.hasSuffix(code)
                || words.allSatisfy { fold(authority.name).contains($0) }
        }.prefix(limit))
    }

    /// Lower case, punctuation as spaces: "Bristol, City of" matches "city of bristol".
    private static func fold(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
    }
}
