import Foundation
import Testing
@testable import WaymarkDomain

@Suite struct OCDSReleasesTests {
    static func at(_ iso: String) -> Date { try! Date(iso, strategy: .iso8601) }
    static let buyer = ContractingProcess.Party(id: "GB-GOR-PB1", name: "West Yorkshire VRU", scheme: "GB-GOR", number: "PB1")
    static let supplier = ContractingProcess.Party(id: "GB-CHC-1187654", name: "Aire Valley Walking Buses CIO", scheme: "GB-CHC", number: "1187654")
    static let funder = ContractingProcess.Party(id: "GB-LAE-LDS", name: "Leeds City Council", scheme: "GB-LAE", number: "LDS")
    static let items = [ContractingProcess.Item(id: "LDS-01", description: "Harehills", children: 310)]

    static let process = ContractingProcess(
        key: "spec-1", buyer: buyer, funders: [funder, buyer],
        tender: .init(title: "Walking buses", description: "Chaperones", value: Money(pence: 6_000_000), items: items,
                      published: at("2024-05-01T09:00:00Z"), closes: at("2024-06-01T11:00:00Z"), method: "open",
                      methodDetails: "Open invitation", criteria: "Quality 60%, price 40%", cancelled: nil),
        award: .init(date: at("2024-06-20T10:00:00Z"), value: Money(pence: 5_800_000), supplier: supplier),
        contract: .init(reference: "WY-1", title: "Walking buses", signed: Day(iso: "2024-07-01")!, recorded: at("2024-07-01T15:00:00Z"),
                        value: Money(pence: 5_800_000), period: DayRange(start: Day(iso: "2024-09-02")!, end: Day(iso: "2025-07-18")!)!,
                        items: items,
                        amendments: [.init(number: 1, date: at("2025-01-10T12:00:00Z"), description: "Extension",
                                           value: Money(pence: 6_100_000), period: DayRange(start: Day(iso: "2024-09-02")!, end: Day(iso: "2025-08-29")!)!)],
                        payments: [.init(number: 1, paidOn: Day(iso: "2025-01-10")!, amount: Money(pence: 1_450_000)),
                                   .init(number: 2, paidOn: Day(iso: "2024-12-20")!, amount: Money(pence: 1_450_000))],
                        terminated: false))

    @Test func eachStepIsAReleaseInOrderWithItsOwnID() {
        let releases = OCDSReleases.releases(Self.process, prefix: "ocds-abc123")
        #expect(releases.map { $0.tag } == [["tender"], ["award"], ["contract"], ["implementation"], ["contractAmendment"], ["implementation"]],
                "the December payment, then the January amendment before that day's payment")
        #expect(Set(releases.map(\.id)).count == releases.count)
        #expect(releases.allSatisfy { $0.ocid == "ocds-abc123-spec-1" })
        #expect(releases.map(\.date) == releases.map(\.date).sorted(), "dates run forward")
        let last = releases.last!
        #expect(last.contracts?.first?.value.amount == 61_000)
        #expect(last.contracts?.first?.amendments?.count == 1)
        let paid = last.contracts?.first?.implementation?.transactions.map(\.value.amount).reduce(0, +) ?? 0
        #expect(paid <= 61_000, "transactions never above the contract's value")
        #expect(releases[0].awards == nil && releases[0].contracts == nil, "the tender release knows nothing of the award")
        #expect(releases[3].date == "2024-12-20T12:00:00Z", "a payment's release is dated noon UTC on its day")
    }

    @Test func everyOrganisationReferencedIsAParty() {
        for release in OCDSReleases.releases(Self.process, prefix: "ocds-abc123") {
            let parties = Set(release.parties.map(\.id))
            #expect(parties.contains(release.buyer.id))
            for award in release.awards ?? [] { #expect(award.suppliers.allSatisfy { parties.contains($0.id) }) }
            for contract in release.contracts ?? [] {
                for transaction in contract.implementation?.transactions ?? [] {
                    #expect(parties.contains(transaction.payer.id) && parties.contains(transaction.payee.id))
                }
            }
        }
        let roles = Dictionary(uniqueKeysWithValues: OCDSReleases.releases(Self.process, prefix: "ocds-abc123").last!.parties.map { ($0.id, Set($0.roles)) })
        #expect(roles["GB-GOR-PB1"] == ["buyer", "procuringEntity", "payer"], "the buyer is not also a funder party twice")
        #expect(roles["GB-CHC-1187654"] == ["supplier", "tenderer", "payee"])
        #expect(roles["GB-LAE-LDS"] == ["funder"])
    }

    @Test func theRecordCompilesTheLastState() {
        let package = OCDSReleases.recordPackage([Self.process], source: .init(prefix: "ocds-abc123", publisherName: "WY", publisherOrgID: "GB-GOR-PB1",
                                                                                releasesURL: "https://e/r", recordsURL: "https://e/c",
                                                                                license: "https://e/l", policyURL: "https://e/p"),
                                                 published: Self.at("2025-02-01T00:00:00Z"))
        #expect(package.records.count == 1)
        #expect(package.records[0].compiledRelease.tag == ["compiled"])
        #expect(package.records[0].compiledRelease.contracts?.first?.value.amount == 61_000)
        #expect(package.publisher.scheme == "GB-GOR" && package.publisher.uid == "PB1")
    }

    @Test func aCancelledTenderEndsThere() {
        let cancelled = ContractingProcess(key: "spec-2", buyer: Self.buyer, funders: [],
                                           tender: .init(title: "T", description: "D", value: Money(pence: 100), items: Self.items,
                                                         published: Self.at("2024-05-01T09:00:00Z"), closes: Self.at("2024-06-01T11:00:00Z"),
                                                         method: "open", methodDetails: "", criteria: nil,
                                                         cancelled: Self.at("2024-05-10T09:00:00Z")),
                                           award: nil, contract: nil)
        let releases = OCDSReleases.releases(cancelled, prefix: "ocds-abc123")
        #expect(releases.map(\.tag) == [["tender"], ["tenderCancellation"]])
        #expect(releases.last?.tender?.status == "cancelled")
    }
}
