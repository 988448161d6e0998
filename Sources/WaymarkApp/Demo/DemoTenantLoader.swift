import Fluent
import Foundation
import WaymarkDomain

/// Turns one DemoTenant into rows. Names in the data (local authorities, areas,
/// organisations, URNs) are resolved to ids here.
struct DemoTenantLoader {
    let data: DemoTenant
    let passwordHash: String
    let actor: AuditActor
    /// When the facts are recorded: the seeding moment (their effective days are the story's).
    let recordedAt: Date
    let db: any Database

    func load(people: inout [String: Person]) async throws {
        let tenant = try await PlatformAdmin.createTenant(slug: data.slug, name: data.name, actor: actor, on: db)
        let tenantID = tenant.id!
        if let openData = data.openData {
            // As a commissioner would type them on the settings page, checked by the same rule.
            guard case .success(let settings) = OpenDataSettings.check(orgID: openData.orgID, grantPrefix: openData.grantPrefix,
                                                                        ocdsPrefix: openData.ocdsPrefix, paymentThreshold: "500") else {
                throw WaymarkError.badRequest("The demo's open data settings are not valid")
            }
            tenant.orgID = settings.orgID
            tenant.grantPrefix = settings.grantPrefix
            tenant.ocdsPrefix = settings.ocdsPrefix
            tenant.paymentThresholdPence = settings.paymentThreshold.pence
            try await tenant.save(on: db)
        }

        var calendarIDs: [String: UUID] = [:]
        for calendar in data.calendars {
            let record = TermCalendarRecord(tenantID: tenantID, name: calendar.name)
            try await record.create(on: db)
            calendarIDs[calendar.key] = record.id!
            for period in Self.periods(calendar, tenantID: tenantID, calendarID: record.id!) { try await period.create(on: db) }
        }

        var authorityIDs: [String: UUID] = [:]
        for authority in data.localAuthorities {
            let record = LocalAuthority(tenantID: tenantID, name: authority.name, gssCode: authority.gssCode,
                                        calendarID: calendarIDs[authority.calendarKey])
            try await record.create(on: db)
            authorityIDs[authority.name] = record.id!
        }

        var areaIDs: [String: UUID] = [:]
        let areaNames = Set(data.schools.map { "\($0.localAuthority)|\($0.area)" } + data.routes.map { "\($0.localAuthority)|\($0.area)" })
        for key in areaNames.sorted() {
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            guard let authorityID = authorityIDs[parts[0]] else { continue }
            let area = Area(tenantID: tenantID, localAuthorityID: authorityID, name: parts[1])
            try await area.create(on: db)
            areaIDs[key] = area.id!
        }

        var schoolIDs: [String: UUID] = [:]
        for school in data.schools {
            guard let authorityID = authorityIDs[school.localAuthority] else { continue }
            let record = School(tenantID: tenantID, localAuthorityID: authorityID,
                                areaID: areaIDs["\(school.localAuthority)|\(school.area)"], name: school.name,
                                urn: school.urn, phase: school.phase, latitude: school.latitude, longitude: school.longitude)
            try await record.create(on: db)
            schoolIDs[school.urn] = record.id!
        }

        var organisationIDs: [String: UUID] = [:]
        for organisation in data.organisations {
            let record = Organisation(tenantID: tenantID, name: organisation.name,
                                      kind: OrganisationKind(rawValue: organisation.kind) ?? .other,
                                      localAuthorityID: organisation.localAuthority.flatMap { authorityIDs[$0] })
            record.gssCode = organisation.gssCode
            record.charityNumber = organisation.charityNumber
            record.companyNumber = organisation.companyNumber
            record.urn = organisation.urn
            try await record.create(on: db)
            organisationIDs[organisation.name] = record.id!
        }

        for member in data.people {
            let person: Person
            if let known = people[member.email] {
                person = known
            } else if let existing = try await Person.query(on: db).filter(\.$email == member.email).first() {
                person = existing
            } else {
                person = try await PlatformAdmin.createPerson(name: member.name, email: member.email, passwordHash: passwordHash,
                                                              isOperator: false, actor: actor, on: db)
            }
            people[member.email] = person
            guard let organisationID = organisationIDs[member.organisation], let role = Role(rawValue: member.role) else { continue }
            let membership = Membership(tenantID: tenantID, personID: person.id!, organisationID: organisationID, role: role)
            try await membership.create(on: db)
        }

        for route in data.routes {
            guard let authorityID = authorityIDs[route.localAuthority] else { continue }
            let record = Route()
            record.tenantID = tenantID
            record.code = route.code
            record.name = route.name
            record.localAuthorityID = authorityID
            record.areaID = areaIDs["\(route.localAuthority)|\(route.area)"]
            record.childrenPerDay = route.childrenPerDay
            record.status = route.status
            record.startDay = route.startDate
            record.endDay = route.endDate
            record.closedOn = route.closedOn
            record.path = route.path.map { GeoPoint(latitude: $0.latitude, longitude: $0.longitude) }
            record.chaperonePoints = route.chaperonePoints.map {
                ChaperonePoint(label: $0.label, point: GeoPoint(latitude: $0.latitude, longitude: $0.longitude))
            }
            record.version = 1
            try await record.create(on: db)
            for urn in route.schoolURNs {
                guard let schoolID = schoolIDs[urn] else { continue }
                try await RouteSchool(tenantID: tenantID, routeID: record.id!, schoolID: schoolID).create(on: db)
            }
            try await RouteCostRecord(tenantID: tenantID, routeID: record.id!, effectiveFrom: route.startDate,
                                      chaperones: route.chaperones, minutesPerDay: route.hoursPerDayMinutes,
                                      hourlyRatePence: route.hourlyRatePence,
                                      dailyManagementPence: route.dailyManagementPence).create(on: db)
        }

        try await DemoFundingLoader.load(data.funding, tenantID: tenantID, recordedAt: recordedAt, on: db)

        try await AuditLog.record(on: db, tenantID: tenantID, actor: actor, action: "demo.seeded", entity: "tenant",
                                  entityID: data.slug, after: [
                                      "routes": data.routes.count, "schools": data.schools.count,
                                      "organisations": data.organisations.count, "memberships": data.people.count,
                                      "funding_sources": data.funding.count,
                                  ])
    }

    static func periods(_ calendar: DemoCalendar, tenantID: UUID, calendarID: UUID) -> [TermPeriod] {
        calendar.years.flatMap { year -> [TermPeriod] in
            year.terms.map { TermPeriod(tenantID: tenantID, calendarID: calendarID, academicYear: year.label, kind: .term, start: $0.start, end: $0.end) }
                + year.halfTerms.map { TermPeriod(tenantID: tenantID, calendarID: calendarID, academicYear: year.label, kind: .halfTerm, start: $0.start, end: $0.end) }
                + year.insetDays.map { TermPeriod(tenantID: tenantID, calendarID: calendarID, academicYear: year.label, kind: .inset, start: $0, end: $0) }
        }
    }
}
