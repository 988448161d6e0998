import Fluent
import Foundation
import WaymarkDomain

/// Seeds a demo tenant's funding story: sources with their dated status history, and
/// allocations sized to pay each route's school days in the period exactly. Each fact carries
/// the day it took effect (a status step's day; an allocation agreed the day the money was
/// first heard of) and is recorded when seeded, as an import of history would be.
enum DemoFundingLoader {
    static func load(_ sources: [DemoSource], tenantID: UUID, recordedAt: Date, on db: any Database) async throws {
        guard !sources.isEmpty else { return }
        let routes = try await Route.query(on: db).filter(\.$tenantID == tenantID).all()
        let schedules = RouteSchedules.build(
            routes: routes,
            authorities: try await LocalAuthority.query(on: db).filter(\.$tenantID == tenantID).all(),
            periods: try await TermPeriod.query(on: db).filter(\.$tenantID == tenantID).all(),
            costs: try await RouteCostRecord.query(on: db).filter(\.$tenantID == tenantID).all())
        let routesByCode = Dictionary(uniqueKeysWithValues: routes.map { ($0.code, $0) })
        let funders = try await Organisation.query(on: db).filter(\.$tenantID == tenantID).all()

        // A millisecond apart in story order, so "then oldest" in the walk keeps the story's order.
        for (index, demo) in sources.enumerated() {
            let recorded = recordedAt.addingTimeInterval(Double(index) / 1000)
            guard let funder = funders.first(where: { $0.name == demo.funder }), let start = Day(iso: demo.start),
                  let end = Day(iso: demo.end), let period = DayRange(start: start, end: end),
                  let firstStep = demo.history.first, let heard = Day(iso: firstStep.on) else {
                preconditionFailure("demo source \(demo.programme) refers to unknown data")
            }
            let allocations = demo.routes.compactMap { code -> (UUID, Money)? in
                guard let route = routesByCode[code], let id = route.id, let schedule = schedules[id] else { return nil }
                return (id, cost(of: schedule, in: period))
            }
            let needed = allocations.reduce(Int64(0)) { $0 + $1.1.pence }
            let kind = FundingSource.Kind(rawValue: demo.kind) ?? .other
            // Local money is given for named routes; central money may pay for any route.
            let restrictions = kind == .council || kind == .school
                ? FundingSource.Restrictions(routeIDs: Set(allocations.map(\.0))) : .none
            let record = FundingSourceRecord(
                tenantID: tenantID, funderOrganisationID: funder.id!, programme: demo.programme,
                kind: kind, amount: Money(pence: demo.amountPence ?? needed),
                period: period, status: FundingSource.Status(rawValue: demo.history.last!.status) ?? .prospective,
                restrictions: restrictions, renewable: demo.renewable, reference: demo.reference)
            try await record.create(on: db)
            var previous: FundingSource.Status?
            for step in demo.history {
                let status = FundingSource.Status(rawValue: step.status) ?? .prospective
                try await FundingStatusChange(tenantID: tenantID, sourceID: record.id!, from: previous, to: status,
                                              by: "Demo data", at: recorded, effective: Day(iso: step.on) ?? heard).create(on: db)
                previous = status
            }
            for (routeID, amount) in allocations where amount.pence > 0 {
                try await AllocationRecord(tenantID: tenantID, sourceID: record.id!, routeID: routeID, amount: amount,
                                           period: period, enteredAt: recorded, agreedOn: heard).create(on: db)
            }
        }
    }

    /// What a route's school days in `period` cost: the amount that pays them exactly.
    static func cost(of schedule: RouteSchedule, in period: DayRange) -> Money {
        let range = schedule.indexes(in: period)
        return Money(pence: range.reduce(Int64(0)) { $0 + (schedule.cost(at: $1)?.pence ?? 0) })
    }
}
