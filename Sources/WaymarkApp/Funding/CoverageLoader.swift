import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// A tenant's routes with their coverage and status as Waymark knew them on one day.
struct CoverageSnapshot: Sendable {
    let asOf: Day
    let results: [UUID: RouteCoverageResult]
    let sources: [UUID: FundingSource]
    /// Delivery reasons of the routes that have had a contract (`RouteDelivery`).
    let delivery: [UUID: [DeliveryReason]]

    func status(of routeID: UUID?) -> RouteStatusReport? { routeID.flatMap { results[$0]?.status } }

    /// A route's status reasons in words, then its delivery reasons: what every page and API
    /// answer shows as the route's reasons.
    func reasons(of routeID: UUID?) -> [String] {
        guard let routeID, let report = results[routeID]?.status else { return [] }
        return report.text + deliveryReasons(of: routeID)
    }

    func deliveryReasons(of routeID: UUID?) -> [String] { routeID.flatMap { delivery[$0] }?.map(\.text) ?? [] }
}

/// Loads what the coverage engine needs from the tenant's records and runs it.
///
/// Which funding facts count is `Reading`'s rule: as of a day, a source counts with the
/// status it had that day (its last status change effective by then), a source whose first
/// status took effect later does not exist yet, and allocations agreed later are left out,
/// however late any of it was typed in. As recorded on a day, only what Waymark had been
/// told by then counts.
enum CoverageLoader {
    static func load(_ context: TenantContext, routes: [Route], asOf: Day) async throws -> CoverageSnapshot {
        try await load(context, routes: routes, reading: .asOf(asOf))
    }

    static func load(_ context: TenantContext, routes: [Route], reading: Reading) async throws -> CoverageSnapshot {
        let asOf = reading.day
        let schedules = try await RouteSchedules.build(context, routes: routes, asOf: asOf)
        let funders = try await context.query(Organisation.self).all()
        let funderNames = Dictionary(uniqueKeysWithValues: funders.map { ($0.id!, $0.name) })
        let changes = try await context.query(FundingStatusChange.self).all()
        let knownStatus = statuses(changes, reading: reading)
        var sources: [UUID: FundingSource] = [:]
        for record in try await context.query(FundingSourceRecord.self).all() {
            guard let id = record.id, let status = knownStatus[id] else { continue }
            var source = record.domain(funderName: funderNames[record.funderOrganisationID] ?? "")
            source.status = status
            sources[id] = source
        }
        let allocations = try await CoverageRecords.allocations(context, routeIDs: Set(routes.compactMap(\.id)), reading: reading)
        let inputs = TenantCoverage.inputs(schedules: schedules, sources: Array(sources.values), allocations: allocations)
        let windows = StatusWindows(atRiskDays: context.tenant.atRiskWindowDays, watchDays: context.tenant.watchWindowDays)
        let results = Dictionary(uniqueKeysWithValues: TenantCoverage.run(inputs, asOf: asOf, windows: windows).map { ($0.routeID, $0) })
        let delivery = RouteDelivery.reasons(contracts: try await ContractQueries.contracts(context, existingIn: reading),
                                             results: results, schedules: schedules, reading: reading)
        return CoverageSnapshot(asOf: asOf, results: results, sources: sources, delivery: delivery)
    }

    /// Each source's status in `reading`; a source with none did not exist yet.
    static func statuses(_ changes: [FundingStatusChange], reading: Reading) -> [UUID: FundingSource.Status] {
        Dictionary(grouping: changes, by: \.sourceID).compactMapValues { reading.state(of: $0.compactMap(\.datedStatus)) }
    }
}

/// Each route's school days and their costs, from its authority's term calendar and its
/// cost entries: the part of coverage that does not depend on money.
enum RouteSchedules {
    /// `asOf`: the day whose knowledge of closures counts (`Route.closingDay`); nil: today's.
    static func build(_ context: TenantContext, routes: [Route], asOf: Day? = nil) async throws -> [UUID: RouteSchedule] {
        build(routes: routes, authorities: try await context.query(LocalAuthority.self).all(),
              periods: try await CoverageRecords.termPeriods(context), costs: try await CoverageRecords.costEntries(context),
              asOf: asOf)
    }

