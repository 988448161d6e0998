import Fluent
import Vapor
import WaymarkDomain

/// Recording a funding source, and correcting one. The form's own checks (a real
/// funder, a readable amount and dates) come first; then the domain's rules, so a source
/// is never saved over allocations it can no longer hold.
enum FundingSourceForm {
    struct Form: Content {
        var funder: String?
        var programme: String?
        var kind: String?
        var amount: String?
        var start_day: String?
        var end_day: String?
        var status: String?
        /// The day the source reached its status (a new source only); blank means today.
        var status_on: String?
        var restricted_authorities: [String]?
        var restricted_routes: String?
        var renewable: String?
        var reference: String?
        var conditions: String?
        var documents: String?
        var version: String?
    }

    struct Values: Encodable {
        var funder = "", programme = "", kind = "", amount = "", startDay = "", endDay = "", status = "pledged", statusOn = ""
        var restrictedAuthorities: [String] = []
        var restrictedRoutes = "", renewable = false, reference = "", conditions = "", documents = "", version = ""
    }

    struct Page: Encodable {
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        let heading: String
        let isNew: Bool
        let form: Values
        let funders: [Option]
        let kinds: [Option]
        let statuses: [Option]
        let authorities: [Option]
        let action: String
        let cancelHref: String
    }

    /// The audited shape of a source.
    struct Snapshot: Encodable, Equatable {
        let funder: String; let programme: String; let kind: String; let amount: String; let period: String
        let status: String; let restricted_authorities: [String]; let restricted_routes: [String]
        let renewable: Bool; let reference: String; let conditions: String; let documents: String
    }

    @Sendable static func showNew(req: Request, context: TenantContext) async throws -> Response {
        try await render(req, context, nil, Values(), [])
    }

    @Sendable static func showEdit(req: Request, context: TenantContext) async throws -> Response {
        let record = try await FundingQueries.source(context, id: req.parameters.get("id"))
        return try await render(req, context, record, try await currentValues(of: record, context), [])
    }

    /// The source's conditions and documents are free text, checked for personal data.
    private static func personalData(_ req: Request, _ values: Values) -> [FieldError] {
        PersonalDataGate.errors(req, [.init(field: "conditions", label: "The conditions", text: values.conditions),
                                      .init(field: "documents", label: "The documents", text: values.documents)])
    }

    @Sendable static func create(req: Request, context: TenantContext) async throws -> Response {
        let values = Values(try req.content.decode(Form.self))
        let parsed = try await FundingSourceParser.parse(values, context: context, existing: nil)
        let statusOn = EffectiveDay.parse(values.statusOn, today: Day(req.now, in: London.timeZone))
        let flagged = personalData(req, values)
        guard flagged.isEmpty, case .success(let draft) = parsed, case .success(let effective) = statusOn else {
            var errors = parsed.errors + flagged
            if case .failure(let problem) = statusOn { errors.append(.init(field: "status_on", message: problem.message)) }
            return try await render(req, context, nil, values, errors, status: .unprocessableEntity)
        }
        let record = try await context.transaction { tx in
            let record = try await FundingSourceRecord.insert(draft.source, funderID: draft.funderID, conditions: draft.conditions,
                                                              documents: draft.documents, in: tx, at: req.now, effective: effective)
            try await tx.audit("funding_source.created", "funding_source", record.id!.uuidString, after: draft.snapshot)
            return record
        }
        return req.redirect(to: SiteMap.Tenant.fundingSource.path(context.tenant.slug, record.id!.uuidString),
                            flash: "\(draft.source.label) recorded. Allocate it to routes below.")
    }

