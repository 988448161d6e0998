import Fluent
import Foundation
import SQLKit
import WaymarkDomain

/// What the coverage engine reads by the thousand — allocations, route costs and term dates — read lean
/// (`TenantContext.rows`): one query each, only the columns the engine uses, decoded straight
/// into domain values. The models' own conversions (`AllocationRecord.domain`,
/// `RouteCostRecord.entry`) are this file's, so a page reading one record and the dashboard
/// reading ten thousand get the same values.
enum CoverageRecords {
    static let allocationColumns = ["id", "source_id", "route_id", "amount_pence", "start_day", "end_day", "entered_at", "agreed_on"]

    /// Every allocation of the tenant to one of `routeIDs` that counts in `reading`.
    static func allocations(_ context: TenantContext, routeIDs: Set<UUID>, reading: Reading) async throws -> [Allocation] {
        try await context.rows(of: AllocationRecord.self, allocationColumns).compactMap { row in
            let routeID = try row.uuid("route_id")
            guard routeIDs.contains(routeID) else { return nil }
            let allocation = allocation(id: try row.uuid("id"), sourceID: try row.uuid("source_id"),
                                        routeID: routeID, amountPence: try row.int64("amount_pence"),
                                        startDay: try row.string("start_day"),
                                        endDay: try row.string("end_day"),
                                        enteredAt: try row.date("entered_at"),
                                        agreedOn: try row.optionalString("agreed_on"))
            return reading.includes(effective: allocation.agreedOn ?? Day(allocation.enteredAt, in: London.timeZone),
                                    recorded: allocation.enteredAt) ? allocation : nil
        }
    }

    /// An allocation as stored: a stored date is always valid ISO; an allocation stored before
    /// effective days were kept was agreed the day it was entered.
    static func allocation(id: UUID, sourceID: UUID, routeID: UUID, amountPence: Int64, startDay: String, endDay: String,
                           enteredAt: Date, agreedOn: String?) -> Allocation {
        let start = Day(iso: startDay) ?? Day(2000, 1, 1)
        let period = DayRange(start: start, end: Day(iso: endDay) ?? start) ?? DayRange(single: start)
        return Allocation(id: id, sourceID: sourceID, routeID: routeID, amount: Money(pence: amountPence), period: period,
                          enteredAt: enteredAt, agreedOn: agreedOn.flatMap(Day.init(iso:)) ?? Day(enteredAt, in: London.timeZone))
    }

    /// The tenant's term dates, for building its calendars: read-only copies holding the
    /// columns the calendars read (never saved). Every page that works out coverage reads
    /// them, and a partnership keeps years of them for each of its calendars.
    static func termPeriods(_ context: TenantContext) async throws -> [TermPeriod] {
        try await context.rows(of: TermPeriod.self, ["calendar_id", "academic_year", "kind", "start_day", "end_day"]).map { row in
            let period = TermPeriod()
            period.tenantID = context.tenantID
            period.calendarID = try row.uuid("calendar_id")
            period.academicYear = try row.string("academic_year")
            period.kind = try row.string("kind")
            period.startDay = try row.string("start_day")
            period.endDay = try row.string("end_day")
            return period
        }
    }

    /// Each route's cost entries, by route.
    static func costEntries(_ context: TenantContext) async throws -> [UUID: [RouteCostModel.Entry]] {
        let rows = try await context.rows(of: RouteCostRecord.self, ["route_id", "effective_from", "chaperones", "minutes_per_day",
                                                                     "hourly_rate_pence", "daily_management_pence"])
        var entries: [UUID: [RouteCostModel.Entry]] = [:]
        for row in rows {
            entries[try row.uuid("route_id"), default: []].append(costEntry(
                effectiveFrom: try row.string("effective_from"),
                chaperones: try row.int("chaperones"),
                minutesPerDay: try row.int("minutes_per_day"),
                hourlyRatePence: try row.int64("hourly_rate_pence"),
                dailyManagementPence: try row.int64("daily_management_pence")))
        }
        return entries
    }

    /// A stored cost entry; a stored date is always valid ISO (the migrations and forms write only `Day.iso`).
    static func costEntry(effectiveFrom: String, chaperones: Int, minutesPerDay: Int, hourlyRatePence: Int64,
                          dailyManagementPence: Int64) -> RouteCostModel.Entry {
        RouteCostModel.Entry(effectiveFrom: Day(iso: effectiveFrom) ?? Day(2000, 1, 1), chaperones: chaperones,
                             minutesPerDay: minutesPerDay, hourlyRate: Money(pence: hourlyRatePence),
                             dailyManagement: Money(pence: dailyManagementPence))
    }
}
