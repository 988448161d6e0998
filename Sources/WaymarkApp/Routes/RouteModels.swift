import Fluent
import Foundation
import WaymarkDomain

final class Route: Model, TenantOwned, @unchecked Sendable {
    static let schema = "routes"

    enum Status: String, CaseIterable, Sendable {
        case proposed, active, paused, closed

        var label: String { rawValue.capitalized }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "local_authority_id") var localAuthorityID: UUID
    @OptionalField(key: "area_id") var areaID: UUID?
    @Field(key: "children_per_day") var childrenPerDay: Int
    @Field(key: "status") var status: String
    @OptionalField(key: "start_day") var startDay: String?
    @OptionalField(key: "end_day") var endDay: String?
    /// The day a closed route's closure took effect (M015); nil: closed on every day.
    @OptionalField(key: "closed_on") var closedOn: String?
    @Field(key: "path_json") var pathJSON: String
    @Field(key: "chaperone_points_json") var chaperonePointsJSON: String
    @Field(key: "version") var version: Int
    /// A `Publication` (the database's default: published).
    @OptionalField(key: "publication") var publication: String?
    /// Why the route is withheld from the public site, for the public to read.
    @OptionalField(key: "withheld_note") var withheldNote: String?
    /// Whether the public map draws its path and chaperone points (the default: no).
    @OptionalField(key: "path_published") var pathPublished: Bool?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var publicationChoice: Publication { publication.flatMap(Publication.init(rawValue:)) ?? .shown }

    var routeStatus: Status { Status(rawValue: status) ?? .proposed }

    /// Whether the route ran as of `day` (DESIGN.md "Time: as of"): an active route does; a
    /// closed route with a closing day ran before that day, its closure not yet a fact.
    func isActive(asOf day: Day) -> Bool {
        switch routeStatus {
        case .active: true
        case .closed: closedOn.flatMap(Day.init(iso:)).map { day < $0 } ?? false
        case .proposed, .paused: false
        }
    }

    /// The day the route closes, as known on `day` (nil: every day known today); before a
    /// closed route's closing day, no closure was known.
    func closingDay(asOf day: Day?) -> Day? {
        if let day, routeStatus == .closed, let closed = closedOn.flatMap(Day.init(iso:)), day < closed { return nil }
        return endDay.flatMap(Day.init(iso:))
    }

    var path: [GeoPoint] {
        get { (try? JSONDecoder().decode([GeoPoint].self, from: Data(pathJSON.utf8))) ?? [] }
        set { pathJSON = RouteJSON.encode(newValue) }
    }

    var chaperonePoints: [ChaperonePoint] {
        get { (try? JSONDecoder().decode([ChaperonePoint].self, from: Data(chaperonePointsJSON.utf8))) ?? [] }
        set { chaperonePointsJSON = RouteJSON.encode(newValue) }
    }

    /// Route codes appear in URLs and imports (the rule lives in WaymarkDomain's RouteRules).
    static func isValidCode(_ code: String) -> Bool { RouteRules.isValidCode(code) }
}

final class RouteSchool: Model, TenantOwned, @unchecked Sendable {
    static let schema = "route_schools"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "route_id") var routeID: UUID
    @Field(key: "school_id") var schoolID: UUID

    init() {}

    init(tenantID: UUID, routeID: UUID, schoolID: UUID) {
        self.tenantID = tenantID
        self.routeID = routeID
        self.schoolID = schoolID
    }
}

/// One effective-dated entry of a route's daily cost model.
final class RouteCostRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "route_costs"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "route_id") var routeID: UUID
    @Field(key: "effective_from") var effectiveFrom: String
    @Field(key: "chaperones") var chaperones: Int
    @Field(key: "minutes_per_day") var minutesPerDay: Int
    @Field(key: "hourly_rate_pence") var hourlyRatePence: Int64
    @Field(key: "daily_management_pence") var dailyManagementPence: Int64

    init() {}

    init(tenantID: UUID, routeID: UUID, effectiveFrom: String, chaperones: Int, minutesPerDay: Int,
         hourlyRatePence: Int64, dailyManagementPence: Int64) {
        self.tenantID = tenantID
        self.routeID = routeID
        self.effectiveFrom = effectiveFrom
        self.chaperones = chaperones
        self.minutesPerDay = minutesPerDay
        self.hourlyRatePence = hourlyRatePence
        self.dailyManagementPence = dailyManagementPence
    }

    /// The domain's view of this entry, which knows how to price a day.
    var entry: RouteCostModel.Entry {
        CoverageRecords.costEntry(effectiveFrom: effectiveFrom, chaperones: chaperones, minutesPerDay: minutesPerDay,
                                  hourlyRatePence: hourlyRatePence, dailyManagementPence: dailyManagementPence)
    }
}

/// Route paths and chaperone points are stored as JSON text, written the same way by the
/// model and the import so that comparing them tells whether a row changes anything.
enum RouteJSON {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}
