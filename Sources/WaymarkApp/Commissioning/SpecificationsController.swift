import Fluent
import Vapor
import WaymarkDomain

/// Specifications: the list, the CSV, each specification's page and its status changes.
struct SpecificationsController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.specifications, .viewSpecifications, list)
        routes.get(SiteMap.Tenant.specificationsCSV, .viewSpecifications, csv)
        routes.get(SiteMap.Tenant.specificationNew, .editSpecifications, SpecificationForm.showNew)
        routes.post(SiteMap.Tenant.specificationNew, .editSpecifications, SpecificationForm.create)
        routes.get(SiteMap.Tenant.specification, .viewSpecifications, SpecificationPage.show)
        routes.get(SiteMap.Tenant.specificationEdit, .editSpecifications, SpecificationForm.showEdit)
        routes.get(SiteMap.Tenant.specificationPublication, .editSpecifications, PublicationPages.showSpecification)
        routes.post(SiteMap.Tenant.specificationPublication, .editSpecifications, PublicationPages.saveSpecification)
        routes.post(SiteMap.Tenant.specificationEdit, .editSpecifications, SpecificationForm.update)
        routes.post(SiteMap.Tenant.specificationStatus, .editSpecifications, SpecificationStatusChange.change)
        routes.post(SiteMap.Tenant.clarifications, .bidForWork, Clarifications.ask)
        routes.post(SiteMap.Tenant.clarificationAnswer, .editSpecifications, Clarifications.answer)
    }

    struct Row: Encodable {
        let title: String
        let href: String
        let status: String
        let statusTag: String
        let value: String
        /// Route codes, "WLV-01, WLV-02".
        let routes: String
        /// For sorting: the value in pence, the deadline as an instant, the service's first day.
        let valuePence: Int64
        let closesAt: Date
        let serviceStartISO: String
        /// Codes and names, for readers who do not know the codes (the public list).
        let routeNames: [String]
        let closing: String
        let servicePeriod: String
        let award: String?
    }

    struct ListPage: Encodable {
        let rows: [Row]
        let sortHeaders: [TableSort<Row>.Header]
        let canCreate: Bool
        let newHref: String
        let csvHref: String
        let publicHref: String
    }

    /// The specifications the context may see as they stood at `moment` (`Reading.moment`), each
    /// linked to `page` (the signed-in page, or the public one): one not yet written, or (to
    /// anyone but commissioners) not yet published, is left out.
    static func rows(_ context: TenantContext, at moment: Date, linkingTo page: PathTemplate = SiteMap.Tenant.specification) async throws -> [Row] {
        let routes = try await SpecificationQueries.routes(context)
        let awards = try await PublishedAward.bySpecification(context)
        return try await SpecificationQueries.list(context, at: moment).map { found in
            let spec = found.spec
            let status = found.status
            let covered = spec.routeIDs.compactMap { routes[$0] }
            return Row(title: spec.title, href: page.path(context.tenant.slug, spec.id.uuidString),
                       status: status.displayName, statusTag: SpecificationDisplay.tag(status), value: spec.totalValue.display,
                       routes: covered.map(\.code).joined(separator: ", "), valuePence: spec.totalValue.pence, closesAt: spec.closesAt,
                       serviceStartISO: spec.servicePeriod.start.iso, routeNames: covered.map { "\($0.code) \($0.name)" },
                       closing: spec.closing.display, servicePeriod: spec.servicePeriod.display,
                       award: awards[spec.id].flatMap { $0.decidedAt <= moment ? $0.text : nil })
        }
    }

    /// Latest closing first by default, as the list always read.
    static let columns: [TableSort<Row>.Column] = [
        .init(key: "specification", label: "Specification") { $0.title < $1.title },
        .init(key: "status", label: "Status") { $0.status < $1.status },
        .init(key: "routes", label: "Routes") { $0.routes < $1.routes },
        .init(key: "value", label: "Value", numeric: true) { $0.valuePence < $1.valuePence },
        .init(key: "closes", label: "Bids close") { $0.closesAt < $1.closesAt },
        .init(key: "service", label: "Service period") { $0.serviceStartISO < $1.serviceStartISO },
    ]

    func list(req: Request, context: TenantContext) async throws -> Response {
        let slug = context.tenant.slug
        let sort = TableSort<Row>(req, columns: Self.columns, defaultKey: "closes", defaultDescending: true)
        let page = ListPage(rows: sort.sorted(try await Self.rows(context, at: try req.reading().moment(now: req.now))), sortHeaders: sort.headers(req),
                            canCreate: context.can(.editSpecifications),
                            newHref: SiteMap.Tenant.specificationNew.path(slug), csvHref: SiteMap.Tenant.specificationsCSV.path(slug),
                            publicHref: SiteMap.Public.specifications.path(slug))
        return try await PageRenderer.render(req, "commissioning/specifications", title: "Specifications", page)
    }

    func csv(req: Request, context: TenantContext) async throws -> Response {
        let rows = try await Self.rows(context, at: try req.reading().moment(now: req.now))
        return CSVResponse.stream(headers: ["title", "status", "total_value", "routes", "closing_uk_time", "service_period"],
                                     rows: rows.map { [$0.title, $0.status, $0.value, $0.routes, $0.closing, $0.servicePeriod] }, filename: "\(context.tenant.slug)-specifications.csv")
    }
}

