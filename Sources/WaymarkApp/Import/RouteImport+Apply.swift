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
            let schoolsChange = try await RouteStore.replaceSchools(of: route, with: change.schoolIDs, context)
            let costChange = try await RouteStore.setCost(of: route, change.cost, context)
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
}
