import Fluent
import Vapor
import WaymarkDomain

/// Approving a variation: the commissioner fills in one kind's form; once `VariationRules`
/// and the re-planned payment schedule both allow it, the variation, the new schedule and an
/// audit entry are saved together, against the contract's version the form was opened at.
enum ContractVariations {
    struct Page: Encodable {
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        struct RouteValue: Encodable { let code: String; let value: String; let note: String?; let error: String? }
        let kind: String
        let heading: String
        let effectiveLabel: String
        let effectiveHint: String
        let form: VariationForm.Values
        let reference: String
        let currentEnd: String
        let isExtend: Bool
        let isValues: Bool
        let isAddRoute: Bool
        let isRemoveRoute: Bool
        let routeOptions: [Option]
        let routeValues: [RouteValue]
        let action: String
        let cancelHref: String
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let kind = try VariationKind.from(req)
        let loaded = try await ContractQueries.find(context, id: req.parameters.get("id"))
        try refuseIfTerminated(loaded.contract)
        let routes = try await context.query(Route.self).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0.code) })
        return try await render(req, context, kind, loaded, routes, VariationForm.opened(loaded, routeNames: names), [])
    }

    @Sendable static func create(req: Request, context: TenantContext) async throws -> Response {
        let form = try req.content.decode(VariationForm.Form.self)
        guard let kind = form.kind.flatMap(VariationKind.init(rawValue:)) else { throw WaymarkError.badRequest("Choose what kind of variation to make") }
        let loaded = try await ContractQueries.find(context, id: req.parameters.get("id"))
        let routes = try await context.query(Route.self).sort(\.$code).all()
        let names = Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0.code) })
        let values = VariationForm.Values(form)
        func refuse(_ errors: [FieldError]) async throws -> Response {
            try await render(req, context, kind, loaded, routes, values, errors, status: .unprocessableEntity)
        }
        // A form opened before someone else's change is refused before it is judged against
        // terms its author never saw; the claim below catches the change made meanwhile.
        guard let expected = Int(values.version), expected == loaded.record.version else {
            throw WaymarkError.conflict(VersionGuard.conflictMessage)
        }
        let (parsed, formErrors) = VariationForm.variation(kind, values, contract: loaded.contract, routes: routes,
                                                           approver: context.personID, now: req.now)
        // Every problem at once: what the form shows, what the rules say of the variation, and
        // the reason's personal data.
        var errors = formErrors
        if let parsed {
            errors += VariationRules.problems(parsed, to: loaded.contract, routeNames: names).map { .init(field: kind.field(of: $0.field), message: $0.message) }
        } else {
            // The change could not be read whole, but the reason can be judged all the same.
            let probe = ContractVariation(change: .terminate, reason: values.reason.trimmed, effective: loaded.contract.current.start,
                                          approvedBy: context.personID, approvedAt: req.now)
            errors += VariationRules.problems(probe, to: loaded.contract, routeNames: names).filter { $0.field == .reason }
                .map { .init(field: kind.field(of: $0.field), message: $0.message) }
        }
        errors += PersonalDataGate.errors(req, [.init(field: "reason", label: "The reason", text: values.reason)])
        guard let variation = parsed, errors.isEmpty else { return try await refuse(errors) }
        var varied = loaded.contract
        varied.variations.append(variation)
        let terms = varied.current
        let weighting = try await PaymentWeighting.weighting(context, for: terms)
        guard let period = terms.period else { return try await refuse([.init(field: "effective_day", message: "The contract would end before it starts")]) }
        let schedule: [PaymentLine]
        switch PaymentSchedule.replanned(loaded.lines.compactMap(\.line), value: terms.value, period: period, weighting: weighting) {
        case .failure(let problem): return try await refuse([.init(field: kind.field(of: problem.field), message: problem.message)])
        case .success(let lines): schedule = lines
        }
        let contractID = loaded.id, sequence = loaded.contract.variations.count + 1
        let before = ContractAudit(reference: loaded.record.reference, contract: loaded.contract, schedule: loaded.lines.compactMap(\.line))
        let after = ContractAudit(reference: loaded.record.reference, contract: varied, schedule: schedule)
        try await context.transaction { tx in
            try await VersionGuard.claim(table: ContractRecord.schema, id: contractID, expected: expected, on: tx.db)
            try await ContractVariationRecord(tenantID: tx.tenantID, contractID: contractID, sequence: sequence, variation: variation).create(on: tx.db)
            try await PaymentLinesWriting.replace(tx, contractID: contractID, with: schedule)
            try await tx.audit("contract.varied", "contract", contractID.uuidString, before: before, after: after)
            try await Notifier.send([WorkflowNotices.contractVaried(
                reference: loaded.record.reference, contractID: contractID, provider: loaded.record.providerOrganisationID,
                change: variation.change.displayName.lowercased(), effective: variation.effective, sequence: sequence, slug: tx.tenant.slug)], in: tx)
        }
        return req.redirect(to: SiteMap.Tenant.contract.path(context.tenant.slug, contractID.uuidString),
                            flash: "\(variation.change.displayName) approved from \(variation.effective.display). "
                                + "The payment schedule now has \(schedule.count) payments.")
    }

    static func refuseIfTerminated(_ contract: Contract) throws {
        let terms = contract.current
        if terms.terminated { throw WaymarkError.conflict("The contract was terminated on \(terms.end.display); it cannot be varied.") }
    }

    static func render(_ req: Request, _ context: TenantContext, _ kind: VariationKind, _ loaded: ContractQueries.Loaded, _ routes: [Route],
                       _ values: VariationForm.Values, _ errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug, id = loaded.id.uuidString
        let terms = loaded.contract.current
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let onContract = Set(terms.routes.map(\.routeID))
        let served = Set(terms.routes.filter { $0.until == nil }.map(\.routeID))
        let offered = routes.filter { kind == .addRoute ? !onContract.contains($0.id!) : served.contains($0.id!) }
        let page = Page(
            kind: kind.rawValue, heading: kind.heading, effectiveLabel: kind.effectiveLabel, effectiveHint: kind.effectiveHint,
            form: values, reference: loaded.record.reference, currentEnd: terms.end.display,
            isExtend: kind == .extend, isValues: kind == .values, isAddRoute: kind == .addRoute, isRemoveRoute: kind == .removeRoute,
            routeOptions: offered.map { .init(value: $0.code, label: "\($0.code) \($0.name)", selected: $0.code == values.route) },
            routeValues: routes.compactMap { route in
                guard let line = terms.route(route.id!) else { return nil }
                return .init(code: route.code, value: values.values[route.code] ?? "",
                             note: line.until.map { "Removed: last served \($0.display)" }, error: errorFor["value-\(route.code)"])
            },
            action: SiteMap.Tenant.contractVariationNew.path(slug, id), cancelHref: SiteMap.Tenant.contract.path(slug, id))
        return try await PageRenderer.render(req, "contracts/variation-form", title: kind.heading, page, errors: errors, status: status)
    }
}
