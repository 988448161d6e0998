import Foundation
import SQLKit
import WaymarkDomain

/// A stored return without its content: what the lists, counts, reminders and payments read
/// of every return at once. Read lean (`TenantContext.rows`), never as models: a partnership with
/// years of returns has tens of thousands of them, and a page reads them all to count and
/// sort before it shows fifty.
struct ReturnState: Hashable, Sendable {
    let id: UUID
    let contractID: UUID
    let month: CalendarMonth
    var status: ReturnStatus
    /// The return's own due day: the tenant's rule for its month, or where an extension moved it.
    var due: Day
    var firstSubmittedAt: Date?
    /// The number of the latest submitted version; 0 before the first submission.
    var latestVersion: Int
    var hasDraft: Bool
    var draftSavedAt: Date?
    var extendedAt: Date?
    let updatedAt: Date

    var firstSubmitted: Day? { firstSubmittedAt.map { Day($0, in: London.timeZone) } }
    /// Begun: a version submitted or a draft saved.
    var isStarted: Bool { latestVersion > 0 || hasDraft }

    init(_ record: MonthlyReturnRecord) {
        self.init(id: record.id!, contractID: record.contractID, month: record.month, status: record.status, due: record.due,
                  firstSubmittedAt: record.firstSubmittedAt, latestVersion: record.latestVersion, hasDraft: record.draft != nil,
                  draftSavedAt: record.draftSavedAt, extendedAt: record.extendedAt, updatedAt: record.updatedAt)
    }

    init(id: UUID, contractID: UUID, month: CalendarMonth, status: ReturnStatus, due: Day, firstSubmittedAt: Date?, latestVersion: Int,
         hasDraft: Bool, draftSavedAt: Date?, extendedAt: Date?, updatedAt: Date) {
        self.id = id
        self.contractID = contractID
        self.month = month
        self.status = status
        self.due = due
        self.firstSubmittedAt = firstSubmittedAt
        self.latestVersion = latestVersion
        self.hasDraft = hasDraft
        self.draftSavedAt = draftSavedAt
        self.extendedAt = extendedAt
        self.updatedAt = updatedAt
    }

    /// The return as it stood in `reading` (DESIGN.md, "Time: as of"), its `history` already
    /// read in `reading`: submitted only if a version was submitted by then, its status the last
    /// step taken by then; a draft counts once it was saved by the day, an extension once
    /// granted (until then the due day is the tenant's rule, `scheduledDue`). Nil when there was
    /// nothing yet: no submission, draft or extension by then.
    func asStood(history: ReturnHistory, in reading: Reading, scheduledDue: Day) -> ReturnState? {
        func known(_ at: Date?) -> Bool { at.map { reading.includes(effective: Day($0, in: London.timeZone), recorded: $0) } ?? false }
        let draftKnown = known(draftSavedAt), extended = known(extendedAt)
        guard !history.submissions.isEmpty || draftKnown || extended else { return nil }
        var state = self
        state.status = history.status ?? .draft
        state.due = extended ? due : scheduledDue
        state.extendedAt = extended ? extendedAt : nil
        state.hasDraft = draftKnown && hasDraft
        state.draftSavedAt = draftKnown ? draftSavedAt : nil
        state.firstSubmittedAt = history.firstSubmitted
        state.latestVersion = history.latestVersion
        return state
    }
}

/// Reading returns' states lean, as they are or as they stood in a reading (`ReturnsAsOf`).
enum ReturnStates {
    /// The returns of `contractIDs` (every contract's when nil), optionally only those now in
    /// `status`; in `reading`, as they stood on its day, and without those not begun by then.
    /// Three queries at most, whatever the number of returns.
    static func read(_ context: TenantContext, contractIDs: Set<UUID>?, status: ReturnStatus? = nil,
                     in reading: Reading? = nil) async throws -> [ReturnState] {
        if let contractIDs, contractIDs.isEmpty { return [] }
        let columns = ["id", "contract_id", "month", "status", "due_day", "first_submitted_at", "latest_version",
                       "draft_saved_at", "extended_at", "updated_at"]
        let rows = try await context.rows(of: MonthlyReturnRecord.self, columns) { select in
            var select = select.column(SQLAlias(SQLBinaryExpression(SQLColumn("draft"), .isNot, SQLLiteral.null), as: SQLIdentifier("has_draft")))
            if let status { select = select.where(SQLColumn("status"), .equal, SQLBind(status.rawValue)) }
            // A few contracts' returns are asked for by id; many are matched here, since SQLite
            // caps how many ids one query may list.
            if let contractIDs, contractIDs.count <= 500 { select = select.where(SQLColumn("contract_id"), .in, SQLBind.group(Array(contractIDs))) }
            return select
        }
        let stored = try rows.compactMap { row -> ReturnState? in
            let contractID = try row.uuid("contract_id")
            if let contractIDs, !contractIDs.contains(contractID) { return nil }
            let monthText = try row.string("month"), dueText = try row.string("due_day")
            guard let month = CalendarMonth(iso: monthText), let due = Day(iso: dueText) else {
                // Only `CalendarMonth.description` and `Day.iso` are ever stored: this is a damaged row.
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "A stored return has month '\(monthText)' and due day '\(dueText)'"))
            }
            return ReturnState(id: try row.uuid("id"), contractID: contractID, month: month,
                               status: ReturnStatus(rawValue: try row.string("status")) ?? .draft, due: due,
                               firstSubmittedAt: try row.optionalDate("first_submitted_at"),
                               latestVersion: try row.int("latest_version"),
                               hasDraft: try row.bool("has_draft"),
                               draftSavedAt: try row.optionalDate("draft_saved_at"),
                               extendedAt: try row.optionalDate("extended_at"),
                               updatedAt: try row.date("updated_at"))
        }
        return try await ReturnsAsOf.read(context, stored, in: reading)
    }
}
