import Fluent
import Foundation
import WaymarkDomain

extension CalendarImport {
    /// The audited shape of one calendar year.
    struct AuditedYear: Encodable {
        let calendar: String
        let academic_year: String
        let periods: [String]
        init(_ calendar: String, _ year: AcademicYear, _ stated: [Period]) {
            self.calendar = calendar
            academic_year = year.label
            periods = stated.map { "\($0.kind.rawValue) \($0.dates.start.iso)…\($0.dates.end.iso)" }
        }
    }

    static func apply(_ plan: Plan, _ context: TenantContext) async throws {
        var calendarIDs: [String: UUID] = [:]
        func calendarID(named name: String, existing: UUID?) async throws -> UUID {
            if let existing { return existing }
            if let known = calendarIDs[ImportReference.key(name)] { return known }
            let record = TermCalendarRecord(tenantID: context.tenantID, name: name)
            try await record.save(on: context.db)
            try await context.audit("calendar.imported", "term_calendar", name, after: ["name": name])
            calendarIDs[ImportReference.key(name)] = record.id!
            return record.id!
        }

        for change in plan.years {
            let id = try await calendarID(named: change.calendarName, existing: change.existingCalendarID)
            calendarIDs[ImportReference.key(change.calendarName)] = id
            let stored = try await context.query(TermPeriod.self)
                .filter(\.$calendarID == id).filter(\.$academicYear == change.year.label).all()
            let before = stored.compactMap(period).sorted()
            guard before != change.periods else { continue }
            for period in stored { try await period.delete(on: context.db) }
            for period in change.periods {
                try await TermPeriod(tenantID: context.tenantID, calendarID: id, academicYear: change.year.label, kind: period.kind,
                                     start: period.dates.start.iso, end: period.dates.end.iso).create(on: context.db)
            }
            try await context.audit("calendar.year_imported", "term_calendar", change.calendarName,
                                    before: before.isEmpty ? nil : AuditedYear(change.calendarName, change.year, before),
                                    after: AuditedYear(change.calendarName, change.year, change.periods))
        }

        // Every assigned calendar is in the file, so it is known by now.
        for (authorityID, name) in plan.assignments {
            guard let authority = try await context.find(LocalAuthority.self, authorityID),
                  let id = calendarIDs[ImportReference.key(name)] else { continue }
            guard authority.calendarID != id else { continue }
            let before = authority.calendarID
            authority.calendarID = id
            authority.version += 1
            try await authority.save(on: context.db)
            try await context.audit("local_authority.calendar_changed", "local_authority", authority.gssCode,
                                    before: ["calendar_id": before?.uuidString], after: ["calendar_id": id.uuidString])
        }
    }
}
