import Fluent
import Vapor
import WaymarkDomain

/// Scoring a bid item by item: an assessor's own scores with written justifications, and the
/// panel's agreed (moderated) score per item with a note the bidder will read. Items left
/// entirely blank are skipped, so scoring can be done over several sittings; everything sent
/// is checked first and saved together, or not at all.
enum ScoringPages {
    struct Choice: Encodable { let value: Int; let label: String; let checked: Bool }
    struct ItemField: Encodable {
        let key: String; let title: String; let weight: String; let answer: String
        let choices: [Choice]; let text: String; let error: String?; let textError: String?
        /// Moderation shows each assessor's score and justification.
        let evidence: [String]
    }
    struct Page: Encodable {
        let heading: String; let specTitle: String; let provider: String; let bidHref: String
        let intro: String; let textLabel: String; let items: [ItemField]; let action: String; let open: Bool; let closedNote: String?
    }
    struct Form: Content {
        var score: [String: String]?
        var text: [String: String]?
    }

    enum Mode { case assessor, moderation }

    static func show(_ mode: Mode) -> TenantRoutes.Handler {
        { req, context in
            let (state, loaded) = try await prepare(mode, req, context)
            return try await render(mode, req, context, state, loaded, form: nil, errors: [])
        }
    }

    static func save(_ mode: Mode) -> TenantRoutes.Handler {
        { req, context in
            let (state, loaded) = try await prepare(mode, req, context)
            let form = try req.content.decode(Form.self)
            let now = req.now, person = context.personID
            var errors: [FieldError] = []
            var assessorScores: [AssessorScore] = []
            var agreed: [ModeratedScore] = []
            for item in state.spec.scoredItems {
                let key = item.key, text = (form.text?[key] ?? "").trimmed, scoreText = form.score?[key] ?? ""
                if scoreText.isEmpty && text.isEmpty { continue }
                let title = state.spec.title(of: item) ?? key
                // No score chosen: the written part is judged all the same (against a stand-in
                // score), so both problems show at once.
                let score = Int(scoreText)
                if score == nil { errors.append(.init(field: "score-\(key)", message: "\(title): choose a score")) }
                var problems: [EvaluationProblem]
                switch mode {
                case .assessor:
                    let entry = AssessorScore(assessorID: person, bidID: loaded.bid.id, item: item, score: score ?? 0, justification: text, scoredAt: now)
                    problems = ScoreRules.problems(entry, on: loaded.bid, for: state.spec, panel: state.panel, bidders: state.bidders)
                    if score != nil { assessorScores.append(entry) }
                case .moderation:
                    let entry = ModeratedScore(bidID: loaded.bid.id, item: item, score: score ?? 0, note: text, moderatedBy: person, moderatedAt: now)
                    problems = ScoreRules.problems(entry, on: loaded.bid, for: state.spec)
                    if score != nil { agreed.append(entry) }
                }
                if score == nil { problems = problems.filter { $0.field == .justification || $0.field == .note } }
                errors += problems.map { .init(field: "score-\(key)", message: "\(title): \($0.message)") }
            }
            // Justifications are kept, and moderated notes reach the bidder: checked for personal data.
            errors += PersonalDataGate.errors(req, state.spec.scoredItems.map { item in
                .init(field: "text-\(item.key)", label: "What you wrote on \(state.spec.title(of: item) ?? item.key)", text: form.text?[item.key])
            })
            if assessorScores.isEmpty && agreed.isEmpty && errors.isEmpty {
                errors.append(.init(field: "items", message: "Score at least one item"))
            }
            guard errors.isEmpty else {
                return try await render(mode, req, context, state, loaded, form: form, errors: errors, status: .unprocessableEntity)
            }
            let specID = state.spec.id
            try await context.transaction { [assessorScores, agreed] tx in
                for entry in assessorScores {
                    try await AssessorScoreRecord(tenantID: tx.tenantID, specificationID: specID, score: entry).create(on: tx.db)
                }
                for entry in agreed {
                    try await ModeratedScoreRecord(tenantID: tx.tenantID, specificationID: specID, moderated: entry).create(on: tx.db)
                }
                try await tx.audit(mode == .assessor ? "bid.scored" : "bid.moderated", "bid", loaded.bid.id.uuidString,
                                   after: (assessorScores.map { [$0.item.key: $0.score] } + agreed.map { [$0.item.key: $0.score] }))
            }
            let slug = context.tenant.slug
            return req.redirect(to: mode == .assessor ? SiteMap.Tenant.bids.path(slug, specID.uuidString) : SiteMap.Tenant.ranking.path(slug, specID.uuidString),
                                flash: mode == .assessor ? "Scores saved for \(state.name(of: loaded.bid))." : "Agreed scores saved for \(state.name(of: loaded.bid)).")
        }
    }