    static func build(routes: [Route], authorities: [LocalAuthority], periods: [TermPeriod],
                      costs: [RouteCostRecord], asOf: Day? = nil) -> [UUID: RouteSchedule] {
        build(routes: routes, authorities: authorities, periods: periods,
              costs: Dictionary(grouping: costs, by: \.routeID).mapValues { $0.map(\.entry) }, asOf: asOf)
    }

    static func build(routes: [Route], authorities: [LocalAuthority], periods: [TermPeriod],
                      costs costsByRoute: [UUID: [RouteCostModel.Entry]], asOf: Day? = nil) -> [UUID: RouteSchedule] {
        let calendars = termCalendars(periods)
        let calendarByAuthority = Dictionary(uniqueKeysWithValues: authorities.map { ($0.id!, $0.calendarID) })
        var schedules: [UUID: RouteSchedule] = [:]
        for route in routes {
            guard let id = route.id, let calendarID = calendarByAuthority[route.localAuthorityID] ?? nil,
                  let calendar = calendars[calendarID], let first = calendar.years.first?.academicYear.range.start else { continue }
            let start = route.startDay.flatMap { Day(iso: $0) } ?? first
            let model = RouteCostModel(entries: costsByRoute[id] ?? [])
            schedules[id] = RouteSchedule(calendar: calendar, costModel: model, from: start,
                                          closingOn: route.closingDay(asOf: asOf))
        }
        return schedules
    }

    static func termCalendars(_ periods: [TermPeriod]) -> [UUID: TermCalendar] {
        Dictionary(grouping: periods, by: \.calendarID).reduce(into: [:]) { calendars, entry in
            calendars[entry.key] = CalendarBuilder.termCalendar(authority: entry.key.uuidString, periods: entry.value)
        }
    }

    /// Each local authority's school days inside `range`, as far as its term dates are known
    /// (a route a scenario opens runs on these).
    static func schoolDays(_ context: TenantContext, in range: DayRange) async throws -> [UUID: [Day]] {
        let calendars = termCalendars(try await CoverageRecords.termPeriods(context))
        var days: [UUID: [Day]] = [:]
        for authority in try await context.query(LocalAuthority.self).all() {
            guard let calendarID = authority.calendarID, let calendar = calendars[calendarID] else { continue }
            days[authority.id!] = calendar.schoolDays(in: range)
        }
        return days
    }
}

extension Request {
    /// `?as_of=YYYY-MM-DD`, or today in London. A malformed date is a 400 that names it.
    func asOfDay() throws -> Day {
        // The application's clock, not the system's: tests that stop the clock get its day.
        guard let raw = query[String.self, at: "as_of"], !raw.isEmpty else { return Day(now, in: London.timeZone) }
        guard let day = Day(entered: raw) else {
            throw WaymarkError.badRequest("as_of must be a date from 1900 to 2199 written as YYYY-MM-DD, such as 2023-01-16; '\(raw)' is not")
        }
        return day
    }

    /// How the page reads dated facts: `?as_recorded=YYYY-MM-DD` asks what Waymark had been
    /// told by that day (for audit); otherwise the world as of `as_of` (default today).
    func reading() throws -> Reading {
        let asOf = try asOfDay()
        guard let raw = query[String.self, at: "as_recorded"], !raw.isEmpty else { return .asOf(asOf) }
        if let given = query[String.self, at: "as_of"], !given.isEmpty {
            throw WaymarkError.unprocessable("as_of and as_recorded: give one of them, not both")
        }
        guard let day = Day(entered: raw) else {
            throw WaymarkError.badRequest("as_recorded must be a date from 1900 to 2199 written as YYYY-MM-DD, such as 2023-01-16; '\(raw)' is not")
        }
        return .asRecorded(day)
    }

    /// The day asked for with `as_of`, or nil when none was: for what is cut off only when a
    /// past day is asked about (payments recorded with a later date still show today).
    func askedAsOfDay() throws -> Day? {
        guard let raw = query[String.self, at: "as_of"], !raw.isEmpty else { return nil }
        return try asOfDay()
    }
}
