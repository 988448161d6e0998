import Fluent
import Foundation

final class LocalAuthority: Model, TenantOwned, @unchecked Sendable {
    static let schema = "local_authorities"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "gss_code") var gssCode: String
    @OptionalField(key: "calendar_id") var calendarID: UUID?
    @Field(key: "version") var version: Int

    init() {}

    init(tenantID: UUID, name: String, gssCode: String, calendarID: UUID?) {
        self.tenantID = tenantID
        self.name = name
        self.gssCode = gssCode
        self.calendarID = calendarID
        self.version = 1
    }
}

final class TermCalendarRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "term_calendars"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "version") var version: Int

    init() {}

    init(tenantID: UUID, name: String) {
        self.tenantID = tenantID
        self.name = name
        self.version = 1
    }
}

/// One dated span of a term calendar: a term, a half-term break inside a term, or an
/// INSET day (start == end).
final class TermPeriod: Model, TenantOwned, @unchecked Sendable {
    static let schema = "term_periods"

    enum Kind: String, CaseIterable, Sendable {
        case term
        case halfTerm = "half_term"
        case inset

        var label: String {
            switch self {
            case .term: "Term"
            case .halfTerm: "Half-term"
            case .inset: "INSET day"
            }
        }
    }

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "calendar_id") var calendarID: UUID
    @Field(key: "academic_year") var academicYear: String
    @Field(key: "kind") var kind: String
    @Field(key: "start_day") var startDay: String
    @Field(key: "end_day") var endDay: String

    init() {}

    init(tenantID: UUID, calendarID: UUID, academicYear: String, kind: Kind, start: String, end: String) {
        self.tenantID = tenantID
        self.calendarID = calendarID
        self.academicYear = academicYear
        self.kind = kind.rawValue
        self.startDay = start
        self.endDay = end
    }
}

final class Area: Model, TenantOwned, @unchecked Sendable {
    static let schema = "areas"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "local_authority_id") var localAuthorityID: UUID
    @Field(key: "name") var name: String

    init() {}

    init(tenantID: UUID, localAuthorityID: UUID, name: String) {
        self.tenantID = tenantID
        self.localAuthorityID = localAuthorityID
        self.name = name
    }
}

final class School: Model, TenantOwned, @unchecked Sendable {
    static let schema = "schools"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "local_authority_id") var localAuthorityID: UUID
    @OptionalField(key: "area_id") var areaID: UUID?
    @Field(key: "name") var name: String
    @Field(key: "urn") var urn: String
    @Field(key: "phase") var phase: String
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @Field(key: "version") var version: Int

    init() {}

    init(tenantID: UUID, localAuthorityID: UUID, areaID: UUID?, name: String, urn: String, phase: String,
         latitude: Double?, longitude: Double?) {
        self.tenantID = tenantID
        self.localAuthorityID = localAuthorityID
        self.areaID = areaID
        self.name = name
        self.urn = urn
        self.phase = phase
        self.latitude = latitude
        self.longitude = longitude
        self.version = 1
    }
}
