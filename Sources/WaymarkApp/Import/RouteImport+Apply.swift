import Fluent
import Foundation
import WaymarkDomain

extension RouteImport {
    /// Writes a validated plan. Runs inside the caller's transaction: any failure here
    /// rolls back every row, so a file lands whole or not at all.
    static func apply(_ changes: [Change], _ context: TenantContext) async throws {
        var areas = AreaResolver(context)
        for change in changes {
            let route = change.existing ?? Route()
            let before = change.existing.map(Snapshot.init)
            let areaBefore = route.areaID
            if change.existing == nil { route.tenantID = context.tenantID }
            let values = change.snapshot
            route.code = values.code
            route.name = values.name
            if before != nil, route.localAuthorityID != values.local_authority_id, change.area == nil { route.areaID = nil }
            route.localAuthorityID = values.local_authority_id
            if let area = change.area { route.areaID = try await areas.id(named: area, in: values.local_authority_id) }
            route.status = values.status
            route.childrenPerDay = values.children_per_day
            route.startDay = values.start_day
            route.endDay = values.end_day
            route.pathJSON = values.path
            route.chaperonePointsJSON = values.chaperone_points

            // Saved before its schools and costs, which need a new route's id. An update
            // bumps the version, so an edit form opened before the import is refused.
            let detailsChange = before != values || areaBefore != route.areaID
            if before == nil || detailsChange {
                route.version = before == nil ? 1 : route.version + 1
                try await route.save(on: context.db)
            }
            let schoolsChange = try await replaceSchools(of: route, with: change.schoolIDs, context)
            let costChange = try await setCost(of: route, change.cost, context)
            guard before == nil || detailsChange || schoolsChange || costChange else { continue }
            try await context.audit(before == nil ? "route.imported" : "route.updated_by_import", "route", route.code,
                                    before: before.map { Audited($0, nil, nil) },
                                    after: Audited(values, change.schoolIDs, change.cost))
        }
    }

    /// What the audit log records for an imported route: its details, and the schools
    /// and cost entry the row set (absent when the row left them as they were).
    struct Audited: Encodable {
        let route: Snapshot
        let school_ids: [UUID]?
        let cost: RouteCostModel.Entry?
        init(_ route: Snapshot, _ schools: [UUID]?, _ cost: RouteCostModel.Entry?) {
            self.route = route; school_ids = schools; self.cost = cost
        }
    }

    /// Sets the route's schools to exactly the row's list.
    private static func replaceSchools(of route: Route, with schoolIDs: [UUID]?, _ context: TenantContext) async throws -> Bool {
        guard let schoolIDs, let routeID = route.id else { return false }
        let current = try await context.query(RouteSchool.self).filter(\.$routeID == routeID).all()
        guard Set(current.map(\.schoolID)) != Set(schoolIDs) else { return false }
        for link in current where !schoolIDs.contains(link.schoolID) { try await link.delete(on: context.db) }
        for schoolID in schoolIDs where !current.contains(where: { $0.schoolID == schoolID }) {
            try await RouteSchool(tenantID: context.tenantID, routeID: routeID, schoolID: schoolID).create(on: context.db)
        }
        return true
    }

    /// Adds the row's cost entry, replacing an entry from the same day.
    private static func setCost(of route: Route, _ entry: RouteCostModel.Entry?, _ context: TenantContext) async throws -> Bool {
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
}
