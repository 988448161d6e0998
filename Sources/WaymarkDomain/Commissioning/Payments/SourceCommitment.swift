import Foundation

/// A contract with its payment lines, for the finance views.
public struct ContractPayments: Hashable, Sendable {
    public var contract: Contract
    public var lines: [PaymentLine]

    public init(contract: Contract, lines: [PaymentLine]) {
        self.contract = contract
        self.lines = lines
    }

    /// What each funding source has paid of the lines marked paid.
    ///
    /// Attribution: every paid line is split across the contract's funding links in
    /// proportion to the links' amounts, with a share for the part of the contract value no
    /// link covers (that share is paid from no source). So a contract half funded by a grant
    /// and half by a council charges each half of every payment; the split is to the penny
    /// (largest remainder), so the parts add up to the line.
    public func paidBySource() -> [UUID: Money] {
        let links = contract.fundingLinks.filter(\.amount.isPositive)
        guard !links.isEmpty, let linked = Money.sum(links.map(\.amount)) else { return [:] }
        let unfunded = Swift.max(contract.current.value - linked, .zero)
        var paid: [UUID: Money] = [:]
        for line in lines where line.isPaid {
            guard let shares = line.amount.apportioned(by: links.map(\.amount) + [unfunded]) else { continue }
            for (link, share) in zip(links, shares) { paid[link.sourceID, default: .zero] += share }
        }
        return paid
    }
}

/// Where a funding source stands against the contracts it pays for: committed (contracted),
/// paid, and what remains uncommitted (DESIGN.md, issue: "a budget is never over-committed
/// without a warning").
public struct SourceCommitment: Hashable, Sendable {
    public let sourceID: UUID
    public let label: String
    public let amount: Money
    /// The contracts' funding links on this source, added up.
    public let committed: Money
    /// The source's share of the contracts' paid lines (see `ContractPayments.paidBySource`).
    public let paid: Money
    /// `amount − committed`; negative when over-committed.
    public let remaining: Money

    public init(source: FundingSource, contracts: [ContractPayments]) {
        sourceID = source.id
        label = source.label
        amount = source.amount
        committed = contracts.flatMap(\.contract.fundingLinks).filter { $0.sourceID == source.id }.reduce(.zero) { $0 + $1.amount }
        paid = contracts.reduce(.zero) { $0 + ($1.paidBySource()[source.id] ?? .zero) }
        remaining = amount - committed
    }

    /// How much more is committed than the source holds; zero when it is not over-committed.
    public var overCommitment: Money { Swift.max(committed - amount, .zero) }

    /// A warning in words when contracts commit more than the source holds — a value for the
    /// page to show, not an error: the commissioner may be expecting a top-up.
    public var warning: String? {
        guard overCommitment.isPositive else { return nil }
        return "Contracts commit \(committed.display) of \(label)'s \(amount.display): \(overCommitment.display) more than it holds"
    }
}
