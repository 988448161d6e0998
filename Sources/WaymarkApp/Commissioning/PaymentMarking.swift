import Fluent
import Vapor
import WaymarkDomain

/// Finance marking a payment line paid. A line is payable once every month it covers has an
/// approved monthly return (`ApprovedReturns`) and is paid in arrears, after its period.
enum PaymentMarking {
    struct Form: Content {
        var paid_on: String?
        var version: String?
    }

    @Sendable static func markPaid(req: Request, context: TenantContext) async throws -> Response {
        let loaded = try await ContractQueries.find(context, id: req.parameters.get("id"))
        // Compared as UUIDs, so an id written in lower case finds its line too.
        guard let lineID = req.parameters.get("line").flatMap(UUID.init(uuidString:)),
              let record = loaded.lines.first(where: { $0.id == lineID }) else { throw WaymarkError.notFound }
        let form = try req.content.decode(Form.self)
        let approved = try await ApprovedReturns.months(context, contractID: loaded.id)
        let today = Day(req.now, in: London.timeZone)
        let errors = try await mark(context, loaded, record, paidOn: form.paid_on ?? "", version: form.version ?? "",
                                    approvedMonths: approved, today: today)
        guard errors.isEmpty else {
            var page = try await ContractPage.build(context, loaded, reading: .asOf(today), errors: errors)
            page.lines = page.lines.map { line in
                var line = line
                if line.row.id.caseInsensitiveCompare(lineID.uuidString) == .orderedSame { line.typedPaidOn = form.paid_on ?? "" }
                return line
            }
            return try await PageRenderer.render(req, "contracts/contract", title: loaded.record.reference, page, errors: errors,
                                                 status: .unprocessableEntity)
        }
        let line = record.line!
        return req.redirect(to: SiteMap.Tenant.contract.path(context.tenant.slug, loaded.id.uuidString),
                            flash: "\(line.label) (\(line.amount.display)) marked paid.")
    }

    /// Marks the line paid and audits it, or returns why not (nothing saved). The contract's
    /// version is claimed too, so a variation opened before the payment re-plans from the
    /// schedule it saw, or is refused. A paid-on day after `today` is refused: a payment is
    /// never made in the future, and one dated later would not count as paid until then.
    static func mark(_ context: TenantContext, _ loaded: ContractQueries.Loaded, _ record: PaymentLineRecord, paidOn text: String,
                     version: String, approvedMonths: Set<CalendarMonth>, today: Day) async throws -> [FieldError] {
        guard let line = record.line, let lineID = record.id else { throw WaymarkError.notFound }
        // The error sits by the paid-on field when the line shows one (payable), else by the line.
        let payable = line.status(approvedMonths: approvedMonths) == .payable
        let anchor = "line-\(lineID.uuidString)", input = payable ? "paid_on-\(lineID.uuidString)" : anchor
        guard let paidOn = Day(entered: text) else {
            let blocking = line.problemsMarkingPaid(on: .latest, approvedMonths: approvedMonths, today: .latest)
            return blocking.map { .init(field: anchor, message: $0.message) }
                + [.init(field: input, message: "Enter the day \(line.label) was paid, like 2024-01-15")]
        }
        let problems = line.problemsMarkingPaid(on: paidOn, approvedMonths: approvedMonths, today: today)
        guard problems.isEmpty else {
            return problems.map { .init(field: $0.field == .paidOn ? input : anchor, message: $0.message) }
        }
        guard let expected = Int(version) else { throw WaymarkError.conflict(VersionGuard.conflictMessage) }
        let paid = line.paid(on: paidOn, by: context.personID)
        try await context.transaction { tx in
            try await VersionGuard.claim(table: ContractRecord.schema, id: loaded.id, expected: expected, on: tx.db)
            guard let fresh = try await tx.find(PaymentLineRecord.self, lineID), fresh.paidOn == nil else {
                throw WaymarkError.conflict("\(line.label) has already been marked paid.")
            }
            fresh.paidOn = paidOn.iso
            fresh.paidBy = tx.personID
            try await fresh.update(on: tx.db)
            try await tx.audit("payment.paid", "payment_line", lineID.uuidString, before: line, after: paid)
            try await Notifier.send([WorkflowNotices.paymentMade(
                reference: loaded.record.reference, contractID: loaded.id, provider: loaded.record.providerOrganisationID, line: line.label,
                amount: line.amount, paidOn: paidOn, lineID: lineID, slug: tx.tenant.slug)], in: tx)
        }
        return []
    }
}
