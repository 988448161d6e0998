import Fluent
import Vapor
import WaymarkDomain

/// Allocating part of a source to a route, changing an allocation, removing one. The
/// domain's `FundingSource.problems(with:existing:routeLocalAuthorityID:)` decides; it is
/// asked again inside the transaction that saves, after taking the source's row, so two
/// people allocating from one source at once cannot together exceed it.
enum AllocationForm {
    struct Form: Content {
        var route: String?
        var amount: String?
        var start_day: String?
        var end_day: String?
        /// The day it was agreed; blank means today.
        var agreed_on: String?
    }

    struct Values: Encodable {
        var route = "", amount = "", startDay = "", endDay = "", agreedOn = ""
    }

    struct Page: Encodable {
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        let heading: String
        let sourceLabel: String
        let sourcePeriod: String
        let sourceLeft: String
        let form: Values
        let routes: [Option]
        let action: String
        let cancelHref: String
        let isNew: Bool
    }

    struct Snapshot: Encodable {
        let source: String; let route: String; let amount: String; let period: String; var agreed_on: String? = nil
    }

    @Sendable static func showNew(req: Request, context: TenantContext) async throws -> Response {
        let record = try await FundingQueries.source(context, id: req.parameters.get("id"))
        let values = Values(startDay: record.startDay, endDay: record.endDay)
        return try await render(req, context, record, nil, values, [])
    }

    @Sendable static func showEdit(req: Request, context: TenantContext) async throws -> Response {
        let (record, allocation) = try await find(req, context)
        let route = try await context.find(Route.self, allocation.routeID)
        let values = Values(route: route?.code ?? "", amount: allocation.domain.amount.display,
                            startDay: allocation.startDay, endDay: allocation.endDay, agreedOn: allocation.agreedOn.iso)
        return try await render(req, context, record, allocation, values, [])
    }

    @Sendable static func create(req: Request, context: TenantContext) async throws -> Response {
        let record = try await FundingQueries.source(context, id: req.parameters.get("id"))
        return try await save(req, context, record, nil)
    }

    @Sendable static func update(req: Request, context: TenantContext) async throws -> Response {
        let (record, allocation) = try await find(req, context)
        return try await save(req, context, record, allocation)
    }

    @Sendable static func remove(req: Request, context: TenantContext) async throws -> Response {
        let (record, allocation) = try await find(req, context)
        let route = try await context.find(Route.self, allocation.routeID)
        let snapshot = Snapshot(source: record.programme, route: route?.code ?? "", amount: allocation.domain.amount.decimalString,
                                period: allocation.domain.period.display)
        try await context.transaction { tx in
            try await allocation.delete(on: tx.db)
            try await tx.audit("allocation.removed", "allocation", allocation.id!.uuidString, before: snapshot)
        }
        return req.redirect(to: SiteMap.Tenant.fundingSource.path(context.tenant.slug, record.id!.uuidString),
                            flash: "Allocation of \(allocation.domain.amount.display) to \(route?.code ?? "the route") removed.")
    }

    private static func find(_ req: Request, _ context: TenantContext) async throws -> (FundingSourceRecord, AllocationRecord) {
        let record = try await FundingQueries.source(context, id: req.parameters.get("id"))
        guard let raw = req.parameters.get("allocation"), let id = UUID(uuidString: raw),
              let allocation = try await context.find(AllocationRecord.self, id), allocation.sourceID == record.id else {
            throw WaymarkError.notFound
        }
        return (record, allocation)
    }

