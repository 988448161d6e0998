import Fluent
import Vapor
import WaymarkDomain

/// The ranking with every step of its working, the award, and each bidder's own feedback.
enum RankingPages {
    struct Line: Encodable {
        let rank: String; let bidID: String; let provider: String; let price: String
        let quality: String; let priceScore: String; let socialValue: String; let total: String
        let tieBreak: String?; let working: [String]
    }
    struct Page: Encodable {
        let specTitle: String; let specHref: String; let bidsHref: String
        let problems: [String]; let lines: [Line]; let csvHref: String?
        let awardAction: String?; let winnerID: String?; let winnerName: String?; let reasons: String
        let awardText: String?; let awardReasons: String?; let contractHref: String?
        /// The contract made from the award, once it exists: the page links to it instead.
        let madeContractHref: String?; let madeContractReference: String?
    }

    static func outcome(_ state: EvaluationState, context: TenantContext) async throws -> RankingOutcome {
        Scoring.rank(state.forScoring, agreed: try await BidQueries.moderated(context, specificationID: state.spec.id), for: state.spec)
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        try await render(req, context, try await EvaluationState.load(req, context), reasons: "", errors: [])
    }

    static func render(_ req: Request, _ context: TenantContext, _ state: EvaluationState, reasons: String, errors: [FieldError],
                       status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug, id = state.spec.id.uuidString
        guard [.inEvaluation, .awarded].contains(state.status) else {
            throw WaymarkError.conflict("The ranking is made once evaluation has begun; this specification is \(state.status.displayName.lowercased()).")
        }
        var problems: [String] = [], lines: [Line] = []
        var first: RankedBid?
        let made = try await context.query(ContractRecord.self).filter(\.$specificationID == state.spec.id).first()
        switch try await outcome(state, context: context) {
        case .incomplete(let found): problems = found.map(\.message)
        case .ranked(let ranking):
            first = ranking.first
            lines = ranking.bids.map { ranked in
                let evaluation = ranked.evaluation
                return Line(rank: "\(ranked.rank)", bidID: evaluation.bid.bidID.uuidString, provider: evaluation.bid.providerName,
                            price: evaluation.bid.price.display, quality: evaluation.quality.display,
                            priceScore: evaluation.price.points.display, socialValue: evaluation.socialValue?.points.display ?? "—",
                            total: evaluation.total.display, tieBreak: ranked.tieBreak, working: evaluation.working)
            }
        }
        let award = try await BidQueries.award(context, specificationID: state.spec.id)
        let canAward = award == nil && state.status == .inEvaluation && first != nil
        let page = Page(
            specTitle: state.spec.title, specHref: SiteMap.Tenant.specification.path(slug, id), bidsHref: SiteMap.Tenant.bids.path(slug, id),
            problems: problems, lines: lines, csvHref: lines.isEmpty ? nil : SiteMap.Tenant.rankingCSV.path(slug, id),
            awardAction: canAward ? SiteMap.Tenant.award.path(slug, id) : nil,
            winnerID: first?.evaluation.bid.bidID.uuidString, winnerName: first?.evaluation.bid.providerName, reasons: reasons,
            awardText: try await SpecificationPage.awardText(context, award), awardReasons: award?.reasons,
            contractHref: award == nil || made != nil ? nil : SiteMap.Tenant.contractFromAward.path(slug, id),
            madeContractHref: made.map { SiteMap.Tenant.contract.path(slug, $0.id!.uuidString) }, madeContractReference: made?.reference)
        return try await PageRenderer.render(req, "commissioning/ranking", title: "Ranking: \(state.spec.title)", page, errors: errors, status: status)
    }

    @Sendable static func csv(req: Request, context: TenantContext) async throws -> Response {
        let state = try await EvaluationState.load(req, context)
        guard case .ranked(let ranking) = try await outcome(state, context: context) else { throw WaymarkError.notFound }
        return CSVResponse.stream(
            headers: ["rank", "bidder", "price", "quality", "price_score", "social_value", "total", "tie_break", "working"],
            rows: ranking.bids.map { ranked in
                let e = ranked.evaluation
                return ["\(ranked.rank)", e.bid.providerName, e.bid.price.decimalString, e.quality.display, e.price.points.display,
                        e.socialValue?.points.display ?? "", e.total.display, ranked.tieBreak ?? "", e.working.joined(separator: " | ")]
            }, filename: "\(context.tenant.slug)-ranking.csv")
    }