    @Sendable static func update(req: Request, context: TenantContext) async throws -> Response {
        let record = try await FundingQueries.source(context, id: req.parameters.get("id"))
        let values = Values(try req.content.decode(Form.self))
        let before = try await currentValues(of: record, context)
        let parsed = try await FundingSourceParser.parse(values, context: context, existing: record)
        let flagged = personalData(req, values)
        guard flagged.isEmpty, case .success(let draft) = parsed, let version = Int(values.version) else {
            return try await render(req, context, record, values, parsed.errors + flagged, status: .unprocessableEntity)
        }
        do {
            try await context.transaction { tx in
                try await VersionGuard.claim(table: FundingSourceRecord.schema, id: record.id!, expected: version, on: tx.db)
                // Checked again inside the transaction: an allocation added since the form
                // was checked must still fit.
                let problems = try await FundingSourceParser.allocationProblems(draft.source, context: tx)
                if let first = problems.first { throw WaymarkError.conflict(first.message) }
                record.assign(draft.source, funderID: draft.funderID, conditions: draft.conditions, documents: draft.documents)
                record.version = version + 1
                try await record.save(on: tx.db)
                try await tx.audit("funding_source.updated", "funding_source", record.id!.uuidString, before: before, after: draft.snapshot)
            }
        } catch WaymarkError.conflict(let message) {
            return try await render(req, context, record, values, [.init(field: "amount", message: message)], status: .conflict)
        }
        return req.redirect(to: SiteMap.Tenant.fundingSource.path(context.tenant.slug, record.id!.uuidString),
                            flash: "\(draft.source.label) saved.")
    }

    static func currentValues(of record: FundingSourceRecord, _ context: TenantContext) async throws -> Values {
        let restrictions = record.restrictions
        let authorities = try await context.query(LocalAuthority.self).all().filter { restrictions.localAuthorityIDs.contains($0.id!) }
        let routes = try await context.query(Route.self).all().filter { restrictions.routeIDs.contains($0.id!) }
        return Values(funder: record.funderOrganisationID.uuidString, programme: record.programme, kind: record.kind,
                      amount: record.amount.display, startDay: record.startDay, endDay: record.endDay, status: record.status,
                      restrictedAuthorities: authorities.map(\.gssCode).sorted(),
                      restrictedRoutes: routes.map(\.code).sorted().joined(separator: ", "), renewable: record.renewable,
                      reference: record.reference, conditions: record.conditions, documents: record.documents,
                      version: String(record.version))
    }

    static func render(_ req: Request, _ context: TenantContext, _ record: FundingSourceRecord?, _ values: Values,
                       _ errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug
        let organisations = try await context.query(Organisation.self).sort(\.$name).all()
            .filter { $0.organisationKind != .provider && (!$0.isRetired || $0.id!.uuidString == values.funder) }
        let authorities = try await context.query(LocalAuthority.self).sort(\.$name).all()
        let page = Page(
            heading: record == nil ? "Record a funding source" : "Change \(record!.programme)",
            isNew: record == nil, form: values,
            funders: organisations.map { .init(value: $0.id!.uuidString, label: $0.name, selected: $0.id!.uuidString == values.funder) },
            kinds: FundingSource.Kind.allCases.map { .init(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == values.kind) },
            statuses: FundingSource.Status.allCases.filter { $0 != .withdrawn }
                .map { .init(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == values.status) },
            authorities: authorities.map { .init(value: $0.gssCode, label: $0.name, selected: values.restrictedAuthorities.contains($0.gssCode)) },
            action: record.map { SiteMap.Tenant.fundingSourceEdit.path(slug, $0.id!.uuidString) } ?? SiteMap.Tenant.fundingSourceNew.path(slug),
            cancelHref: record.map { SiteMap.Tenant.fundingSource.path(slug, $0.id!.uuidString) } ?? SiteMap.Tenant.fundingSources.path(slug))
        return try await PageRenderer.render(req, "funding/source-form", title: page.heading, page, errors: errors, status: status)
    }
}

extension FundingSourceForm.Values {
    init(_ form: FundingSourceForm.Form) {
        self.init(funder: form.funder ?? "", programme: form.programme ?? "", kind: form.kind ?? "", amount: form.amount ?? "",
                  startDay: form.start_day ?? "", endDay: form.end_day ?? "", status: form.status ?? "",
                  restrictedAuthorities: form.restricted_authorities ?? [], restrictedRoutes: form.restricted_routes ?? "",
                  renewable: form.renewable == "yes", reference: form.reference ?? "", conditions: form.conditions ?? "",
                  documents: form.documents ?? "", version: form.version ?? "")
        statusOn = form.status_on ?? ""
    }
}
