import Fluent
import Vapor
import WaymarkDomain

extension BidForm {
    struct Page: Encodable {
        struct Option: Encodable { let value: String; let label: String; let checked: Bool; let href: String? }
        struct QuestionField: Encodable {
            let id: String; let number: Int; let text: String; let weight: String; let limit: String; let answer: String; let error: String?
        }
        struct RoutePriceField: Encodable { let code: String; let value: String; let error: String? }
        let specTitle: String
        let specHref: String
        let organisation: String
        let organisationID: String
        let otherOrganisations: [Option]
        let deadline: String
        let open: Bool
        let questions: [QuestionField]
        let routes: [Option]
        let perRoute: Bool
        let routePrices: [RoutePriceField]
        let asksSocialValue: Bool
        let socialValueWeight: String
        let form: BidFormValues
        let versions: [BidVersionLine]
        let draftNote: String?
        let canWithdraw: Bool
        let action: String
        let withdrawAction: String
        let submitted: BidContentView?
    }

    static func render(_ req: Request, _ context: TenantContext, _ found: SpecificationQueries.Found, organisation: Organisation,
                       loaded: BidQueries.Loaded?, values: BidFormValues, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let spec = found.spec, slug = context.tenant.slug, now = req.now
        let codes = try await SpecificationQueries.routeNames(context)
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let chosen = Set(values.routes ?? [])
        let bidHref = SiteMap.Tenant.ownBid.path(slug, spec.id.uuidString)
        let open = spec.bidWindow.isOpen(at: now) && spec.status == .published
        let latest = loaded?.bid.latest
        let page = Page(
            specTitle: spec.title, specHref: SiteMap.Tenant.specification.path(slug, spec.id.uuidString),
            organisation: organisation.name, organisationID: organisation.id!.uuidString,
            otherOrganisations: SpecificationQueries.providerOrganisations(context).filter { $0.id != organisation.id }.map {
                .init(value: $0.id!.uuidString, label: $0.name, checked: false, href: bidHref + "?organisation=\($0.id!.uuidString)")
            },
            deadline: SpecificationDisplay.deadline(spec, now: now), open: open,
            questions: spec.questions.enumerated().map { index, question in
                .init(id: question.id.uuidString, number: index + 1, text: question.text, weight: question.weight.percentText,
                      limit: question.characterLimit.formatted(), answer: values.answers?[question.id.uuidString] ?? "",
                      error: errorFor["answer-\(question.id.uuidString)"])
            },
            routes: spec.routeIDs.map { .init(value: $0.uuidString, label: codes[$0] ?? "?", checked: chosen.contains($0.uuidString), href: nil) },
            perRoute: spec.pricing == .perRoute,
            routePrices: spec.routeIDs.compactMap { codes[$0] }.map { .init(code: $0, value: values.prices?[$0] ?? "", error: errorFor["price-\($0)"]) },
            asksSocialValue: spec.criteria.socialValue.isPositive, socialValueWeight: spec.criteria.socialValue.percentText,
            form: values, versions: loaded.map { BidVersionLine.lines($0.bid, closesAt: spec.closesAt) } ?? [],
            draftNote: loaded?.record.draftSavedAt.map { "Draft saved \($0.londonDisplay) by \(loaded?.record.draftSavedBy ?? "")" },
            canWithdraw: open && latest != nil && latest?.withdrawnAt == nil,
            action: bidHref, withdrawAction: SiteMap.Tenant.ownBidWithdraw.path(slug, spec.id.uuidString),
            submitted: open ? nil : latest.map { BidContentView($0.content, spec: spec, codes: codes) })
        return try await PageRenderer.render(req, "commissioning/own-bid", title: "Your bid: \(spec.title)", page, errors: errors, status: status)
    }
}
