import Fluent
import Vapor
import WaymarkDomain

/// A partner offering money to routes in their area. The pledge is saved whole — its
/// source (status pledged, restricted to the pledged routes), one allocation per route
/// and the pledge itself — or not at all.
enum PledgeForm {
    struct Form: Content {
        var organisation: String?
        var programme: String?
        var start_day: String?
        var end_day: String?
        var note: String?
        var amounts: [String: String]?
    }

    struct Values: Encodable {
        var organisation = "", programme = "", startDay = "", endDay = "", note = ""
        var amounts: [String: String] = [:]
    }

    struct Page: Encodable {
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        struct RouteLine: Encodable {
            let code: String; let name: String; let funding: String; let fundingTag: String
            let fundedUntil: String; let amount: String; let error: String?
        }
        let form: Values
        let organisations: [Option]
        let chooseOrganisation: Bool
        let routes: [RouteLine]
        let action: String
        let cancelHref: String
        let asOf: String
    }

    /// The organisations a person pledges through: those they are a partner in.
    static func pledgingOrganisations(_ context: TenantContext) -> [Organisation] {
        context.organisations(as: .partner)
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        var values = Values()
        values.organisation = context.actingOrganisations(as: .partner).first?.id?.uuidString ?? ""
        return try await render(req, context, values, [])
    }

    @Sendable static func create(req: Request, context: TenantContext) async throws -> Response {
        let form = try req.content.decode(Form.self)
        let values = Values(organisation: form.organisation ?? "", programme: form.programme ?? "", startDay: form.start_day ?? "",
                            endDay: form.end_day ?? "", note: form.note ?? "",
                            amounts: (form.amounts ?? [:]).filter { !$0.value.trimmed.isEmpty })
        var errors: [FieldError] = []
        // One organisation needs no choosing: the form sends it hidden, and a bare post means it too.
        let choices = context.actingOrganisations(as: .partner)
        let organisation = choices.count == 1 && values.organisation.isEmpty
            ? choices.first : choices.first { $0.id?.uuidString == values.organisation }
        if organisation == nil { errors.append(.init(field: "organisation", message: "Choose the organisation making the pledge")) }
        let programme = values.programme.trimmed
        if programme.isEmpty { errors.append(.init(field: "programme", message: "Enter a name for the pledge, like Route continuation 2023 to 2024")) }
        let start = Day(entered: values.startDay), end = Day(entered: values.endDay)
        if start == nil { errors.append(.init(field: "start_day", message: "Enter the first day the money may pay for, like 2023-09-01")) }
        if end == nil { errors.append(.init(field: "end_day", message: "Enter the last day the money may pay for, like 2024-07-19")) }
        let period = start.flatMap { start in end.flatMap { DayRange(start: start, end: $0) } }
        if let start, let end, period == nil {
            errors.append(.init(field: "end_day", message: "The last day (\(end.display)) must be on or after the first (\(start.display))"))
        }
        // Only routes the partner can see: a code from elsewhere is refused by name, whole.
        let visible = Dictionary(uniqueKeysWithValues: try await RouteQueries.visibleRoutes(context).map { ($0.code, $0) })
        var lines: [PledgeRecording.Line] = []
        for (code, text) in values.amounts.sorted(by: { $0.key < $1.key }) {
            guard let route = visible[code] else {
                errors.append(.init(field: "routes", message: "You can pledge only to routes in your area; \(code) is not one of them"))
                continue
            }
            guard let amount = Money(parsing: text), amount.isPositive else {
                errors.append(.init(field: "amount-\(code)", message: "Enter the amount for \(code) in pounds, more than £0, like 12,500"))
                continue
            }
            lines.append(.init(route: route, amount: amount))
        }
        if values.amounts.isEmpty { errors.append(.init(field: "routes", message: "Enter an amount for at least one route")) }
        // The lines are judged whether or not the dates could be read (a stand-in day for the
        // period then), so every problem shows at once.
        let now = AppClock.shared.now()
        var draft: PledgeRecording.Draft?
        if let organisation {
            let (made, problems) = PledgeRecording.draft(organisation: organisation, programme: programme,
                                                         period: period ?? DayRange(start: context.today, end: context.today)!,
                                                         note: values.note.trimmed, lines: lines, at: now)
            errors += problems.map { .init(field: "amount-\($0.code)", message: $0.problem.message) }
            draft = made
        }
        if values.note.count > 2_000 { errors.append(.init(field: "note", message: "The note must be 2,000 characters or fewer")) }
        errors += PersonalDataGate.errors(req, [.init(field: "note", label: "The note", text: values.note)])
        guard errors.isEmpty, period != nil, let draft else {
            return try await render(req, context, values, errors, status: .unprocessableEntity)
        }
        let pledge = try await context.transaction { tx in
            let pledge = try await PledgeRecording.save(draft, in: tx, audit: "pledge.made", at: now)
            try await Notifier.send([WorkflowNotices.pledgeMade(pledge, organisation: draft.organisation.name, programme: draft.source.programmeName,
                                                                amount: draft.source.amount, slug: tx.tenant.slug)], in: tx)
            return pledge
        }
        return req.redirect(to: SiteMap.Tenant.pledge.path(context.tenant.slug, pledge.id!.uuidString),
                            flash: "Pledge of \(draft.source.amount.display) sent to the commissioner. It counts in projected coverage until they decide.")
    }

    static func render(_ req: Request, _ context: TenantContext, _ values: Values, _ errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug
        let asOf = AppClock.shared.today
        let routes = try await RouteQueries.visibleRoutes(context).filter { $0.routeStatus == .active }
        let coverage = try await CoverageLoader.load(context, routes: routes, asOf: asOf)
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let organisations = context.actingOrganisations(as: .partner)
        let page = Page(
            form: values,
            organisations: organisations.map { .init(value: $0.id!.uuidString, label: $0.name, selected: $0.id!.uuidString == values.organisation) },
            chooseOrganisation: organisations.count > 1,
            routes: routes.map { route in
                let report = coverage.status(of: route.id)
                return .init(code: route.code, name: route.name, funding: report?.status.displayName ?? "",
                             fundingTag: report.map { FundingDisplay.tag($0.status) } ?? "wm-tag--grey",
                             fundedUntil: report?.projectedFundedUntil?.display ?? "Not funded",
                             amount: values.amounts[route.code] ?? "", error: errorFor["amount-\(route.code)"])
            },
            action: SiteMap.Tenant.pledgeNew.path(slug), cancelHref: SiteMap.Tenant.pledges.path(slug), asOf: asOf.display)
        return try await PageRenderer.render(req, "funding/pledge-form", title: "Pledge money to routes", page, errors: errors, status: status)
    }
}
