import Fluent
import Vapor
import WaymarkDomain

/// A specification's page: what is asked for, the clarifications answered so far, and for each
/// role what it can do next — the commissioner's status buttons and evaluation links, the
/// provider's bid and questions, the assessor's declarations and scoring.
enum SpecificationPage {
    struct Action: Encodable { let to: String; let label: String; let warning: Bool }
    struct Link: Encodable { let label: String; let href: String }
    struct Clarification: Encodable {
        let id: String; let question: String; let answer: String?; let askedOn: String; let answeredOn: String?
        let answerAction: String?
    }

    struct Page: Encodable {
        let id: String
        let title: String
        let status: String
        let statusTag: String
        let deadline: String
        let context: String
        let servicesRequired: String
        let authorities: String
        let servicePeriod: String
        let goLive: String
        let termTime: String
        let totalValue: String
        let split: String
        let pricing: String
        let routes: [SpecificationDisplay.RouteLine]
        let criteria: String
        let formula: String
        let questions: [SpecificationDisplay.QuestionLine]
        let scale: [String]
        let kpis: [String]
        let attachments: [String]
        let version: Int
        let statusAction: String
        let actions: [Action]
        let links: [Link]
        let editHref: String?
        let answered: [Clarification]
        let unanswered: [Clarification]
        let askAction: String?
        let awardText: String?
        let backHref: String
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        return try await render(req, context, found, errors: [])
    }

    static func render(_ req: Request, _ context: TenantContext, _ found: SpecificationQueries.Found,
                       errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let page = try await build(req, context, found)
        return try await PageRenderer.render(req, "commissioning/specification", title: found.spec.title, page, errors: errors, status: status)
    }

    static func build(_ req: Request, _ context: TenantContext, _ found: SpecificationQueries.Found) async throws -> Page {
        let spec = found.spec, now = req.now, slug = context.tenant.slug, id = spec.id.uuidString
        let status = spec.status(at: now)
        let routes = Dictionary(uniqueKeysWithValues: try await context.query(Route.self).all().map { ($0.id!, $0) })
        let authorities = try await context.query(LocalAuthority.self).all().filter { spec.localAuthorityIDs.contains($0.id!) }
        let canEdit = context.can(.editSpecifications)
        let clarifications = try await context.query(ClarificationRecord.self).filter(\.$specificationID == spec.id).sort(\.$askedAt).all()
        let ownOrganisations = Set(SpecificationQueries.providerOrganisations(context).map { $0.id! })
        func clarification(_ record: ClarificationRecord) -> Clarification {
            Clarification(id: record.id!.uuidString, question: record.question, answer: record.answer,
                          askedOn: record.askedAt.londonDisplay, answeredOn: record.answeredAt?.londonDisplay,
                          answerAction: canEdit && record.answer == nil
                              ? SiteMap.Tenant.clarificationAnswer.path(slug, id, record.id!.uuidString) : nil)
        }
        let answered = clarifications.filter { $0.answer != nil }.map(clarification)
        // Unanswered questions: the commissioner sees all of them; a provider only its own organisation's.
        let unanswered = clarifications.filter { $0.answer == nil && (canEdit || ownOrganisations.contains($0.askedByOrganisationID)) }
            .map(clarification)
        let award = try await BidQueries.award(context, specificationID: spec.id)
        return Page(
            id: id, title: spec.title, status: status.displayName, statusTag: SpecificationDisplay.tag(status),
            deadline: SpecificationDisplay.deadline(spec, now: now), context: spec.context, servicesRequired: spec.servicesRequired,
            authorities: authorities.map(\.name).sorted().joined(separator: ", "), servicePeriod: spec.servicePeriod.display,
            goLive: spec.goLive.display, termTime: spec.termTimeDelivery ? "Yes: school days only" : "No: all year",
            totalValue: spec.totalValue.display, split: SpecificationDisplay.splitText(spec),
            pricing: SpecificationDisplay.pricingText(spec.pricing), routes: SpecificationDisplay.routeLines(spec, routes: routes),
            criteria: SpecificationDisplay.criteriaText(spec.criteria), formula: spec.criteria.priceFormula.displayName,
            questions: SpecificationDisplay.questionLines(spec),
            scale: spec.scale.labels.enumerated().map { "\($0.offset): \($0.element)" },
            kpis: spec.kpis, attachments: spec.attachments, version: spec.version,
            statusAction: SiteMap.Tenant.specificationStatus.path(slug, id),
            actions: canEdit ? actions(status) : [],
            links: try await links(context, spec: spec, status: status, award: award, now: now),
            editHref: canEdit && spec.status == .draft ? SiteMap.Tenant.specificationEdit.path(slug, id) : nil,
            answered: answered, unanswered: unanswered,
            askAction: context.can(.bidForWork) && status == .published ? SiteMap.Tenant.clarifications.path(slug, id) : nil,
            awardText: try await awardText(context, award),
            backHref: SiteMap.Tenant.specifications.path(slug))
    }