    struct AwardForm: Content { var winner: String?; var reasons: String? }

    @Sendable static func award(req: Request, context: TenantContext) async throws -> Response {
        let state = try await EvaluationState.load(req, context)
        let form = try req.content.decode(AwardForm.self)
        let reasons = (form.reasons ?? "").trimmed
        guard case .ranked(let ranking) = try await outcome(state, context: context) else {
            return try await render(req, context, state, reasons: reasons,
                                    errors: [.init(field: "winner", message: "The ranking is not complete yet")], status: .unprocessableEntity)
        }
        if try await BidQueries.award(context, specificationID: state.spec.id) != nil {
            throw WaymarkError.conflict("This specification has already been awarded.")
        }
        let now = req.now
        let decision = AwardDecision(specificationID: state.spec.id, winningBidID: form.winner.flatMap(UUID.init(uuidString:)) ?? UUID(),
                                     reasons: reasons, decidedBy: context.personID, decidedAt: now)
        var spec = state.spec
        spec.status = spec.status(at: now)
        let errors = AwardRules.problems(decision, for: spec, ranking: ranking).map {
            FieldError(field: $0.field == .reason ? "reasons" : "winner", message: $0.message)
        } + PersonalDataGate.errors(req, [.init(field: "reasons", label: "The reasons", text: reasons)])
        guard errors.isEmpty else {
            return try await render(req, context, state, reasons: reasons, errors: errors, status: .unprocessableEntity)
        }
        spec.status = .awarded
        try await context.transaction { [spec] tx in
            try await AwardRecord(tenantID: tx.tenantID, decision: decision).create(on: tx.db)
            try await VersionGuard.claim(table: SpecificationRecord.schema, id: spec.id, expected: state.found.record.version, on: tx.db)
            guard let record = try await tx.find(SpecificationRecord.self, spec.id) else { throw WaymarkError.notFound }
            try record.store(spec, at: now)
            try await record.save(on: tx.db)
            try await tx.audit("specification.awarded", "specification", spec.id.uuidString,
                               after: ["winning_bid": decision.winningBidID.uuidString, "reasons": reasons])
            if let winner = state.bids.first(where: { $0.bid.id == decision.winningBidID })?.bid.providerOrganisationID {
                try await Notifier.send(WorkflowNotices.award(spec, winner: winner, bidders: state.bidders, slug: tx.tenant.slug), in: tx)
            }
        }
        return req.redirect(to: SiteMap.Tenant.ranking.path(context.tenant.slug, spec.id.uuidString),
                            flash: "Awarded to \(state.names[ranking.first!.evaluation.bid.providerID] ?? "the highest-ranked bidder"). Every bidder can now read their own scores and feedback.")
    }

    struct FeedbackPage: Encodable {
        let specTitle: String; let specHref: String; let organisation: String; let lines: [String]; let pending: String?
    }

    /// A bidder's own feedback: their scores and the panel's notes, their rank, the winning
    /// total — nothing about any other bid.
    @Sendable static func feedback(req: Request, context: TenantContext) async throws -> Response {
        let state = try await EvaluationState.load(req, context)
        let organisation = try BidForm.chosenOrganisation(context, req.query[String.self, at: "organisation"])
        let slug = context.tenant.slug
        var lines: [String] = [], pending: String? = nil
        let mine = state.bids.first { $0.bid.providerOrganisationID == organisation.id }
        if let award = try await BidQueries.award(context, specificationID: state.spec.id),
           case .ranked(let ranking) = try await outcome(state, context: context), let mine {
            lines = ranking.feedback(for: mine.bid.id, winningBidID: award.winningBidID)?.lines
                ?? ["Your organisation's bid was not evaluated: it was withdrawn, or not submitted before the deadline."]
        } else if mine == nil {
            pending = "Your organisation did not bid for this specification."
        } else {
            pending = "Feedback is published when the contract is awarded."
        }
        let page = FeedbackPage(specTitle: state.spec.title, specHref: SiteMap.Tenant.specification.path(slug, state.spec.id.uuidString),
                                organisation: organisation.name, lines: lines, pending: pending)
        return try await PageRenderer.render(req, "commissioning/feedback", title: "Feedback: \(state.spec.title)", page)
    }
}
