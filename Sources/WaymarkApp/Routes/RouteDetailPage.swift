import Fluent
import Foundation
import WaymarkDomain

/// Everything the route page shows, in the words and formats it shows them.
struct RouteDetailPage: Encodable {
    struct Point: Encodable { let number: Int; let label: String; let latitude: String; let longitude: String }
    struct SchoolLine: Encodable { let name: String; let urn: String; let phase: String }
    struct CostLine: Encodable {
        let effectiveFrom: String; let chaperones: Int; let hours: String; let hourlyRate: String
        let management: String; let dailyCost: String
    }

    let code: String
    let name: String
    let status: String
    let statusLabel: String
    let localAuthority: String
    let area: String
    let childrenPerDay: String
    let startDay: String
    let endDay: String
    let length: String
    let mapSVG: String
    let chaperonePoints: [Point]
    let schools: [SchoolLine]
    let costs: [CostLine]
    let canEdit: Bool
    let editHref: String
    let publicationHref: String
    /// What the public site shows of the route, in words.
    let publication: String
    let costsHref: String
    let backHref: String
    let funding: RouteFundingSummary?
    let money: RouteFundingSection?
    let asOf: String

    static func build(route: Route, context: TenantContext, asOf: Day) async throws -> RouteDetailPage {
        let coverage = try await CoverageLoader.load(context, routes: [route], asOf: asOf)
        let authority = try await context.find(LocalAuthority.self, route.localAuthorityID)
        let area = try await context.find(Area.self, route.areaID)
        let links = try await context.query(RouteSchool.self).filter(\.$routeID == route.id!).all()
        let schools = try await context.query(School.self).filter(\.$id ~~ links.map(\.schoolID)).sort(\.$name).all()
        let costs = try await context.query(RouteCostRecord.self).filter(\.$routeID == route.id!).sort(\.$effectiveFrom).all()
        let chaperones = route.chaperonePoints
        let metres = RoutePath.length(route.path)
        let svg = RouteMapSVG.render(
            title: "Map of route \(route.code) \(route.name)", path: route.path,
            chaperones: chaperones.map { .init(label: $0.label, point: $0.point) },
            schools: schools.compactMap { school in
                guard let lat = school.latitude, let lon = school.longitude else { return nil }
                return .init(label: school.name, point: GeoPoint(latitude: lat, longitude: lon))
            })
        let slug = context.tenant.slug
        let result = route.isActive(asOf: asOf) ? route.id.flatMap { coverage.results[$0] } : nil
        let money = try await result.asyncFlatMap { result in
            context.can(.viewFunding) ? try await RouteFundingSection.build(route: route, result: result, context: context, asOf: asOf) : nil
        }
        return RouteDetailPage(
            code: route.code, name: route.name, status: route.status, statusLabel: route.routeStatus.label,
            localAuthority: authority?.name ?? "", area: area?.name ?? "",
            childrenPerDay: route.childrenPerDay.grouped(),
            startDay: route.startDay.flatMap(Day.init(iso:))?.display ?? "Not set",
            endDay: route.endDay.flatMap(Day.init(iso:))?.display ?? "No end date",
            length: String(format: "%.2f km", metres / 1000),
            mapSVG: svg,
            chaperonePoints: chaperones.enumerated().map { index, point in
                .init(number: index + 1, label: point.label,
                      latitude: String(format: "%.5f", point.point.latitude),
                      longitude: String(format: "%.5f", point.point.longitude))
            },
            schools: schools.map { .init(name: $0.name, urn: $0.urn, phase: $0.phase.capitalized) },
            costs: costs.map(costLine),
            canEdit: context.can(.editRoutes),
            editHref: SiteMap.Tenant.routeEdit.path(slug, route.code),
            publicationHref: SiteMap.Tenant.routePublication.path(slug, route.code), publication: PublicationPages.describe(route),
            costsHref: SiteMap.Tenant.routeCosts.path(slug, route.code),
            backHref: SiteMap.Tenant.routes.path(slug),
            funding: result.map { RouteFundingSummary($0.status, reasons: coverage.reasons(of: route.id)) }, money: money,
            asOf: asOf.display)
    }

    static func costLine(_ record: RouteCostRecord) -> CostLine {
        let entry = record.entry
        let hours = Double(record.minutesPerDay) / 60
        return CostLine(
            effectiveFrom: entry.effectiveFrom.display, chaperones: record.chaperones,
            hours: hours == hours.rounded() ? String(Int(hours)) : String(format: "%.2f", hours),
            hourlyRate: entry.hourlyRate.display, management: entry.dailyManagement.display,
            dailyCost: entry.dailyCost?.display ?? "Not known")
    }
}
