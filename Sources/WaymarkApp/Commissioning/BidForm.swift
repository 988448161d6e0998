import Fluent
import Vapor
import WaymarkDomain

/// A provider's own bid: draft it, submit it (again, to change it), or withdraw it, before the
/// deadline. After the deadline the page still opens, read-only, and anything sent is refused
/// with the deadline in the message, never an error page.
enum BidForm {
    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        let organisation = try chosenOrganisation(context, req.query[String.self, at: "organisation"])
        let loaded = try await BidQueries.bid(context, specificationID: found.spec.id, organisationID: organisation.id!)
        let codes = try await SpecificationQueries.routeNames(context)
        let content = loaded?.record.draftContent ?? loaded?.bid.latest?.content
        var values = content.map { BidFormValues($0, organisation: organisation.id!, openedVersion: loaded?.bid.latest?.number, codes: codes) }
            ?? BidFormValues()
        values.organisation = organisation.id!.uuidString
        values.opened_version = loaded?.bid.latest.map { String($0.number) }
        return try await render(req, context, found, organisation: organisation, loaded: loaded, values: values, errors: [])
    }

    @Sendable static func save(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        let values = try req.content.decode(BidFormValues.self)
        let organisation = try chosenOrganisation(context, values.organisation)
        let loaded = try await BidQueries.bid(context, specificationID: found.spec.id, organisationID: organisation.id!)
        let codes = try await SpecificationQueries.routeNames(context)
        let now = req.now
        let (parsed, typeErrors) = values.content(for: found.spec, codes: codes)
        func refuse(_ errors: [FieldError]) async throws -> Response {
            try await render(req, context, found, organisation: organisation, loaded: loaded, values: values, errors: errors,
                             status: .unprocessableEntity)
        }
        let submitting = values.action == "submit"
        let opened = values.opened_version.flatMap(Int.init)
        // The window is judged first and on its own: after the deadline nothing is saved, not even a draft.
        let windowProblems = BidRules.windowProblems(for: found.spec, at: now)
        guard windowProblems.isEmpty else { return try await refuse(windowProblems.map { .init(field: "deadline", message: $0.message) }) }
        // Every problem at once: values of the wrong kind, the rules a submission must meet, and
        // personal data in the answers (read by the panel, who hold no one's details).
        var errors = typeErrors
        if submitting {
            // A field whose value could not be read already says so; its rule would only repeat it.
            let unread = Set(typeErrors.map(\.field))
            errors += BidRules.submissionProblems(parsed, bid: loaded?.bid, openedVersion: opened, for: found.spec, at: now, routeNames: codes)
                .map { FieldError(field: BidFormValues.fieldID($0), message: $0.message) }
                .filter { !unread.contains($0.field) && !($0.field == "prices" && unread.contains { $0.hasPrefix("price-") }) }
        }
        errors += PersonalDataGate.errors(req, found.spec.questions.enumerated().map { index, question in
            .init(field: "answer-\(question.id.uuidString)", label: "Your answer to question \(index + 1)", text: values.answers?[question.id.uuidString])
        } + [.init(field: "social_value", label: "Your social value answer", text: values.social_value)])
        guard errors.isEmpty else { return try await refuse(errors) }
        let content = parsed
        let draft = try CommissioningJSON.encode(content)
        let label = context.actor.label, personID = context.personID, spec = found.spec
        try await context.transaction { tx in
            let record: BidRecord
            if let existing = loaded?.record {
                record = existing
            } else {
                record = BidRecord(tenantID: tx.tenantID, specificationID: spec.id, providerOrganisationID: organisation.id!, at: now)
                try await record.create(on: tx.db)
            }
            if submitting {
                let bid = try loaded?.bid ?? record.bid(versions: [])
                let next = bid.submitting(content, at: now, by: personID).versions.last!
                try await BidVersionRecord(tenantID: tx.tenantID, bidID: record.id!, version: next).create(on: tx.db)
                record.draft = nil
                record.draftSavedAt = nil
                record.draftSavedBy = nil
                // The audit entry says that a version was submitted, never what it says: the log
                // is read by commissioners, and bids are sealed until the deadline.
                try await tx.audit("bid.submitted", "bid", record.id!.uuidString, after: ["version": next.number])
            } else {
                record.draft = draft
                record.draftSavedAt = now
                record.draftSavedBy = label
            }
            try await record.save(on: tx.db)
        }
        let href = SiteMap.Tenant.ownBid.path(context.tenant.slug, spec.id.uuidString, query: [("organisation", "\(organisation.id!.uuidString)")])
        return req.redirect(to: href, flash: submitting
            ? "Bid submitted at \(now.londonDisplay). You can change or withdraw it until \(spec.closing.display)."
            : "Draft saved. It has not been submitted: submit it before \(spec.closing.display).")
    }

    @Sendable static func withdraw(req: Request, context: TenantContext) async throws -> Response {
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"))
        let values = try req.content.decode(BidFormValues.self)
        let organisation = try chosenOrganisation(context, values.organisation)
        let loaded = try await BidQueries.bid(context, specificationID: found.spec.id, organisationID: organisation.id!)
        let now = req.now
        let bid = loaded?.bid ?? Bid(specificationID: found.spec.id, providerOrganisationID: organisation.id!)
        let problems = BidRules.withdrawalProblems(bid, openedVersion: values.opened_version.flatMap(Int.init), for: found.spec, at: now)
        guard problems.isEmpty, let loaded, let latest = bid.latest else {
            return try await render(req, context, found, organisation: organisation, loaded: loaded, values: values,
                                    errors: problems.map { .init(field: BidFormValues.fieldID($0), message: $0.message) },
                                    status: .unprocessableEntity)
        }
        try await context.transaction { tx in
            guard let row = try await tx.query(BidVersionRecord.self).filter(\.$bidID == loaded.record.id!)
                .filter(\.$number == latest.number).first() else { throw WaymarkError.notFound }
            row.withdrawnAt = now
            try await row.save(on: tx.db)
            try await tx.audit("bid.withdrawn", "bid", loaded.record.id!.uuidString, after: ["version": latest.number])
        }
        return req.redirect(to: SiteMap.Tenant.ownBid.path(context.tenant.slug, found.spec.id.uuidString, query: [("organisation", "\(organisation.id!.uuidString)")]),
                            flash: "Bid withdrawn. You can submit it again until \(found.spec.closing.display).")
    }

    /// The provider organisation the person is bidding for: the one asked for, else their first.
    static func chosenOrganisation(_ context: TenantContext, _ text: String?) throws -> Organisation {
        let choices = SpecificationQueries.providerOrganisations(context)
        if let text, !text.isEmpty {
            guard let chosen = choices.first(where: { $0.id?.uuidString == text }) else { throw WaymarkError.forbidden }
            return chosen
        }
        guard let first = choices.first else { throw WaymarkError.forbidden }
        return first
    }
}
