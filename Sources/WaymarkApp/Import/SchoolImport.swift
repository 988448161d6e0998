import Fluent
import Foundation
import WaymarkDomain

/// Bulk import of schools, matched by URN (the Department for Education's unique
/// reference number, which outlives a school's name).
enum SchoolImport: TabularImporter {
    enum Phase: String, CaseIterable { case nursery, primary, secondary, all_through, special, alternative_provision, other }

    static let columns: [ImportColumn] = [
        .init(name: "urn", required: true, help: "The school's unique reference number (5 to 7 digits) from Get Information about Schools.", example: "103956"),
        .init(name: "name", required: true, help: "The school's name.", example: "Erdington Academy"),
        .init(name: "local_authority", required: true, help: "GSS code or name of one of this tenant's local authorities.", example: "E08000025"),
        .init(name: "area", required: false, help: "Neighbourhood. A name Waymark does not know yet adds it to the local authority.", example: "Erdington"),
        .init(name: "phase", required: false, help: "One of: \(Phase.allCases.map(\.rawValue).joined(separator: ", ")). New schools without one are 'other'.", example: "secondary"),
        .init(name: "latitude", required: false, help: "Decimal degrees (WGS84), with longitude.", example: "52.5237"),
        .init(name: "longitude", required: false, help: "Decimal degrees (WGS84), with latitude.", example: "-1.8390"),
    ]

    static var exampleRows: [[String]] { [columns.map(\.example)] }

    struct Change: Sendable {
        let existing: School?
        let urn: String
        let name: String
        let authorityID: UUID
        let area: String?
        let phase: String?
        let location: (Double, Double)?
    }

    /// The audited shape of a school.
    struct Snapshot: Encodable, Equatable {
        let urn: String; let name: String; let local_authority_id: UUID; let area_id: UUID?
        let phase: String; let latitude: Double?; let longitude: Double?

        init(_ school: School) {
            urn = school.urn; name = school.name; local_authority_id = school.localAuthorityID; area_id = school.areaID
            phase = school.phase; latitude = school.latitude; longitude = school.longitude
        }
    }

    static func plan(_ table: TabularTable, _ reference: ImportReference) -> Result<([Change], ImportOutcome), ImportIssues> {
        var issues: [ImportIssue] = []
        if let missing = missingColumns(table, columns) { return .failure(missing) }

        var changes: [Change] = []
        var outcome = ImportOutcome()
        var firstRowForURN: [String: Int] = [:]
        for row in table.rows {
            var reader = RowReader(row)
            let urn = reader.text("urn", required: true)
            if let urn, !OrganisationIdentifiers.isURN(urn) {
                reader.fail("urn", "'\(urn)' is not a URN: it should be 5 to 7 digits")
            } else if let urn, let first = firstRowForURN[urn] {
                reader.fail("urn", "URN \(urn) is also on row \(first): each school may appear once")
            } else if let urn { firstRowForURN[urn] = row.number }
            let name = reader.text("name", required: true, maxLength: 160)
            let authority = reference.authority(&reader, "local_authority")
            let area = reader.text("area", maxLength: 80)
            let phase = reader.choice("phase", Phase.self)
            let latitude = reader.double("latitude", range: -90...90)
            let longitude = reader.double("longitude", range: -180...180)
            if (row.value("latitude") == nil) != (row.value("longitude") == nil) {
                reader.fail(row.value("latitude") == nil ? "latitude" : "longitude", "Give both latitude and longitude, or neither")
            }
            issues += reader.issues
            guard reader.issues.isEmpty, let urn, let name, let authority, let authorityID = authority.id else { continue }
            let change = Change(existing: reference.schoolsByURN[urn], urn: urn, name: name, authorityID: authorityID,
                                area: area, phase: phase?.rawValue, location: latitude.flatMap { lat in longitude.map { (lat, $0) } })
            changes.append(change)
            outcome.record(row.number, urn, action(for: change, reference), name)
        }
        if table.rows.isEmpty { issues.append(.file("The file has a header row but no schools")) }
        return issues.isEmpty ? .success((changes, outcome)) : .failure(ImportIssues(issues: issues))
    }

    private static func action(for change: Change, _ reference: ImportReference) -> ImportOutcome.Action {
        guard let school = change.existing else { return .add }
        let areaChanges = change.area.map { name in reference.area(named: name, in: change.authorityID)?.id != school.areaID } ?? false
        let same = school.name == change.name && school.localAuthorityID == change.authorityID && !areaChanges
            && (change.phase ?? school.phase) == school.phase
            && change.location.map { $0.0 == school.latitude && $0.1 == school.longitude } ?? true
        return same ? .unchanged : .update
    }

    static func apply(_ changes: [Change], _ context: TenantContext) async throws {
        var areas = AreaResolver(context)
        for change in changes {
            let school = change.existing ?? School(tenantID: context.tenantID, localAuthorityID: change.authorityID, areaID: nil,
                                                   name: change.name, urn: change.urn, phase: change.phase ?? Phase.other.rawValue,
                                                   latitude: nil, longitude: nil)
            let before = change.existing.map(Snapshot.init)
            school.name = change.name
            school.localAuthorityID = change.authorityID
            if let area = change.area { school.areaID = try await areas.id(named: area, in: change.authorityID) }
            else if before?.local_authority_id != change.authorityID { school.areaID = nil }
            if let phase = change.phase { school.phase = phase }
            if let (latitude, longitude) = change.location { school.latitude = latitude; school.longitude = longitude }
            let after = Snapshot(school)
            if before == after { continue }
            if before != nil { school.version += 1 }
            try await school.save(on: context.db)
            try await context.audit(before == nil ? "school.imported" : "school.updated_by_import", "school", school.urn,
                                    before: before, after: after)
        }
    }
}

/// Finds an area of a local authority by name, adding it when new, and remembers the
/// answer so a file naming one new area on many rows adds it once.
struct AreaResolver {
    let context: TenantContext
    private var known: [String: UUID] = [:]

    init(_ context: TenantContext) { self.context = context }

    mutating func id(named name: String, in authorityID: UUID) async throws -> UUID {
        let cacheKey = authorityID.uuidString + "|" + ImportReference.key(name)
        if let id = known[cacheKey] { return id }
        let existing = try await context.query(Area.self).filter(\.$localAuthorityID == authorityID).all()
            .first { ImportReference.key($0.name) == ImportReference.key(name) }
        let area = existing ?? Area(tenantID: context.tenantID, localAuthorityID: authorityID, name: name)
        if existing == nil {
            try await area.save(on: context.db)
            try await context.audit("area.imported", "area", name, after: ["name": name])
        }
        known[cacheKey] = area.id!
        return area.id!
    }
}
