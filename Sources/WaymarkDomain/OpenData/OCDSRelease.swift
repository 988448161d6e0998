import Foundation

/// The Open Contracting Data Standard 1.1 release, in the parts Waymark fills: the JSON member
/// names are the standard's (`release-schema.json`), and an absent part is left out.
public struct OCDSRelease: Encodable, Sendable, Equatable {
    public struct Identifier: Encodable, Sendable, Equatable { let scheme: String; let id: String; let legalName: String }
    public struct Party: Encodable, Sendable, Equatable {
        let id: String; let name: String; let identifier: Identifier?; var roles: [String]
    }
    public struct Reference: Encodable, Sendable, Equatable { let id: String; let name: String }
    public struct Value: Encodable, Sendable, Equatable {
        let amount: Decimal
        var currency = "GBP"
        init(_ money: Money) { amount = Decimal(money.pence) / 100 }
    }
    public struct Period: Encodable, Sendable, Equatable { let startDate: String; let endDate: String }
    public struct Unit: Encodable, Sendable, Equatable { let name: String }
    public struct Item: Encodable, Sendable, Equatable { let id: String; let description: String; let quantity: Int; let unit: Unit }
    public struct Tender: Encodable, Sendable, Equatable {
        let id: String; let title: String; let description: String; var status: String
        let procuringEntity: Reference; let items: [Item]; let value: Value
        let procurementMethod: String?; let procurementMethodDetails: String
        let awardCriteria: String?; let awardCriteriaDetails: String?
        let tenderPeriod: Period?; let mainProcurementCategory = "services"
        /// Only the supplier: who else bid is never published (the bid seal, docs/roles.md).
        var tenderers: [Reference]?
    }
    public struct Award: Encodable, Sendable, Equatable {
        let id: String; let title: String; let status: String; let date: String; let value: Value; let suppliers: [Reference]
    }
    public struct Amendment: Encodable, Sendable, Equatable { let id: String; let date: String; let description: String }
    public struct Transaction: Encodable, Sendable, Equatable {
        let id: String; let date: String; let value: Value; let payer: Reference; let payee: Reference
    }
    public struct Implementation: Encodable, Sendable, Equatable { var transactions: [Transaction] }
    public struct Contract: Encodable, Sendable, Equatable {
        let id: String; let awardID: String; let title: String; var status: String
        var period: Period; var value: Value; let dateSigned: String; let items: [Item]
        var amendments: [Amendment]?; var implementation: Implementation?
    }

    public let ocid: String
    public var id: String
    public var date: String
    public var tag: [String]
    public let initiationType = "tender"
    public let language = "en"
    public var parties: [Party]
    public let buyer: Reference
    public var tender: Tender?
    public var awards: [Award]?
    public var contracts: [Contract]?
}

/// A package of releases, or of records (each process's releases and its compiled release), as
/// the standard's package schemas ask.
public struct OCDSReleasePackage: Encodable, Sendable {
    public struct Publisher: Encodable, Sendable { let name: String; let scheme: String?; let uid: String? }
    public let uri: String
    public let version = "1.1"
    public let publishedDate: String
    public let publisher: Publisher
    public let license: String
    public let publicationPolicy: String
    public let releases: [OCDSRelease]
}

public struct OCDSRecordPackage: Encodable, Sendable {
    public struct Record: Encodable, Sendable { let ocid: String; let releases: [OCDSRelease]; let compiledRelease: OCDSRelease }
    public let uri: String
    public let version = "1.1"
    public let publishedDate: String
    public let publisher: OCDSReleasePackage.Publisher
    public let license: String
    public let publicationPolicy: String
    public let packages: [String]
    public let records: [Record]
}
