import Fluent
import SQLKit
import Vapor
import WaymarkDomain

/// Making the contract from a specification's award: a form filled in from the winning bid,
/// and, once it passes `ContractRules`, the contract, its payment schedule and an audit entry
/// saved together — or nothing at all.
enum ContractFromAward {
    struct Page: Encodable {
        let fields: ContractFormFields
        let specificationTitle: String
        let action: String
        let cancelHref: String
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let choices = try await ContractFormChoices.load(context, specificationID: req.parameters.get("id"))
        let reference = try await suggestedReference(context, choices)
        return try await render(req, context, choices, ContractForm.suggested(choices, reference: reference), [])
    }

    @Sendable static func create(req: Request, context: TenantContext) async throws -> Response {
        let choices = try await ContractFormChoices.load(context, specificationID: req.parameters.get("id"))
        let values = try ContractForm.Values(req)
        let (contract, problems) = ContractForm.contract(values, choices: choices, id: UUID())
        var errors = problems
        let reference = values.reference.trimmed
        if !reference.isEmpty, try await context.query(ContractRecord.self).filter(\.$reference == reference).first() != nil {
            errors.insert(.init(field: "reference", message: "Another contract already has the reference \(reference): choose another"), at: 0)
        }
        guard errors.isEmpty, let contract else {
            return try await render(req, context, choices, values, errors, status: .unprocessableEntity)
        }
        let weighting = try await PaymentWeighting.weighting(context, for: contract.current)
        guard let lines = PaymentSchedule.quarterlyInArrears(for: contract, weighting: weighting) else {
            return try await render(req, context, choices, values,
                                    [.init(field: "end_day", message: "The payment schedule cannot be made for these dates and value")],
                                    status: .unprocessableEntity)
        }
        let now = req.now, specID = choices.specification.spec.id, awardID = choices.award.id!
        let title = values.title.trimmed
        try await context.transaction { tx in
            // Checked again inside the transaction, behind a lock on the award, so two
            // commissioners saving at once make one contract.
            try await lockAward(tx, id: awardID)
            try await ContractFormChoices.refuseSecondContract(tx, specificationID: specID)
            let record = try ContractRecord(tenantID: tx.tenantID, reference: reference, title: title, contract: contract,
                                            createdBy: tx.actor.label, at: now, letting: .awardedInWaymark)
            try await record.create(on: tx.db)
            for line in lines { try await PaymentLineRecord(tenantID: tx.tenantID, contractID: contract.id, line: line).create(on: tx.db) }
            try await tx.audit("contract.made", "contract", contract.id.uuidString,
                               after: ContractAudit(reference: reference, contract: contract, schedule: lines))
        }
        return req.redirect(to: SiteMap.Tenant.contract.path(context.tenant.slug, contract.id.uuidString),
                            flash: "Contract \(reference) made, with \(lines.count) quarterly payments in arrears.")
    }

    static func render(_ req: Request, _ context: TenantContext, _ choices: ContractFormChoices, _ values: ContractForm.Values,
                       _ errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug, specID = choices.specification.spec.id.uuidString
        let page = Page(fields: ContractFormFields(values, choices: choices, errors: errors),
                        specificationTitle: choices.specification.spec.title,
                        action: SiteMap.Tenant.contractFromAward.path(slug, specID), cancelHref: SiteMap.Tenant.specification.path(slug, specID))
        return try await PageRenderer.render(req, "contracts/from-award", title: "Make the contract", page, errors: errors, status: status)
    }

    /// Holds the award's row until the transaction ends (an UPDATE that changes nothing takes
    /// PostgreSQL's row lock; SQLite runs one writing transaction at a time anyway).
    private static func lockAward(_ context: TenantContext, id: UUID) async throws {
        guard let sql = context.db as? any SQLDatabase else { return }
        try await sql.update(AwardRecord.schema)
            .set(SQLIdentifier("winning_bid_id"), to: SQLIdentifier("winning_bid_id"))
            .where(SQLIdentifier("id"), .equal, SQLBind(id))
            .where(SQLIdentifier("tenant_id"), .equal, SQLBind(context.tenantID))
            .run()
    }

    /// "ST-WLV-2023-01": the initials of the specification's name (before any colon), the
    /// first route's area code, the start year, then the next free number.
    static func suggestedReference(_ context: TenantContext, _ choices: ContractFormChoices) async throws -> String {
        let spec = choices.specification.spec
        let name = spec.title.split(separator: ":").first.map(String.init) ?? spec.title
        let initials = String(name.split(separator: " ").compactMap(\.first).filter(\.isLetter).prefix(3)).uppercased()
        let area = choices.routes.first.map { String($0.code.prefix { $0 != "-" }) } ?? ""
        let stem = [initials, area, String(spec.goLive.year)].filter { !$0.isEmpty }.joined(separator: "-")
        let taken = Set(try await context.query(ContractRecord.self).all().map(\.reference))
        let number = (1...99).first { !taken.contains(stem + "-" + twoDigits($0)) } ?? 1
        return stem + "-" + twoDigits(number)
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

/// What the audit log keeps of a contract as made.
struct ContractAudit: Encodable {
    let reference: String
    let contract: Contract
    let schedule: [PaymentLine]
}