    private static func save(_ req: Request, _ context: TenantContext, _ record: FundingSourceRecord,
                             _ existing: AllocationRecord?) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let values = Values(route: form.route ?? "", amount: form.amount ?? "", startDay: form.start_day ?? "", endDay: form.end_day ?? "",
                            agreedOn: form.agreed_on ?? "")
        var errors: [FieldError] = []
        var agreedOn = Day(req.now, in: London.timeZone)
        switch EffectiveDay.parse(values.agreedOn, today: agreedOn) {
        case .success(let day): agreedOn = day
        case .failure(let problem): errors.append(.init(field: "agreed_on", message: problem.message))
        }
        let route = try await RouteQueries.visibleRoutes(context).first { $0.code == values.route }
        if route == nil { errors.append(.init(field: "route", message: "Choose the route the money is for")) }
        let amount = Money(parsing: values.amount)
        if amount == nil { errors.append(.init(field: "amount", message: "Enter the amount in pounds, like £12,500 or 12500.00")) }
        let start = Day(entered: values.startDay), end = Day(entered: values.endDay)
        if start == nil { errors.append(.init(field: "start_day", message: "Enter the first day the allocation may pay for, like 2022-11-01")) }
        if end == nil { errors.append(.init(field: "end_day", message: "Enter the last day the allocation may pay for, like 2023-07-21")) }
        let period = start.flatMap { start in end.flatMap { DayRange(start: start, end: $0) } }
        if let start, let end, period == nil {
            errors.append(.init(field: "end_day", message: "The last day (\(end.display)) must be on or after the first (\(start.display))"))
        }
        // With the route known, the source's rules judge the rest at once, whatever else could not
        // be read (a stand-in amount or period then, whose rules are left out).
        if !errors.isEmpty, let route {
            let probe = Allocation(id: existing?.id ?? UUID(), sourceID: record.id!, routeID: route.id!, amount: amount ?? Money(pence: 1),
                                   period: period ?? record.domain(funderName: "").period, enteredAt: req.now, agreedOn: agreedOn)
            errors += try await Self.problems(probe, source: record, agreedOn: agreedOn, route: route, in: context)
                .filter { ($0.field != .amount || amount != nil) && ($0.field != .period || period != nil) }
                .map(fieldError)
        }
        guard errors.isEmpty, let route, let amount, let period else {
            return try await render(req, context, record, existing, values, errors, status: .unprocessableEntity)
        }
        let allocation = Allocation(id: existing?.id ?? UUID(), sourceID: record.id!, routeID: route.id!, amount: amount,
                                    period: period, enteredAt: existing?.enteredAt ?? req.now, agreedOn: agreedOn)
        let snapshot = Snapshot(source: record.programme, route: route.code, amount: amount.decimalString, period: period.display,
                                agreed_on: agreedOn.iso)
        let before = try await existing.asyncFlatMap { existing in
            Snapshot(source: record.programme, route: try await context.find(Route.self, existing.routeID)?.code ?? "",
                     amount: existing.domain.amount.decimalString, period: existing.domain.period.display)
        }
        do {
            try await context.transaction { tx in
                guard let current = try await tx.find(FundingSourceRecord.self, record.id) else { throw WaymarkError.notFound }
                // Taking the source's row serialises allocations from it (see the type's comment).
                try await VersionGuard.claim(table: FundingSourceRecord.schema, id: current.id!, expected: current.version, on: tx.db)
                let problems = try await Self.problems(allocation, source: current, agreedOn: agreedOn, route: route, in: tx)
                guard problems.isEmpty else { throw AllocationRefused(problems: problems) }
                if let existing {
                    existing.routeID = route.id!
                    existing.amountPence = amount.pence
                    existing.startDay = period.start.iso
                    existing.endDay = period.end.iso
                    existing.agreedOnText = agreedOn.iso
                    existing.version += 1
                    try await existing.save(on: tx.db)
                    try await tx.audit("allocation.updated", "allocation", existing.id!.uuidString, before: before, after: snapshot)
                } else {
                    let new = AllocationRecord(tenantID: tx.tenantID, sourceID: current.id!, routeID: route.id!, amount: amount,
                                               period: period, enteredAt: allocation.enteredAt, agreedOn: agreedOn)
                    new.id = allocation.id
                    try await new.create(on: tx.db)
                    try await tx.audit("allocation.created", "allocation", new.id!.uuidString, after: snapshot)
                }
            }
        } catch let refused as AllocationRefused {
            return try await render(req, context, record, existing, values, refused.problems.map(fieldError), status: .unprocessableEntity)
        } catch WaymarkError.conflict(let message) {
            return try await render(req, context, record, existing, values, [.init(field: "amount", message: message)], status: .conflict)
        }
        return req.redirect(to: SiteMap.Tenant.fundingSource.path(context.tenant.slug, record.id!.uuidString),
                            flash: "\(amount.display) allocated to \(route.code) for \(period.display).")
    }

    struct AllocationRefused: Error { let problems: [AllocationProblem] }

    /// The source's rules for `allocation`, as the source stood on the day it was agreed, beside
    /// the allocations it already holds.
    static func problems(_ allocation: Allocation, source record: FundingSourceRecord, agreedOn: Day, route: Route,
                         in context: TenantContext) async throws -> [AllocationProblem] {
        let stored = try await FundingQueries.allocations(context, sourceID: record.id!).map(\.domain)
        var source = record.domain(funderName: "")
        let changes = try await context.query(FundingStatusChange.self).filter(\.$sourceID == record.id!).all()
        source.status = FundingStatusChanging.status(on: agreedOn, history: FundingStatusChanging.history(changes), otherwise: source.status)
        return source.problems(with: allocation, existing: stored, routeLocalAuthorityID: route.localAuthorityID)
    }

    static func fieldError(_ problem: AllocationProblem) -> FieldError {
        switch problem.field {
        case .source, .route: .init(field: "route", message: problem.message)
        case .amount: .init(field: "amount", message: problem.message)
        case .period: .init(field: "start_day", message: problem.message)
        }
    }

    static func render(_ req: Request, _ context: TenantContext, _ record: FundingSourceRecord, _ existing: AllocationRecord?,
                       _ values: Values, _ errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug, id = record.id!.uuidString
        let routes = try await RouteQueries.visibleRoutes(context)
        let allocated = Money.sum(try await FundingQueries.allocations(context, sourceID: record.id!).map(\.domain.amount)) ?? .zero
        let left = record.amount - allocated
        let page = Page(
            heading: existing == nil ? "Allocate money to a route" : "Change an allocation",
            sourceLabel: record.programme, sourcePeriod: record.period.display,
            sourceLeft: left.isPositive ? left.display : "£0.00", form: values,
            routes: routes.map { .init(value: $0.code, label: "\($0.code) \($0.name)", selected: $0.code == values.route) },
            action: existing.map { SiteMap.Tenant.allocationEdit.path(slug, id, $0.id!.uuidString) } ?? SiteMap.Tenant.allocationNew.path(slug, id),
            cancelHref: SiteMap.Tenant.fundingSource.path(slug, id), isNew: existing == nil)
        return try await PageRenderer.render(req, "funding/allocation-form", title: page.heading, page, errors: errors, status: status)
    }
}
