import Foundation
import WaymarkDomain

/// The delivery side of a route's status reasons (DESIGN.md, "Delivery": funding without a
/// contract, or a contract that ends before its funding, is itself a risk reason), worked out
/// once for every route `CoverageLoader` loads, so the route page, the routes list, the
/// dashboard and the API all say the same.
///
/// Only routes that have had a contract by the as-of day (one starting on or before it) get
/// delivery reasons. A tenant starts using Waymark with routes already running under
/// contracts kept elsewhere, and records them one at a time (the demo's routes ran from
/// September 2021 but its first recorded contracts start in October): saying "Funded but no
/// contract" of every funded route before its first recorded contract would bury the real
/// risks in noise. So a route with no contract yet says nothing about delivery;
/// once it has had one, a gap between contracts, a contract ending before its money, or money
/// ending before its contract is named.
enum RouteDelivery {
    /// Each route's delivery reasons, for the routes of `results` that have had a contract by
    /// the reading's day.
    ///
    /// `contracts` are those that existed in `reading` (signed by its day: see
    /// `ContractQueries.contracts(_:existingIn:)`), each whole. Their terms are read as a
    /// planner knew them that day (`Contract.termsKnown(in:)`): every variation in force, and
    /// every one already decided though taking effect later (a termination approved today for
    /// next month).
    static func reasons(contracts: [Contract], results: [UUID: RouteCoverageResult], schedules: [UUID: RouteSchedule],
                        reading: Reading) -> [UUID: [DeliveryReason]] {
        guard !contracts.isEmpty else { return [:] }
        let asOf = reading.day
        var reasons: [UUID: [DeliveryReason]] = [:]
        for (routeID, result) in results {
            let periods = contracts.compactMap { $0.deliveryPeriod(ofRoute: routeID, in: reading) }
            guard periods.contains(where: { $0.period.start <= asOf }) else { continue }
            let found = DeliveryReasons.reasons(asOf: asOf, securedFundedUntil: result.status.securedFundedUntil,
                                                projectedFundedUntil: result.status.projectedFundedUntil,
                                                contracts: periods, schoolDays: schedules[routeID]?.days)
            if !found.isEmpty { reasons[routeID] = found }
        }
        return reasons
    }
}
