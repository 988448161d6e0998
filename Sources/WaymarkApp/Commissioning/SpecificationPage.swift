import Fluent
import Vapor
import WaymarkDomain

/// A specification's page: what is asked for, the clarifications answered so far, and for each
/// role what it can do next — the commissioner's status buttons and evaluation links, the
/// provider's bid and questions, the assessor's declarations and scoring.
enum SpecificationPage {
    struct Action: Encodable { let to: String; let label: String; let warning: Bool }
    struct Link: Encodable { let label: String; let href: String }
    /// A question still waiting for an answer: the commissioner sees every one, a provider its own.
    struct Unanswered: Encodable {
        let id: String; let question: String; let askedOn: String; let answerAction: String?
        /// What the commissioner typed when the answer came back with a problem, and the problem.
        var typed = ""; var error: String? = nil
    }

    struct Page: Encodable {
        let id: String
        let facts: SpecificationFacts
        let version: Int
        let statusAction: String
        let actions: [Action]
        let links: [Link]
        let editHref: String?
        /// What the public site shows of it, and where a commissioner changes that.
        let publication: String?
        let publicationHref: String?
        var unanswered: [Unanswered]
        /// The question as typed, when it came back with a problem.
        var typedQuestion = ""
        let askAction: String?
        let backHref: String
    }

    /// As it stood on the day asked about (`as_of`); what can be done next is offered only today.
    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading()
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"), at: reading.moment(now: req.now))
        return try await render(req, context, found, errors: [], reading: reading)
    }

    /// `typed`: what a question or answer form sent ("question", "answer-<id>"), kept when it comes back.
    static func render(_ req: Request, _ context: TenantContext, _ found: SpecificationQueries.Found,
                       errors: [FieldError], status: HTTPStatus = .ok, reading: Reading? = nil,
                       typed: [String: String] = [:]) async throws -> Response {
        var page = try await build(req, context, found, reading: reading ?? .asOf(context.today))
        page.typedQuestion = typed["question"] ?? ""
        page.unanswered = page.unanswered.map { item in
            var item = item
            item.typed = typed["answer-\(item.id)"] ?? ""
            item.error = errors.first { $0.field == "answer-\(item.id)" }?.message
            return item
        }
        return try await PageRenderer.render(req, "commissioning/specification", title: found.spec.title, page, errors: errors, status: status)
    }

    static func build(_ req: Request, _ context: TenantContext, _ found: SpecificationQueries.Found, reading: Reading) async throws -> Page {
        let spec = found.spec, now = reading.moment(now: req.now), slug = context.tenant.slug, id = spec.id.uuidString
        let status = found.status, isPresent = reading.isPresent(now: req.now)
        let details = try await SpecificationDetails.load(context, spec, at: now)
        let canEdit = context.can(.editSpecifications) && isPresent
        let unanswered = try await context.query(ClarificationRecord.self).filter(\.$specificationID == spec.id)
            .filter(\.$askedAt <= now).sort(\.$askedAt).all()
            .filter { record in record.answeredAt.map { $0 > now } ?? true }
            .filter { context.mayRead(.clarification(askedBy: $0.askedByOrganisationID, answered: false)) }
            .map { record in
                Unanswered(id: record.id!.uuidString, question: record.question, askedOn: record.askedAt.londonDisplay,
                           answerAction: canEdit ? SiteMap.Tenant.clarificationAnswer.path(slug, id, record.id!.uuidString) : nil)
            }
        return Page(
            id: id, facts: SpecificationFacts(details, now: now), version: spec.version,
            statusAction: SiteMap.Tenant.specificationStatus.path(slug, id),
            actions: canEdit ? actions(status) : [],
            links: try await links(context, spec: spec, status: status, awarded: details.award != nil),
            editHref: canEdit && spec.status == .draft ? SiteMap.Tenant.specificationEdit.path(slug, id) : nil,
            publication: canEdit ? PublicationPages.describe(found.record) : nil,
            publicationHref: canEdit ? SiteMap.Tenant.specificationPublication.path(slug, id) : nil,
            unanswered: unanswered,
            askAction: context.can(.bidForWork) && status == .published && isPresent ? SiteMap.Tenant.clarifications.path(slug, id) : nil,
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
                              awarded: Bool) async throws -> [Link] {
        let slug = context.tenant.slug, id = spec.id.uuidString
        var links: [Link] = []
        if context.can(.bidForWork), status != .draft {
            links.append(.init(label: status == .published ? "Your organisation's bid" : "Your organisation's bid (read only)",
                               href: SiteMap.Tenant.ownBid.path(slug, id)))
            if awarded { links.append(.init(label: "Your scores and feedback", href: SiteMap.Tenant.feedback.path(slug, id))) }
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

    /// The award line (`PublishedAward.text`), public once decided.
    static func awardText(_ context: TenantContext, _ award: AwardRecord?) async throws -> String? {
        try await PublishedAward.load(context, award)?.text
    }
}
