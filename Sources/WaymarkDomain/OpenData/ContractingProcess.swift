import Foundation

/// One contracting process as the tenant holds it, in plain values: a specification taken to
/// tender (and perhaps awarded and contracted), or a contract recorded without one. OCDS
/// releases are made from it (`OCDSReleases`), so each release says what was known when.
public struct ContractingProcess: Sendable, Equatable {
    public struct Party: Sendable, Equatable, Hashable {
        /// The org-id (or the tenant's own id for an organisation without one).
        public let id: String
        public let name: String
        /// The registered identifier behind `id`: scheme (GB-CHC) and number.
        public let scheme: String?
        public let number: String?

        public init(id: String, name: String, scheme: String?, number: String?) {
            self.id = id
            self.name = name
            self.scheme = scheme
            self.number = number
        }
    }

    public struct Item: Sendable, Equatable {
        public let id: String
        public let description: String
        /// Children walked each school day.
        public let children: Int
        public init(id: String, description: String, children: Int) {
            self.id = id
            self.description = description
            self.children = children
        }
    }

    public struct Tender: Sendable, Equatable {
        public let title: String
        public let description: String
        public let value: Money
        public let items: [Item]
        /// When it was published (the tender release) and when bids closed; nil for a contract
        /// let outside Waymark, whose tender is known only from its award.
        public let published: Date?
        public let closes: Date?
        /// OCDS method (open, selective, limited, direct), nil when not known.
        public let method: String?
        public let methodDetails: String
        /// Each criterion with its weight, as the specification scores them.
        public let criteria: String?
        public let cancelled: Date?

        public init(title: String, description: String, value: Money, items: [Item], published: Date?, closes: Date?, method: String?,
                    methodDetails: String, criteria: String?, cancelled: Date?) {
            self.title = title
            self.description = description
            self.value = value
            self.items = items
            self.published = published
            self.closes = closes
            self.method = method
            self.methodDetails = methodDetails
            self.criteria = criteria
            self.cancelled = cancelled
        }
    }

    public struct Award: Sendable, Equatable {
        public let date: Date
        public let value: Money
        public let supplier: Party
        public init(date: Date, value: Money, supplier: Party) {
            self.date = date
            self.value = value
            self.supplier = supplier
        }
    }

    public struct Amendment: Sendable, Equatable {
        public let number: Int
        public let date: Date
        public let description: String
        /// The contract's terms once amended.
        public let value: Money
        public let period: DayRange
        public init(number: Int, date: Date, description: String, value: Money, period: DayRange) {
            self.number = number
            self.date = date
            self.description = description
            self.value = value
            self.period = period
        }
    }

    public struct Payment: Sendable, Equatable {
        public let number: Int
        public let paidOn: Day
        public let amount: Money
        public init(number: Int, paidOn: Day, amount: Money) {
            self.number = number
            self.paidOn = paidOn
            self.amount = amount
        }
    }

    public struct Contract: Sendable, Equatable {
        public let reference: String
        public let title: String
        public let signed: Day
        /// When Waymark recorded it: the contract release's date, never before the award.
        public let recorded: Date
        /// As made; each amendment carries the terms after it.
        public let value: Money
        public let period: DayRange
        public let items: [Item]
        public let amendments: [Amendment]
        public let payments: [Payment]
        public let terminated: Bool

        public init(reference: String, title: String, signed: Day, recorded: Date, value: Money, period: DayRange, items: [Item],
                    amendments: [Amendment], payments: [Payment], terminated: Bool) {
            self.reference = reference
            self.title = title
            self.signed = signed
            self.recorded = recorded
            self.value = value
            self.period = period
            self.items = items
            self.amendments = amendments
            self.payments = payments
            self.terminated = terminated
        }
    }

    /// The part of the ocid after the prefix: the specification's or contract's own id.
    public let key: String

    /// The key of a contract let outside Waymark: its reference, one token of letters, digits and hyphens.
    public static func key(contractReference reference: String) -> String {
        "contract-" + String(reference.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "-" })
    }
    public let buyer: Party
    public let funders: [Party]
    public let tender: Tender?
    public let award: Award?
    public let contract: Contract?

    public init(key: String, buyer: Party, funders: [Party], tender: Tender?, award: Award?, contract: Contract?) {
        self.key = key
        self.buyer = buyer
        self.funders = funders
        self.tender = tender
        self.award = award
        self.contract = contract
    }
}
