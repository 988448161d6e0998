import Fluent
import Foundation
import WaymarkDomain

/// A contract let before or outside Waymark, checked and ready to save: the form and the
/// contracts import both end here, so a recorded contract is stored one way whichever way it came.
struct ExistingContractDraft: Sendable {
    let reference: String
    let title: String
    let contract: Contract
    let letting: ContractLetting
    let signedOn: Day
    /// The whole schedule, the lines paid before Waymark already marked paid.
    let schedule: [PaymentLine]

    var paidCount: Int { schedule.filter(\.isPaid).count }

    /// Saves the contract, its schedule and one audit entry. Call inside a transaction, so a
    /// failure part-way leaves nothing behind.
    func save(in tx: TenantContext, audit action: String, at now: Date) async throws {
        let record = try ContractRecord(tenantID: tx.tenantID, reference: reference, title: title, contract: contract,
                                        createdBy: tx.actor.label, at: now, letting: letting, signedOn: signedOn)
        try await record.create(on: tx.db)
        for line in schedule { try await PaymentLineRecord(tenantID: tx.tenantID, contractID: contract.id, line: line).create(on: tx.db) }
        try await tx.audit(action, "contract", contract.id.uuidString,
                           after: RecordedContractAudit(reference: reference, howLet: letting.rawValue, signedOn: signedOn.iso,
                                                        contract: contract, schedule: schedule))
    }
}

/// What the audit log keeps of a contract recorded as let elsewhere.
struct RecordedContractAudit: Encodable {
    let reference: String
    let howLet: String
    let signedOn: String
    let contract: Contract
    let schedule: [PaymentLine]
}

/// The fields only the existing-contract form has: how it was let, the day it was signed, and
/// the schedule step (the paid-on day of each line already paid, by the day its period starts,
/// so a line keeps its field however the schedule is renumbered).
struct ExistingContractExtras: Sendable {
    struct Form: Decodable {
        var how_let: String?
        var signed_on: String?
        var paid_on: [String: String]?
        /// The schedule the person saw, as its lines' first days ("2023-09-04 2023-10-01 …").
        var checked_schedule: String?
        /// "check" shows the schedule; "save" records the contract.
        var step: String?
    }

    var howLet = "", signedOn = ""
    var paidOn: [String: String] = [:]
    var checkedSchedule = ""
    var saving = false

    init(today: Day) { signedOn = today.iso }

    init(_ form: Form) {
        howLet = form.how_let ?? ""; signedOn = form.signed_on ?? ""
        paidOn = (form.paid_on ?? [:]).filter { !$0.value.trimmed.isEmpty }
        checkedSchedule = form.checked_schedule ?? ""
        saving = form.step == "save"
    }

    static func signature(_ schedule: [PaymentLine]) -> String { schedule.map(\.period.start.iso).joined(separator: " ") }

    /// How it was let, the signed day, and the paid lines, with every problem by field.
    func check(schedule: [PaymentLine]?, today: Day) -> (ContractLetting?, Day?, [Int: Day], [FieldError]) {
        var errors: [FieldError] = []
        let letting = ContractLetting(rawValue: howLet).flatMap { ContractLetting.recordable.contains($0) ? $0 : nil }
        if letting == nil { errors.append(.init(field: "how_let", message: "Choose how the contract was let")) }
        let signed = Day(entered: signedOn)
        if signed == nil {
            errors.append(.init(field: "signed_on", message: "Enter the day the contract was signed, like 2023-08-21"))
        } else if let signed, signed > today {
            errors.append(.init(field: "signed_on", message: "The day the contract was signed cannot be in the future: it is \(signed.display)"))
        }
        var paid: [Int: Day] = [:]
        guard let schedule else { return (letting, signed, paid, errors) }
        if !checkedSchedule.isEmpty && checkedSchedule != Self.signature(schedule) && !paidOn.isEmpty {
            errors.append(.init(field: "schedule", message:
                "The payment schedule changed with the dates or value you changed: check which lines were already paid again"))
            return (letting, signed, paid, errors)
        }
        for key in paidOn.keys.sorted() where !schedule.contains(where: { $0.period.start.iso == key }) {
            errors.append(.init(field: "schedule", message:
                "No payment line starts on \(key): the lines start on \(schedule.map(\.period.start.iso).joined(separator: ", "))"))
        }
        for line in schedule {
            let key = line.period.start.iso
            guard let text = paidOn[key] else { continue }
            guard let day = Day(entered: text) else {
                errors.append(.init(field: "paid_on-\(key)", message: "Enter the day \(line.label) was paid, like 2024-01-15, or leave it empty"))
                continue
            }
            let problems = PriorPayments.problems(line, paidOn: day, today: today)
            errors += problems.map { .init(field: "paid_on-\(key)", message: $0.message) }
            if problems.isEmpty { paid[line.number] = day }
        }
        return (letting, signed, paid, errors)
    }
}
