import Fluent
import Vapor
import WaymarkDomain

/// Clarification questions: a provider asks while bids are open; the commissioner answers once,
/// for every bidder, and the answer is published without saying who asked.
enum Clarifications {
    static let longest = 2_000

    struct AskForm: Content { var question: String? }
    struct AnswerForm: Content { var answer: String? }

    @Sendable static func ask(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        let question = (try req.content.decode(AskForm.self).question ?? "").trimmed
        let now = req.now
        var errors: [FieldError] = []
        if found.spec.status(at: now) != .published {
            errors.append(.init(field: "question", message: "Questions can be asked only while the specification is open for bids"))
        }
        if question.isEmpty { errors.append(.init(field: "question", message: "Enter your question")) }
        if question.count > longest { errors.append(.init(field: "question", message: "Your question must be \(longest.formatted()) characters or fewer")) }
        errors += PersonalDataCheck.problems([.init(field: "question", label: "Your question", text: question, audience: .published)],
                                             confirmed: false).map(FieldError.init)
        guard errors.isEmpty, let organisation = context.actingOrganisations(as: .provider).first else {
            return try await SpecificationPage.render(req, context, found, errors: errors, status: .unprocessableEntity,
                                                      typed: ["question": question])
        }
        let record = ClarificationRecord(tenantID: context.tenantID, specificationID: found.spec.id, question: question,
                                         organisationID: organisation.id!, personID: context.personID, at: now)
        try await context.transaction { tx in
            try await record.create(on: tx.db)
            try await tx.audit("clarification.asked", "clarification", record.id!.uuidString, after: ["question": question])
        }
        return req.redirect(to: SiteMap.Tenant.specification.path(context.tenant.slug, found.spec.id.uuidString),
                            flash: "Question sent. The answer will be published here for every bidder, without your name.")
    }

    @Sendable static func answer(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        guard let record = try await context.find(ClarificationRecord.self, req.parameters.get("question").flatMap(UUID.init(uuidString:))),
              record.specificationID == found.spec.id else { throw WaymarkError.notFound }
        let answer = (try req.content.decode(AnswerForm.self).answer ?? "").trimmed
        let field = "answer-\(record.id!.uuidString)"
        var errors: [FieldError] = []
        if record.answer != nil { errors.append(.init(field: field, message: "This question has already been answered")) }
        if answer.isEmpty { errors.append(.init(field: field, message: "Enter the answer")) }
        if answer.count > longest * 2 { errors.append(.init(field: field, message: "The answer must be \((longest * 2).formatted()) characters or fewer")) }
        errors += PersonalDataCheck.problems([.init(field: field, label: "The answer", text: answer, audience: .published)],
                                             confirmed: false).map(FieldError.init)
        guard errors.isEmpty else {
            return try await SpecificationPage.render(req, context, found, errors: errors, status: .unprocessableEntity, typed: [field: answer])
        }
        let now = req.now
        try await context.transaction { tx in
            record.answer = answer
            record.answeredBy = tx.actor.label
            record.answeredAt = now
            try await record.save(on: tx.db)
            try await tx.audit("clarification.answered", "clarification", record.id!.uuidString, after: ["answer": answer])
            // Every bidder (drafts too) and the organisation that asked hear of the answer.
            let bidders = Set(try await tx.query(BidRecord.self).filter(\.$specificationID == found.spec.id).all().map(\.providerOrganisationID))
            try await Notifier.send([WorkflowNotices.clarificationAnswered(record, spec: found.spec, bidders: bidders.union([record.askedByOrganisationID]),
                                                                           slug: tx.tenant.slug)], in: tx)
        }
        return req.redirect(to: SiteMap.Tenant.specification.path(context.tenant.slug, found.spec.id.uuidString),
                            flash: "Answer published to every bidder.")
    }
}
