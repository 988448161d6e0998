import Foundation

/// A tenant's grants as a 360Giving 1.4 data package (`360-giving-package-schema.json`): built
/// from plain values, so the rules of the file live here and the app only gathers the facts.
public struct GrantPackage: Encodable, Sendable, Equatable {
    public struct Organisation: Encodable, Sendable, Equatable {
        public let id: String
        public let name: String
        public var charityNumber: String?
        public var companyNumber: String?

        public init(id: String, name: String, charityNumber: String? = nil, companyNumber: String? = nil) {
            self.id = id
            self.name = name
            self.charityNumber = charityNumber
            self.companyNumber = companyNumber
        }
    }

    public struct Location: Encodable, Sendable, Equatable {
        public let name: String
        public let geoCode: String
        /// From the 360Giving geoCodeType codelist: metropolitan districts are MD, and so on.
        public let geoCodeType: String
        public let countryCode = "GB"
    }

    public struct Dates: Encodable, Sendable, Equatable {
        public let startDate: String
        public let endDate: String
    }

    public struct Programme: Encodable, Sendable, Equatable {
        public let title: String
    }

    public struct Grant: Encodable, Sendable, Equatable {
        public let id: String
        public let title: String
        public let description: String
        public let currency = "GBP"
        public let amountAwarded: Decimal
        public let awardDate: String
        public let plannedDates: [Dates]
        public let recipientOrganization: [Organisation]
        public let fundingOrganization: [Organisation]
        public let beneficiaryLocation: [Location]
        public let grantProgramme: [Programme]
        public let dateModified: String
        public let dataSource: String
        public let url: String
    }

    public struct Publisher: Encodable, Sendable, Equatable {
        public let identifier: String?
        public let name: String
        public let website: String
    }

    public let grants: [Grant]
    public let version = "1.4"
    public let title: String
    public let description: String
    public let modified: String
    public let publisher: Publisher
    public let license: String
    public let downloadURL: String
    public let accessURL: String
}

/// One grant as the tenant holds it, before it becomes 360Giving's shape.
public struct GrantFacts: Sendable, Equatable {
    public struct Recipient: Sendable, Equatable {
        public let name: String
        public let identifiers: OrganisationIdentifiers
        /// The council's entry in the local authority register, when the recipient is a council.
        public let councilOrgID: String?
        /// The tenant's own id for an organisation without a registered identifier.
        public let internalID: String

        public init(name: String, identifiers: OrganisationIdentifiers, councilOrgID: String?, internalID: String) {
            self.name = name
            self.identifiers = identifiers
            self.councilOrgID = councilOrgID
            self.internalID = internalID
        }
    }

    public struct Place: Sendable, Equatable {
        public let name: String
        public let gssCode: String
        public init(name: String, gssCode: String) {
            self.name = name
            self.gssCode = gssCode
        }
    }

    public let reference: String
    public let title: String
    public let programme: String
    public let amount: Money
    public let awarded: Day
    public let period: DayRange
    public let recipient: Recipient
    public let places: [Place]
    public let routeCount: Int
    public let modified: Date
    public let url: String

    public init(reference: String, title: String, programme: String, amount: Money, awarded: Day, period: DayRange,
                recipient: Recipient, places: [Place], routeCount: Int, modified: Date, url: String) {
        self.reference = reference
        self.title = title
        self.programme = programme
        self.amount = amount
        self.awarded = awarded
        self.period = period
        self.recipient = recipient
        self.places = places
        self.routeCount = routeCount
        self.modified = modified
        self.url = url
    }
}

extension GrantPackage {
    /// Who publishes, and where the file lives.
    public struct Source: Sendable, Equatable {
        public let funderName: String
        public let funderOrgID: String
        /// The tenant's 360Giving prefix: grant ids are `360G-{prefix}-{reference}`.
        public let prefix: String
        public let website: String
        public let downloadURL: String
        public let license: String

        public init(funderName: String, funderOrgID: String, prefix: String, website: String, downloadURL: String, license: String) {
            self.funderName = funderName
            self.funderOrgID = funderOrgID
            self.prefix = prefix
            self.website = website
            self.downloadURL = downloadURL
            self.license = license
        }
    }

    /// The package of `grants`, newest award first; nil when there are none (the standard
    /// requires at least one grant in a package).
    public static func make(_ grants: [GrantFacts], source: Source) -> GrantPackage? {
        guard !grants.isEmpty else { return nil }
        let funder = Organisation(id: source.funderOrgID, name: source.funderName)
        let made = grants.sorted { ($0.awarded, $0.reference) > ($1.awarded, $1.reference) }.map { facts in
            Grant(id: grantID(prefix: source.prefix, reference: facts.reference), title: facts.title,
                  description: describe(facts), amountAwarded: Decimal(facts.amount.pence) / 100, awardDate: facts.awarded.iso,
                  plannedDates: [Dates(startDate: facts.period.start.iso, endDate: facts.period.end.iso)],
                  recipientOrganization: [recipient(facts.recipient, prefix: source.prefix)], fundingOrganization: [funder],
                  beneficiaryLocation: facts.places.map { Location(name: $0.name, geoCode: $0.gssCode, geoCodeType: geoCodeType($0.gssCode)) },
                  grantProgramme: facts.programme.isEmpty ? [] : [Programme(title: facts.programme)],
                  dateModified: timestamp(facts.modified), dataSource: source.downloadURL, url: facts.url)
        }
        let latest = grants.map(\.modified).max()!
        return GrantPackage(grants: made, title: "Grants made by \(source.funderName)",
                            description: "Every grant \(source.funderName) has made through Waymark and chosen to publish.",
                            modified: timestamp(latest),
                            publisher: Publisher(identifier: source.funderOrgID, name: source.funderName, website: source.website),
                            license: source.license, downloadURL: source.downloadURL, accessURL: source.website)
    }

    /// `360G-{prefix}-{reference}`, with anything but letters, digits and hyphens in the
    /// reference made a hyphen so the id stays one token.
    public static func grantID(prefix: String, reference: String) -> String {
        let cleaned = String(reference.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" })
        return "360G-\(prefix)-\(cleaned)"
    }

    static func describe(_ facts: GrantFacts) -> String {
        let places = facts.places.map(\.name)
        let routes = facts.routeCount == 1 ? "1 school route" : "\(facts.routeCount) school routes"
        return "Chaperones walking children on \(routes)" + (places.isEmpty ? "" : " in \(places.joinedAsList())")
            + ", \(facts.period.start.display) to \(facts.period.end.display)."
    }

    static func recipient(_ recipient: GrantFacts.Recipient, prefix: String) -> Organisation {
        let id = OrgID.of(recipient.identifiers, councilOrgID: recipient.councilOrgID) ?? "360G-\(prefix)-org-\(recipient.internalID)"
        return Organisation(id: id, name: recipient.name, charityNumber: recipient.identifiers.charityNumber,
                            companyNumber: recipient.identifiers.companyNumber)
    }

    /// The geoCodeType of a GSS code by its entity (the first three characters).
    public static func geoCodeType(_ gss: String) -> String {
        switch gss.prefix(3) {
        case "E06", "W06": "UA"
        case "E07": "NMD"
        case "E08": "MD"
        case "E09": "LONB"
        case "E10": "CTY"
        default: "LAD"
        }
    }

    /// A full date-time in UTC, as the standard asks of `dateModified`: 2024-03-28T09:15:00Z.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
