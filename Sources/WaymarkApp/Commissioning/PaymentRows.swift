import Foundation
import WaymarkDomain

/// One payment line as the contract page, the payments page, their CSVs and the API show it.
struct PaymentRow: Encodable, Sendable {
    let id: String
    let contractID: String
    let contractReference: String
    let contractHref: String
    let provider: String
    let number: Int
    let label: String
    let period: String
    let startISO: String
    let endISO: String
    let amount: String
    let amountDecimal: String
    let amountPence: Int64
    /// "awaiting_returns", "payable" or "paid".
    let status: String
    /// "Awaiting returns for Sep 2023 and Oct 2023", "Payable", "Paid on 5 Jan 2024, recorded by Gareth Pryce".
    let statusText: String
    let statusTag: String
    let awaitingMonths: [String]
    let paidOnISO: String?
    let paidBy: String?
    /// The mark-paid form's target, when the line is payable.
    let paidAction: String?

    init(_ line: PaymentLine, record: PaymentLineRecord, contract: ContractQueries.Loaded, approvedMonths: Set<CalendarMonth>,
         names: ContractNames, slug: String) {
        let contractID = contract.id.uuidString
        id = record.id!.uuidString
        self.contractID = contractID
        contractReference = contract.record.reference
        contractHref = SiteMap.Tenant.contract.path(slug, contractID)
        provider = names.organisation(contract.contract.providerOrganisationID)
        number = line.number
        label = line.label
        period = line.period.display
        startISO = line.period.start.iso
        endISO = line.period.end.iso
        amount = line.amount.display
        amountDecimal = line.amount.decimalString
        amountPence = line.amount.pence
        var awaiting: [CalendarMonth] = [], paid: PaymentRecord?
        switch line.status(approvedMonths: approvedMonths) {
        case .awaitingReturns(let months):
            awaiting = months
            status = "awaiting_returns"
            statusText = "Awaiting returns for " + Self.list(months.map(\.display))
            statusTag = "wm-tag--yellow"
        case .payable:
            status = "payable"
            statusText = "Payable"
            statusTag = "wm-tag--blue"
        case .paid(let record):
            paid = record
            status = "paid"
            // Who told Waymark, not who paid: a payment made before Waymark is recorded by a commissioner.
            statusText = "Paid on \(record.paidOn.display), recorded by \(names.person(record.paidBy))"
            statusTag = "wm-tag--green"
        }
        awaitingMonths = awaiting.map(\.description)
        paidOnISO = paid?.paidOn.iso
        paidBy = paid.map { names.person($0.paidBy) }
        // A line paid after the day shown reads as unpaid, but is not offered for paying again.
        paidAction = status == "payable" && record.paidOn == nil ? SiteMap.Tenant.paymentPaid.path(slug, contractID, id) : nil
    }

    var isPayable: Bool { status == "payable" }

    /// Every line of `contracts`, each contract's in schedule order; paid only if paid by
    /// `paidBy`, when given.
    static func rows(_ contracts: [ContractQueries.Loaded], approved: [UUID: Set<CalendarMonth>], names: ContractNames,
                     slug: String, paidBy: Day?) -> [PaymentRow] {
        contracts.flatMap { contract in
            contract.lines.compactMap { record in
                record.line.map { PaymentRow(paidBy.map($0.asOf) ?? $0, record: record, contract: contract, approvedMonths: approved[contract.id] ?? [],
                                             names: names, slug: slug) }
            }
        }
    }

    /// The people who paid lines, for `ContractNames`.
    static func payers(_ contracts: [ContractQueries.Loaded]) -> Set<UUID> {
        Set(contracts.flatMap(\.lines).compactMap(\.paidBy))
    }

    static let csvHeaders = ["contract_reference", "provider", "line", "quarter", "start_day", "end_day", "amount", "status",
                             "awaiting_returns_for", "paid_on", "paid_by"]

    var csvRow: [String] {
        [contractReference, provider, String(number), label, startISO, endISO, amountDecimal, status,
         awaitingMonths.joined(separator: " "), paidOnISO ?? "", paidBy ?? ""]
    }

    private static func list(_ items: [String]) -> String {
        items.count <= 1 ? (items.first ?? "") : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}

extension PaymentLine {
    /// The line as it stood on `day`: a payment made after it is not made yet.
    func asOf(_ day: Day) -> PaymentLine {
        guard let paid = payment, paid.paidOn > day else { return self }
        var unpaid = self
        unpaid.payment = nil
        return unpaid
    }
}