    /// The bid, once the seal lets this person read it; a refusal answers with its reason.
    private static func prepare(_ mode: Mode, _ req: Request, _ context: TenantContext) async throws -> (EvaluationState, BidQueries.Loaded) {
        let state = try await EvaluationState.load(req, context)
        if mode == .assessor, !state.isOnPanel { throw WaymarkError.notFound }
        let loaded = try state.bid(req.parameters.get("bid"))
        let decision = state.access(to: loaded.bid)
        if let refusal = decision.refusalText { throw WaymarkError.forbiddenBecause(refusal) }
        return (state, loaded)
    }

    static func render(_ mode: Mode, _ req: Request, _ context: TenantContext, _ state: EvaluationState, _ loaded: BidQueries.Loaded,
                       form: Form?, errors: [FieldError], status: HTTPStatus = .ok) async throws -> Response {
        let slug = context.tenant.slug, spec = state.spec
        let errorFor = Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        let content = loaded.bid.counted(closesAt: spec.closesAt)?.content
        let mine = try await BidQueries.assessorScores(context, specificationID: spec.id).filter { $0.bidID == loaded.bid.id }
        let agreed = try await BidQueries.moderated(context, specificationID: spec.id).filter { $0.bidID == loaded.bid.id }
        let names = try await TenantPeople.known(state.panel.assessorIDs, context).mapValues(\.name)
        let items = spec.scoredItems.map { item -> ItemField in
            let key = item.key
            let existing: (score: Int, text: String)? = switch mode {
            case .assessor: mine.last { $0.assessorID == context.personID && $0.item == item }.map { ($0.score, $0.justification) }
            case .moderation: agreed.last { $0.item == item }.map { ($0.score, $0.note) }
            }
            let chosen = form?.score?[key].flatMap(Int.init) ?? (form == nil ? existing?.score : nil)
            let answer: String = switch item {
            case .question(let id): content?.answers[id] ?? ""
            case .socialValue: content?.socialValue ?? ""
            }
            let evidence: [String] = mode == .moderation ? state.panel.assessorIDs.sorted { (names[$0] ?? "") < (names[$1] ?? "") }.map { assessor in
                guard let score = mine.last(where: { $0.assessorID == assessor && $0.item == item }) else {
                    return "\(names[assessor] ?? "An assessor"): not scored\(state.panel.isConflicted(assessor, with: loaded.bid.providerOrganisationID) ? " (declared a conflict)" : "")"
                }
                return "\(names[assessor] ?? "An assessor"): \(score.score) — \(score.justification)"
            } : []
            return ItemField(key: key, title: spec.title(of: item) ?? key, weight: spec.weight(of: item)?.percentText ?? "",
                             answer: answer,
                             choices: spec.scale.labels.indices.map { Choice(value: $0, label: "\($0): \(spec.scale.labels[$0])", checked: chosen == $0) },
                             text: form?.text?[key] ?? existing?.text ?? "", error: errorFor["score-\(key)"],
                             textError: errorFor["text-\(key)"], evidence: evidence)
        }
        let open = state.status == .inEvaluation
        let page = Page(
            heading: mode == .assessor ? "Score the bid" : "Agree the panel's scores",
            specTitle: spec.title, provider: state.name(of: loaded.bid),
            bidHref: SiteMap.Tenant.bid.path(slug, spec.id.uuidString, loaded.bid.id.uuidString),
            intro: mode == .assessor
                ? "Score each item on the scale and say why. Your scores are evidence for the panel's moderation; only the agreed scores count."
                : "Record the score the panel agreed for each item, with the reasons. The bidder reads these notes in their feedback.",
            textLabel: mode == .assessor ? "Justification" : "Why the panel agreed this score",
            items: items,
            action: (mode == .assessor ? SiteMap.Tenant.bidScore : SiteMap.Tenant.bidModeration).path(slug, spec.id.uuidString, loaded.bid.id.uuidString),
            open: open, closedNote: open ? nil : "Scores can be recorded only while the specification is in evaluation (it is \(state.status.displayName.lowercased())).")
        return try await PageRenderer.render(req, "commissioning/scoring", title: "\(page.heading): \(page.provider)", page, errors: errors, status: status)
    }
}
