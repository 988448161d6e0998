import Fluent
import Foundation
import WaymarkDomain

/// The writes on a return: save a draft, submit (a new version), review, extend. Each checks
/// the domain's rules first and refuses with every problem named; each writes in one
/// transaction with its audit entry, after claiming the edit version the form was opened
/// at, so two people never overwrite each other.
enum ReturnActions {
    /// Why a write was refused: problems tied to fields, nothing saved.
    struct Refused: Error {
        let problems: [ReturnProblem]
        init(_ problems: [ReturnProblem]) { self.problems = problems }
        init(_ message: String, field: ReturnProblem.Field = .line) { problems = [ReturnProblem(routeID: nil, field: field, message: message)] }
    }

    static func saveDraft(_ file: ReturnFile, _ content: ReturnContent, openedAt version: Int,
                          _ context: TenantContext, at now: Date) async throws {
        if let problem = ReturnReview.submitProblem(from: file.status) { throw Refused(problem) }
        let draft = try CommissioningJSON.encode(content)
        try await write(file, openedAt: version, context, at: now) { record, db in
            record.draft = draft
            record.draftSavedAt = now
            record.draftSavedBy = context.actor.label
            try await record.save(on: db)
            try await context.audit("return.draft-saved", "monthly_return", record.id!.uuidString,
                                    after: ["month": file.month.description], on: db)
        }
    }

    /// Submits `content` as the next version; returns its number.
    @discardableResult
    static func submit(_ file: ReturnFile, _ content: ReturnContent, channel: ReturnChannel, openedAt version: Int,
                       _ context: TenantContext, at now: Date) async throws -> Int {
        if let problem = ReturnReview.submitProblem(from: file.status) { throw Refused(problem) }
        let problems = ReturnRules.problems(content, expected: file.expectation)
        guard problems.isEmpty else { throw Refused(problems) }
        let number = (file.record?.latestVersion ?? 0) + 1
        try await write(file, openedAt: version, context, at: now) { record, db in
            try await ReturnVersionRecord(tenantID: context.tenantID, returnID: record.id!, number: number, content: content,
                                          channel: channel, by: context.personID, name: context.displayName, at: now).create(on: db)
            record.latestVersion = number
            record.statusText = ReturnStatus.submitted.rawValue
            if record.firstSubmittedAt == nil { record.firstSubmittedAt = now }
            record.draft = nil
            record.draftSavedAt = nil
            record.draftSavedBy = nil
            try await record.save(on: db)
            // The audit log records that a version came in and how, never the figures.
            try await context.audit("return.submitted", "monthly_return", record.id!.uuidString,
                                    after: ["month": file.month.description, "version": String(number), "channel": channel.rawValue], on: db)
        }
        return number
    }

    static func review(_ file: ReturnFile, step: ReturnReview.Step, note: String, comments: [UUID: String],
                       openedAt version: Int, _ context: TenantContext, at now: Date) async throws {
        let status = file.status ?? .draft
        if let problem = ReturnReview.problem(step, from: status, comments: Array(comments.values), reason: note) {
            throw Refused(problem, field: step == .query ? .line : .narrative)
        }
        let kept = comments.filter { !$0.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        try await write(file, openedAt: version, context, at: now) { record, db in
            try await ReturnReviewRecord(tenantID: context.tenantID, returnID: record.id!, versionNumber: record.latestVersion,
                                         step: step, note: note.trimmingCharacters(in: .whitespacesAndNewlines), lineComments: kept,
                                         by: context.actor.label, at: now).create(on: db)
            let before = record.statusText
            record.statusText = step.resulting.rawValue
            try await record.save(on: db)
            try await context.audit("return.\(step.rawValue)", "monthly_return", record.id!.uuidString,
                                    before: ["status": before],
                                    after: ["status": step.resulting.rawValue, "version": String(record.latestVersion)], on: db)
            try await Notifier.send([WorkflowNotices.returnReviewed(file, step: step, version: record.latestVersion, note: note,
                                                                    slug: context.tenant.slug)], in: context.with(db: db))
        }
    }

    /// Every problem with moving the return's due date to `day` (nil: not a day) for `reason`,
    /// by the form field it is about.
    static func extensionProblems(_ file: ReturnFile, to day: Day?, reason: String) -> [(field: String, message: String)] {
        var problems: [(field: String, message: String)] = []
        if file.status == .approved { problems.append(("due_day", "This return has already been approved")) }
        if let day, day <= file.scheduledDue {
            problems.append(("due_day", "The new due date must be after \(file.scheduledDue.display), the usual due date"))
        }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(("reason", "Say why the extension was granted")) }
        return problems
    }

    static func extend(_ file: ReturnFile, to day: Day, reason: String, openedAt version: Int,
                       _ context: TenantContext, at now: Date) async throws {
        let problems = extensionProblems(file, to: day, reason: reason)
        guard problems.isEmpty else { throw Refused(problems.map { ReturnProblem(routeID: nil, field: .month, message: $0.message) }) }
        try await write(file, openedAt: version, context, at: now) { record, db in
            let before = record.dueDayText
            record.dueDayText = day.iso
            record.extensionReason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            record.extendedBy = context.actor.label
            record.extendedAt = now
            try await record.save(on: db)
            try await context.audit("return.extended", "monthly_return", record.id!.uuidString,
                                    before: ["due": before], after: ["due": day.iso, "reason": record.extensionReason ?? ""], on: db)
        }
    }

    /// Runs `body` on the return's row in a transaction, creating the row on first write and
    /// claiming the version the form was opened at.
    private static func write(_ file: ReturnFile, openedAt version: Int, _ context: TenantContext, at now: Date,
                              _ body: @escaping @Sendable (MonthlyReturnRecord, any Database) async throws -> Void) async throws {
        let existingID = file.record?.id
        let fresh = MonthlyReturnRecord(tenantID: context.tenantID, contractID: file.contract.id!, month: file.month,
                                        due: file.scheduledDue, at: now)
        try await context.transaction { scoped in
            let record: MonthlyReturnRecord
            if let existingID {
                try await VersionGuard.claim(table: MonthlyReturnRecord.schema, id: existingID, expected: version, on: scoped.db)
                guard let found = try await scoped.find(MonthlyReturnRecord.self, existingID) else { throw WaymarkError.notFound }
                record = found
            } else {
                // Someone else may have created it since the form was opened: then the form is stale.
                guard version == 0 else { throw WaymarkError.conflict(VersionGuard.conflictMessage) }
                try await fresh.create(on: scoped.db)
                record = fresh
            }
            record.updatedAt = now
            try await body(record, scoped.db)
        }
    }
}
