import Fluent
import Foundation
import WaymarkDomain

/// Writes of a route's schools and cost entries, shared by the import and the forms so
/// both change them the same way. Run inside the caller's transaction (pass its context).
enum RouteStore {
    /// Sets the route's schools to exactly the given list; nil leaves them as they are.
    static func replaceSchools(of route: Route, with schoolIDs: [UUID]?, _ context: TenantContext) async throws -> Bool {
        guard let schoolIDs, let routeID = route.id else { return false }
        let current = try await context.query(RouteSchool.self).filter(\.$routeID == routeID).all()
        guard Set(current.map(\.schoolID)) != Set(schoolIDs) else { return false }
        for link in current where !schoolIDs.contains(link.schoolID) { try await link.delete(on: context.db) }
        for schoolID in schoolIDs where !current.contains(where: { $0.schoolID == schoolID }) {
            try await RouteSchool(tenantID: context.tenantID, routeID: routeID, schoolID: schoolID).create(on: context.db)
        }
        return true
    }

    /// Adds a cost entry, replacing an entry from the same day.
    static func setCost(of route: Route, _ entry: RouteCostModel.Entry?, _ context: TenantContext) async throws -> Bool {
        guard let entry, let routeID = route.id else { return false }
        let sameDay = try await context.query(RouteCostRecord.self)
            .filter(\.$routeID == routeID).filter(\.$effectiveFrom == entry.effectiveFrom.iso).first()
        if let sameDay, sameDay.entry == entry { return false }
        let record = sameDay ?? RouteCostRecord(tenantID: context.tenantID, routeID: routeID, effectiveFrom: entry.effectiveFrom.iso,
                                                chaperones: 0, minutesPerDay: 0, hourlyRatePence: 0, dailyManagementPence: 0)
        record.chaperones = entry.chaperones
        record.minutesPerDay = entry.minutesPerDay
        record.hourlyRatePence = entry.hourlyRate.pence
        record.dailyManagementPence = entry.dailyManagement.pence
        try await record.save(on: context.db)
        return true
    }

    /// The route's cost entries, earliest first.
    static func costs(of routeID: UUID, _ context: TenantContext) async throws -> [RouteCostRecord] {
        try await context.query(RouteCostRecord.self).filter(\.$routeID == routeID).sort(\.$effectiveFrom).all()
    }

    static func schoolIDs(of routeID: UUID, _ context: TenantContext) async throws -> [UUID] {
        try await context.query(RouteSchool.self).filter(\.$routeID == routeID).all().map(\.schoolID)
    }
}
