import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: what each funding source has committed and paid")
struct SourceCommitmentTests {
    let finance = id(720)

    /// Youth Links' contract (£60,000 Home Office, £31,260 council) with its first two lines paid.
    var youthLinks: ContractPayments {
        var lines = PaymentSchedule.quarterlyInArrears(for: Contracted.contract) ?? []
        lines[0] = lines[0].paid(on: day("2024-10-15"), by: finance)
        lines[1] = lines[1].paid(on: day("2025-01-15"), by: finance)
        return ContractPayments(contract: Contracted.contract, lines: lines)
    }

    @Test("Committed, paid and remaining for each source")
    func figures() {
        let homeOffice = SourceCommitment(source: Contracted.homeOffice, contracts: [youthLinks])
        // Paid £7,270.71 and £23,065.71; 60,000 ÷ 91,260 of each: £4,780.2169… → £4,780.22 (the larger
        // remainder takes the penny) + £15,164.8323… → £15,164.83.
        #expect(homeOffice.committed == pounds(60_000))
        #expect(homeOffice.paid == Money(pence: 478_022 + 1_516_483))
        #expect(homeOffice.remaining == pounds(40_000))
        #expect(homeOffice.warning == nil && homeOffice.overCommitment == .zero)
        let council = SourceCommitment(source: Contracted.council, contracts: [youthLinks])
        #expect(council.committed == Money(pence: 3_126_000))
        #expect(council.paid + homeOffice.paid == Money(pence: 727_071 + 2_306_571))
        #expect(council.remaining == Money(pence: 874_000))
    }

    @Test("Over-committing a source gives a warning, not an error")
    func overCommitted() {
        var second = Contracted.contract
        second.id = id(1_002)
        second.fundingLinks = [FundingLink(sourceID: Contracted.homeOffice.id, amount: pounds(50_000))]
        let position = SourceCommitment(source: Contracted.homeOffice,
                                        contracts: [youthLinks, ContractPayments(contract: second, lines: [])])
        #expect(position.committed == pounds(110_000))
        #expect(position.remaining == pounds(-10_000))
        #expect(position.overCommitment == pounds(10_000))
        #expect(position.warning == "Contracts commit £110,000.00 of Home Office grant's £100,000.00: £10,000.00 more than it holds")
    }

    @Test("Money no link covers is paid from no source")
    func partlyLinked() {
        var contract = Contracted.contract
        contract.fundingLinks = [FundingLink(sourceID: Contracted.homeOffice.id, amount: Money(pence: 4_563_000))]
        var lines = PaymentSchedule.quarterlyInArrears(for: contract) ?? []
        lines[3] = lines[3].paid(on: day("2025-07-15"), by: finance)   // £22,815.00
        let paid = ContractPayments(contract: contract, lines: lines).paidBySource()
        #expect(paid == [Contracted.homeOffice.id: Money(pence: 1_140_750)])
        #expect(ContractPayments(contract: Contracted.contract, lines: []).paidBySource() == [:])
    }

    @Test("Property: attributed payments never exceed what was paid, and add up to it when links cover the value")
    func attribution() {
        var random = SeededGenerator(seed: 71)
        for _ in 0..<300 {
            var contract = Contracted.contract
            let value = contract.current.value
            let first = Money(pence: Int64.random(in: 1..<value.pence, using: &random))
            let covered = Bool.random(using: &random)
            let second = covered ? value - first : Money(pence: Int64.random(in: 1...(value - first).pence, using: &random))
            contract.fundingLinks = [FundingLink(sourceID: id(10), amount: first), FundingLink(sourceID: id(11), amount: second)]
            var lines = PaymentSchedule.quarterlyInArrears(for: contract) ?? []
            for i in lines.indices where Bool.random(using: &random) { lines[i] = lines[i].paid(on: lines[i].period.end.next, by: finance) }
            let paidTotal = lines.filter(\.isPaid).reduce(Money.zero) { $0 + $1.amount }
            let attributed = ContractPayments(contract: contract, lines: lines).paidBySource().values.reduce(.zero, +)
            #expect(attributed <= paidTotal)
            if covered { #expect(attributed == paidTotal) }
        }
    }
}