    private static func actions(_ status: SpecificationStatus) -> [Action] {
        status.nextStatuses.filter { $0 != .awarded }.map { next in
            let label = switch next {
            case .published: "Publish"
            case .closed: "Close for bids"
            case .inEvaluation: "Begin evaluation"
            case .cancelled: "Cancel the specification"
            default: next.displayName
            }
            return Action(to: next.rawValue, label: label, warning: next == .cancelled)
        }
    }

    private static func links(_ context: TenantContext, spec: Specification, status: SpecificationStatus,
                              award: AwardRecord?, now: Date) async throws -> [Link] {
        let slug = context.tenant.slug, id = spec.id.uuidString
        var links: [Link] = []
        if context.can(.bidForWork), status != .draft {
            links.append(.init(label: status == .published ? "Your organisation's bid" : "Your organisation's bid (read only)",
                               href: SiteMap.Tenant.ownBid.path(slug, id)))
            if award != nil { links.append(.init(label: "Your scores and feedback", href: SiteMap.Tenant.feedback.path(slug, id))) }
        }
        if context.can(.runEvaluations), status != .draft {
            links.append(.init(label: "Bids received", href: SiteMap.Tenant.bids.path(slug, id)))
            links.append(.init(label: "Evaluation panel", href: SiteMap.Tenant.panel.path(slug, id)))
            if [.inEvaluation, .awarded].contains(status) {
                links.append(.init(label: "Ranking and award", href: SiteMap.Tenant.ranking.path(slug, id)))
            }
        }
        if context.can(.scoreBids), [.closed, .inEvaluation, .awarded].contains(status) {
            let onPanel = try await context.query(PanelAssessorRecord.self).filter(\.$specificationID == spec.id)
                .filter(\.$personID == context.personID).first() != nil
            if onPanel {
                links.append(.init(label: "Declare conflicts of interest", href: SiteMap.Tenant.declarations.path(slug, id)))
                links.append(.init(label: "Bids to score", href: SiteMap.Tenant.bids.path(slug, id)))
            }
        }
        return links
    }

    /// "Awarded to Lanternway Youth Trust for £89,400.00 on 21 Jul 2023": public once decided.
    static func awardText(_ context: TenantContext, _ award: AwardRecord?) async throws -> String? {
        guard let award, let bid = try await context.find(BidRecord.self, award.winningBidID),
              let organisation = try await context.find(Organisation.self, bid.providerOrganisationID) else { return nil }
        let versions = try await context.query(BidVersionRecord.self).filter(\.$bidID == bid.id!).all()
        let spec = try await context.find(SpecificationRecord.self, award.specificationID)?.specification
        let price = try spec.flatMap { try bid.bid(versions: versions).counted(closesAt: $0.closesAt)?.content.price.total }
        return "Awarded to \(organisation.name)\(price.map { " for \($0.display)" } ?? "") on \(LondonWallTime(award.decidedAt).day.display)"
    }
}
