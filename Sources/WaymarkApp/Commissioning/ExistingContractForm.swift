import Fluent
import Vapor
import WaymarkDomain

/// Recording a contract let before or outside Waymark (a direct award, a grant agreement, a
/// framework call-off…) when a partnership moves in. The contract fields are the award form's
/// (`ContractForm`, with every route of the tenant); then a check step shows the payment
/// schedule, quarterly in arrears, where the commissioner gives the day each line already paid
/// was paid. Nothing is saved until the schedule has been seen, and then all of it together.
enum ExistingContractForm {
    struct ScheduleLine: Encodable {
        let key: String
        let label: String
        let period: String
        let amount: String
        let paidOn: String
        let error: String?
    }

    struct Page: Encodable {
        let fields: ContractFormFields
        let lettings: [ContractFormFields.Option]
        let signedOn: String
        /// Shown once the contract's fields make a schedule.
        let schedule: [ScheduleLine]?
        let checkedSchedule: String
        /// Paid-on days typed while the contract could not make a schedule, carried along unseen.
        let keptPaidOn: [ContractFormFields.Option]
        let action: String
        let cancelHref: String
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let choices = try await ExistingContractChoices.load(context)
        let today = Day(req.now, in: London.timeZone)
        return try await render(req, context, choices, ContractForm.Values(), ExistingContractExtras(today: today), schedule: nil, [])
    }

    @Sendable static func create(req: Request, context: TenantContext) async throws -> Response {
        let choices = try await ExistingContractChoices.load(context)
        let values = try ContractForm.Values(req)
        let extras = ExistingContractExtras(try req.content.decode(ExistingContractExtras.Form.self))
        let checked = try await check(context, choices, values, extras, today: Day(req.now, in: London.timeZone))
        // Saved only from the schedule step, so the schedule was seen before it is stored.
        guard extras.saving, !extras.checkedSchedule.isEmpty, let draft = checked.draft else {
            return try await render(req, context, choices, values, extras, schedule: checked.schedule, checked.errors,
                                    status: checked.errors.isEmpty ? .ok : .unprocessableEntity)
        }
        let now = req.now
        try await context.transaction { tx in try await draft.save(in: tx, audit: "contract.recorded", at: now) }
        let paidNote = draft.paidCount == 0 ? "" : ", \(draft.paidCount) of them already paid"
        return req.redirect(to: SiteMap.Tenant.contract.path(context.tenant.slug, draft.contract.id.uuidString),
                            flash: "Contract \(draft.reference) recorded, with \(draft.schedule.count) quarterly payments in arrears\(paidNote).")
    }

    /// The contract the form (or the API) describes: a draft ready to save when nothing is
    /// wrong, the schedule whenever the contract's fields make one, and every problem by field.
    struct Checked {
        let draft: ExistingContractDraft?
        let schedule: [PaymentLine]?
        let errors: [FieldError]
    }

    static func check(_ context: TenantContext, _ choices: ExistingContractChoices, _ values: ContractForm.Values,
                      _ extras: ExistingContractExtras, today: Day) async throws -> Checked {
        var (contract, errors) = ContractForm.contract(values, choices: choices, id: UUID())
        let reference = values.reference.trimmed
        if !reference.isEmpty, try await context.query(ContractRecord.self).filter(\.$reference == reference).first() != nil {
            errors.insert(.init(field: "reference", message: "Another contract already has the reference \(reference): choose another"), at: 0)
        }
        var schedule: [PaymentLine]?
        if let made = contract {
            schedule = PaymentSchedule.quarterlyInArrears(for: made, weighting: try await PaymentWeighting.weighting(context, for: made.current))
            if schedule == nil {
                errors.append(.init(field: "end_day", message: "The payment schedule cannot be made for these dates and value"))
                contract = nil
            }
        }
        let (letting, signed, paid, more) = extras.check(schedule: schedule, today: today)
        errors += more
        guard errors.isEmpty, let contract, let letting, let signed, let schedule else {
            return Checked(draft: nil, schedule: schedule, errors: errors)
        }
        let draft = ExistingContractDraft(reference: reference, title: values.title.trimmed, contract: contract, letting: letting,
                                          signedOn: signed, schedule: PriorPayments.marking(schedule, paidOn: paid, by: context.personID))
        return Checked(draft: draft, schedule: schedule, errors: [])
    }

    static func render(_ req: Request, _ context: TenantContext, _ choices: ExistingContractChoices, _ values: ContractForm.Values,
                       _ extras: ExistingContractExtras, schedule: [PaymentLine]?, _ errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let shown = schedule?.map { line -> ScheduleLine in
            let key = line.period.start.iso
            return ScheduleLine(key: key, label: line.label, period: line.period.display, amount: line.amount.display,
                                paidOn: extras.paidOn[key] ?? "", error: errorFor["paid_on-\(key)"])
        }
        let kept = schedule == nil ? extras.paidOn.sorted { $0.key < $1.key }.map { ContractFormFields.Option(value: $0.value, label: $0.key, selected: false) } : []
        let page = Page(
            fields: ContractFormFields(values, choices: choices, errors: errors),
            lettings: ContractLetting.recordable.map { .init(value: $0.rawValue, label: $0.label, selected: $0.rawValue == extras.howLet) },
            signedOn: extras.signedOn, schedule: shown, checkedSchedule: schedule.map(ExistingContractExtras.signature) ?? "",
            keptPaidOn: kept, action: SiteMap.Tenant.contractNew.path(slug), cancelHref: SiteMap.Tenant.contracts.path(slug))
        return try await PageRenderer.render(req, "contracts/new", title: "Record an existing contract", page, errors: errors, status: status)
    }
}
