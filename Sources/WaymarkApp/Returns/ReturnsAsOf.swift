import Fluent
import SQLKit
import Foundation
import WaymarkDomain

/// Stored returns as they stood on a reading's day (DESIGN.md, "Time: as of"): submitted only
/// if a version was submitted by then, approved only if approved by then, and otherwise owed
/// (and overdue, or not) as they were then. The one place the returns list, its API, a
/// return's page and the delivery dashboard get that rule; `ReturnHistory` is the rule itself.
enum ReturnsAsOf {
    /// `states` as they stood in `reading` (`ReturnState.asStood`); a return with nothing yet
    /// by then (no submission, draft or extension) is left out, as not started. Without a
    /// reading, the states as they are. Two queries in all.
    static func read(_ context: TenantContext, _ states: [ReturnState], in reading: Reading?) async throws -> [ReturnState] {
        guard let reading, !states.isEmpty else { return states }
        let histories = try await self.histories(context, states)
        let deadlines = ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay)
        return states.compactMap { state in
            state.asStood(history: (histories[state.id] ?? ReturnHistory(submissions: [], reviews: [])).read(in: reading), in: reading,
                          scheduledDue: deadlines.due(for: state.month))
        }
    }

    /// Each return's submissions and reviews, by return id. Read lean (`TenantContext.rows`): a
    /// list of years of returns reads every version's number and time, never its figures. A few
    /// returns (a contract's) are asked for by id; many are matched here against all the
    /// tenant's rows, since SQLite caps how many ids one query may list.
    static func histories(_ context: TenantContext, _ states: [ReturnState]) async throws -> [UUID: ReturnHistory] {
        let ids = Set(states.map(\.id))
        guard !ids.isEmpty else { return [:] }
        let onlyThese = { (select: SQLSelectBuilder) -> SQLSelectBuilder in
            ids.count > 500 ? select : select.where(SQLColumn("return_id"), .in, SQLBind.group(Array(ids)))
        }
        var submissions: [UUID: [ReturnHistory.Submission]] = [:], reviews: [UUID: [ReturnHistory.Review]] = [:]
        for row in try await context.rows(of: ReturnVersionRecord.self, ["return_id", "number", "submitted_at"], refine: onlyThese) {
            let id = try row.uuid("return_id")
            guard ids.contains(id) else { continue }
            submissions[id, default: []].append(.init(number: try row.int("number"),
                                                      at: try row.date("submitted_at")))
        }
        for row in try await context.rows(of: ReturnReviewRecord.self, ["return_id", "version_number", "step", "reviewed_at"],
                                          refine: onlyThese) {
            let id = try row.uuid("return_id")
            guard ids.contains(id) else { continue }
            reviews[id, default: []].append(.init(version: try row.int("version_number"),
                                                  step: ReturnReviewRecord.step(try row.string("step")),
                                                  at: try row.date("reviewed_at")))
        }
        return Dictionary(uniqueKeysWithValues: states.map { state in
            (state.id, history(state, history: ReturnHistory(submissions: submissions[state.id] ?? [], reviews: reviews[state.id] ?? [])))
        })
    }

    /// A return's history from its rows. Every review step writes a review row; should a
    /// record say it was reviewed with no row for its latest version (rows stored some other
    /// way), the step counts from when the record last changed, so today still reads as stored.
    static func history(_ record: MonthlyReturnRecord?, versions: [ReturnVersionRecord], reviews: [ReturnReviewRecord]) -> ReturnHistory {
        history(record.map(ReturnState.init),
                history: ReturnHistory(submissions: versions.map { .init(number: $0.number, at: $0.submittedAt) },
                                       reviews: reviews.map { .init(version: $0.versionNumber, step: $0.step, at: $0.reviewedAt) }))
    }

    static func history(_ state: ReturnState?, history stored: ReturnHistory) -> ReturnHistory {
        var history = stored
        if let state, let step = ReturnReview.Step.allCases.first(where: { $0.resulting == state.status }),
           !history.reviews.contains(where: { $0.version == state.latestVersion }) {
            history.reviews.append(.init(version: state.latestVersion, step: step, at: state.updatedAt))
        }
        return history
    }

    /// The whole record as it stood (`ReturnState.asStood`, the rule): `history` is already read
    /// in `reading`; nil when there was nothing yet. A draft and an extension not yet known
    /// then are left out with their details.
    static func copy(_ record: MonthlyReturnRecord, history: ReturnHistory, in reading: Reading, scheduledDue: Day) -> MonthlyReturnRecord? {
        guard let state = ReturnState(record).asStood(history: history, in: reading, scheduledDue: scheduledDue) else { return nil }
        let extended = state.extendedAt != nil, draftKnown = state.draftSavedAt != nil
        let copy = MonthlyReturnRecord()
        copy.id = record.id
        copy.tenantID = record.tenantID
        copy.contractID = record.contractID
        copy.monthText = record.monthText
        copy.statusText = state.status.rawValue
        copy.dueDayText = state.due.iso
        copy.extensionReason = extended ? record.extensionReason : nil
        copy.extendedBy = extended ? record.extendedBy : nil
        copy.extendedAt = state.extendedAt
        copy.draft = draftKnown ? record.draft : nil
        copy.draftSavedAt = state.draftSavedAt
        copy.draftSavedBy = draftKnown ? record.draftSavedBy : nil
        copy.firstSubmittedAt = state.firstSubmittedAt
        copy.latestVersion = state.latestVersion
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
