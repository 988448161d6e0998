import Foundation
import WaymarkDomain

/// One imported contract checked as the form checks it: its rows become the form's values, so
/// `ContractForm` and `ContractRules` judge it exactly as they judge a typed contract, and each
/// problem goes back to the row and column it came from.
enum ContractImportDraft {
    static func draft(_ group: ContractImportRows, _ reference: ContractImport.Reference) -> (ExistingContractDraft?, [ImportIssue]) {
        guard let provider = group.provider, let letting = group.letting, let start = group.start, let end = group.end,
              let signed = group.signed else { return (nil, []) }
        let first = group.rows[0]
        var values = ContractForm.Values()
        values.reference = group.reference
        values.title = group.title ?? ""
        values.provider = provider.id?.uuidString ?? ""
        values.value = (Money.sum(group.routes.map(\.value)) ?? .zero).decimalString
        values.startDay = start.iso
        values.endDay = end.iso
        values.kpis = group.kpis.joined(separator: "\n")
        for route in group.routes { values.routeValues[route.code] = route.value.decimalString }
        values.links = group.links.map { ContractForm.Link(source: $0.sourceID.uuidString, amount: $0.amount.decimalString) }
        let (contract, errors) = ContractForm.contract(values, choices: reference.choices, id: UUID())
        var issues = errors.map { issue(for: $0, group, first: first) }
        guard let contract else { return (nil, issues) }
        let weighting = PaymentWeighting.weighting(for: contract.current, schedules: reference.schedules)
        guard let schedule = PaymentSchedule.quarterlyInArrears(for: contract, weighting: weighting) else {
            return (nil, issues + [ImportIssue(row: first, column: "end_day", message: "The payment schedule cannot be made for these dates and value")])
        }
        var paid: [Int: Day] = [:]
        if let through = group.paidThrough {
            switch PriorPayments.lines(paidThrough: through, of: schedule) {
            case .failure(let problem): issues.append(ImportIssue(row: first, column: "paid_through", message: problem.message))
            case .success(let numbers):
                if group.paidOn.count != 1 && group.paidOn.count != numbers.count {
                    issues.append(ImportIssue(row: first, column: "paid_on", message:
                        "\(numbers.count) lines are paid through \(through.iso): give one day for all of them, or one for each in order"))
                }
                for (index, number) in numbers.enumerated() {
                    guard let line = schedule.first(where: { $0.number == number }),
                          let day = group.paidOn.count == 1 ? group.paidOn.first : group.paidOn.dropFirst(index).first else { continue }
                    let problems = PriorPayments.problems(line, paidOn: day, today: reference.today)
                    issues += problems.map { ImportIssue(row: first, column: "paid_on", message: $0.message) }
                    paid[number] = day
                }
            }
        }
        guard issues.isEmpty else { return (nil, issues) }
        return (ExistingContractDraft(reference: group.reference.trimmed, title: (group.title ?? "").trimmed, contract: contract,
                                      letting: letting, signedOn: signed,
                                      schedule: PriorPayments.marking(schedule, paidOn: paid, by: reference.personID)), [])
    }

    /// The row and column a form problem came from.
    private static func issue(for error: FieldError, _ group: ContractImportRows, first: Int) -> ImportIssue {
        let field = error.field
        if field.hasPrefix("route-") {
            let code = String(field.dropFirst("route-".count))
            return ImportIssue(row: group.routes.first { $0.code == code }?.row ?? first, column: "route_value", message: error.message)
        }
        if field.hasPrefix("link-"), let number = Int(field.split(separator: "-")[1]), number <= group.links.count {
            return ImportIssue(row: group.links[number - 1].row, column: field.hasSuffix("amount") ? "funding_amount" : "funding_source",
                               message: error.message)
        }
        let columns = ["reference": "contract_reference", "value": "route_value", "routes": "route_code", "funding": "funding_amount"]
        return ImportIssue(row: field == "funding" ? group.links.first?.row ?? first : first, column: columns[field] ?? field, message: error.message)
    }
}
