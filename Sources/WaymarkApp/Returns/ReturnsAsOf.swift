import Fluent
import SQLKit
import Foundation
import WaymarkDomain

/// Stored returns as they stood on a reading's day (DESIGN.md, "Time: as of"): submitted only
/// if a version was submitted by then, approved only if approved by then, and otherwise owed
/// (and overdue, or not) as they were then. The one place the returns list, its API, a
/// return's page and the delivery dashboard get that rule; `ReturnHistory` is the rule itself.
enum ReturnsAsOf {
    /// `records` as they stood in `reading`: read-only copies with the status, first
    /// submission, latest version and draft of that day (never saved: they are not the
    /// stored rows); a return with nothing yet by then (no submission, draft or extension) is
    /// left out, as not started. Without a reading, the records as they are. Two queries in all.
    static func read(_ context: TenantContext, _ records: [MonthlyReturnRecord], in reading: Reading?) async throws -> [MonthlyReturnRecord] {
        guard let reading, !records.isEmpty else { return records }
        let histories = try await self.histories(context, records)
        let deadlines = ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay)
        return records.compactMap { record in
            copy(record, history: (histories[record.id!] ?? ReturnHistory(submissions: [], reviews: [])).read(in: reading), in: reading,
                 scheduledDue: deadlines.due(for: record.month))
        }
    }

    /// Each return's submissions and reviews, by return id. Read lean (`TenantContext.rows`): a
    /// list of years of returns reads every version's number and time, never its figures. A few
    /// returns (a contract's) are asked for by id; many are matched here against all the
    /// tenant's rows, since SQLite caps how many ids one query may list.
    static func histories(_ context: TenantContext, _ records: [MonthlyReturnRecord]) async throws -> [UUID: ReturnHistory] {
        let ids = Set(records.compactMap(\.id))
        guard !ids.isEmpty else { return [:] }
        let onlyThese = { (select: SQLSelectBuilder) -> SQLSelectBuilder in
            ids.count > 500 ? select : select.where(SQLColumn("return_id"), .in, SQLBind.group(Array(ids)))
        }
        var submissions: [UUID: [ReturnHistory.Submission]] = [:], reviews: [UUID: [ReturnHistory.Review]] = [:]
        for row in try await context.rows(of: ReturnVersionRecord.self, ["return_id", "number", "submitted_at"], refine: onlyThese) {
            let id = try row.uuid("return_id")
            guard ids.contains(id) else { continue }
            submissions[id, default: []].append(.init(number: try row.decode(column: "number", as: Int.self),
                                                      at: try row.decode(column: "submitted_at", as: Date.self)))
        }
        for row in try await context.rows(of: ReturnReviewRecord.self, ["return_id", "version_number", "step", "reviewed_at"],
                                          refine: onlyThese) {
            let id = try row.uuid("return_id")
            guard ids.contains(id) else { continue }
            reviews[id, default: []].append(.init(version: try row.decode(column: "version_number", as: Int.self),
                                                  step: ReturnReviewRecord.step(try row.decode(column: "step", as: String.self)),
                                                  at: try row.decode(column: "reviewed_at", as: Date.self)))
        }
        return Dictionary(uniqueKeysWithValues: records.map { record in
            (record.id!, history(record, history: ReturnHistory(submissions: submissions[record.id!] ?? [], reviews: reviews[record.id!] ?? [])))
        })
    }

    /// A return's history from its rows. Every review step writes a review row; should a
    /// record say it was reviewed with no row for its latest version (rows stored some other
    /// way), the step counts from when the record last changed, so today still reads as stored.
    static func history(_ record: MonthlyReturnRecord?, versions: [ReturnVersionRecord], reviews: [ReturnReviewRecord]) -> ReturnHistory {
        history(record, history: ReturnHistory(submissions: versions.map { .init(number: $0.number, at: $0.submittedAt) },
                                               reviews: reviews.map { .init(version: $0.versionNumber, step: $0.step, at: $0.reviewedAt) }))
    }

    static func history(_ record: MonthlyReturnRecord?, history stored: ReturnHistory) -> ReturnHistory {
        var history = stored
        if let record, let step = ReturnReview.Step.allCases.first(where: { $0.resulting == record.status }),
           !history.reviews.contains(where: { $0.version == record.latestVersion }) {
            history.reviews.append(.init(version: record.latestVersion, step: step, at: record.updatedAt))
        }
        return history
    }

    /// The record as it stood: `history` is already read in `reading`. A draft counts once
    /// it was saved by the day, an extension once granted; nil when there was nothing yet.
    static func copy(_ record: MonthlyReturnRecord, history: ReturnHistory, in reading: Reading, scheduledDue: Day) -> MonthlyReturnRecord? {
        func known(_ at: Date?) -> Bool { at.map { reading.includes(effective: Day($0, in: London.timeZone), recorded: $0) } ?? false }
        let draftKnown = known(record.draftSavedAt), extended = known(record.extendedAt)
        guard !history.submissions.isEmpty || draftKnown || extended else { return nil }
        let copy = MonthlyReturnRecord()
        copy.id = record.id
        copy.tenantID = record.tenantID
        copy.contractID = record.contractID
        copy.monthText = record.monthText
        copy.statusText = (history.status ?? .draft).rawValue
        // An extension granted later had not moved the due day yet.
        copy.dueDayText = extended ? record.dueDayText : scheduledDue.iso
        copy.extensionReason = extended ? record.extensionReason : nil
        copy.extendedBy = extended ? record.extendedBy : nil
        copy.extendedAt = extended ? record.extendedAt : nil
        copy.draft = draftKnown ? record.draft : nil
        copy.draftSavedAt = draftKnown ? record.draftSavedAt : nil
        copy.draftSavedBy = draftKnown ? record.draftSavedBy : nil
        copy.firstSubmittedAt = history.firstSubmitted
        copy.latestVersion = history.latestVersion
        copy.version = record.version
        copy.createdAt = record.createdAt
        copy.updatedAt = record.updatedAt
        return copy
    }
}

extension ReturnFile {
    /// This return as it stood in `reading`: the versions submitted and the reviews made by
    /// its day, and the record's state then. For reading pages only; actions use the file as it is.
    func read(in reading: Reading) -> ReturnFile {
        let history = ReturnsAsOf.history(record, versions: versions, reviews: reviews).read(in: reading)
        let numbers = Set(history.submissions.map(\.number))
        return ReturnFile(contract: contract, terms: terms, month: month, expectation: expectation,
                          record: record.flatMap { ReturnsAsOf.copy($0, history: history, in: reading, scheduledDue: scheduledDue) },
                          versions: versions.filter { numbers.contains($0.number) },
                          reviews: reviews.filter { reading.includes(effective: Day($0.reviewedAt, in: London.timeZone), recorded: $0.reviewedAt) },
                          routeCodes: routeCodes, routeNames: routeNames, providerName: providerName,
                          scheduledDue: scheduledDue, scope: scope)
    }
}