/// Moving a specification on: publish, close, begin evaluation, cancel. The domain says which
/// moves are allowed and when (`SpecificationRules.problems(moving:to:at:)`); the deadline is
/// judged on the application's clock.
enum SpecificationStatusChange {
    struct Form: Content {
        var to: String?
        var version: String?
    }

    @Sendable static func change(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        let form = try req.content.decode(Form.self)
        guard let next = form.to.flatMap(SpecificationStatus.init(rawValue:)), next != .awarded else {
            throw WaymarkError.badRequest("Choose a status to move the specification to")
        }
        guard let opened = form.version.flatMap(Int.init) else { throw WaymarkError.badRequest("The form was sent without its version") }
        let now = req.now
        // A published specification whose deadline has passed is closed, recorded or not.
        var spec = found.spec
        spec.status = spec.status(at: now)
        let problems = SpecificationRules.problems(moving: spec, to: next, at: now)
        guard problems.isEmpty else {
            return try await SpecificationPage.render(req, context, found,
                                                      errors: problems.map { .init(field: "status", message: $0.message) }, status: .unprocessableEntity)
        }
        let before = found.spec.status
        spec.status = next
        try await context.transaction { [spec] tx in
            try await VersionGuard.claim(table: SpecificationRecord.schema, id: spec.id, expected: opened, on: tx.db)
            guard let record = try await tx.find(SpecificationRecord.self, spec.id) else { throw WaymarkError.notFound }
            try record.store(spec, at: now)
            try await record.save(on: tx.db)
            try await tx.audit("specification.status", "specification", spec.id.uuidString,
                               before: ["status": before.rawValue], after: ["status": next.rawValue])
            switch next {
            case .published: try await Notifier.send([WorkflowNotices.specificationPublished(spec, slug: tx.tenant.slug)], in: tx)
            case .inEvaluation:
                let panel = try await BidQueries.panel(tx, specificationID: spec.id).assessorIDs
                try await Notifier.send(WorkflowNotices.bidsReadyToScore(spec, panel: panel, slug: tx.tenant.slug), in: tx)
            default: break
            }
        }
        let message = switch next {
        case .published: "Published. Providers can now read it and bid until \(spec.closing.display)."
        case .closed: "Closed for bids."
        case .inEvaluation: "Evaluation has begun: assessors can now declare conflicts and score."
        case .cancelled: "Cancelled."
        default: "Status changed."
        }
        return req.redirect(to: SiteMap.Tenant.specification.path(context.tenant.slug, spec.id.uuidString), flash: message)
    }
}
