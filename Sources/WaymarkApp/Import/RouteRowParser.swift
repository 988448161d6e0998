import Foundation
import WaymarkDomain

/// Reads one route row into a change, recording every bad cell. Optional cells left
/// blank keep the existing route's values; a new route needs a path.
struct RouteRowParser {
    let reference: ImportReference

    func parse(_ reader: inout RowReader, firstRowForCode: inout [String: Int]) -> RouteImport.Change? {
        let rowNumber = reader.row.number
        let code = reader.text("code", required: true, maxLength: 20)
        if let code, !Route.isValidCode(code) {
            reader.fail("code", "'\(code)' is not a route code: use letters, digits and hyphens only")
        } else if let code, let first = firstRowForCode[ImportReference.key(code)] {
            reader.fail("code", "Route \(code) is also on row \(first): each route may appear once")
        } else if let code { firstRowForCode[ImportReference.key(code)] = rowNumber }
        let existing = code.flatMap(reference.route(code:))
        let name = reader.text("name", required: true, maxLength: 120)
        let authority = reference.authority(&reader, "local_authority")
        let area = reader.text("area", maxLength: 80)
        let status = reader.choice("status", Route.Status.self)
        let children = reader.int("children_per_day", required: true, range: 0...20_000)
        let start = reader.day("start_date"), end = reader.day("end_date")
        if let start, let end, end < start { reader.fail("end_date", "The end date \(end.display) is before the start date \(start.display)") }
        let schoolIDs = schools(&reader)
        let path = points(&reader)
        if path == nil, existing == nil, reader.row.value("path") == nil {
            reader.fail("path", "Enter the path of this new route: at least two 'latitude longitude' points")
        }
        let chaperonePoints = chaperones(&reader)
        let cost = costEntry(&reader)

        guard reader.issues.isEmpty, let code, let name, let authorityID = authority?.id, let children else { return nil }
        let canonicalCode = existing?.code ?? code.uppercased()
        let snapshot = RouteImport.Snapshot(
            code: canonicalCode, name: name, authorityID: authorityID,
            status: status?.rawValue ?? existing?.status ?? Route.Status.proposed.rawValue, childrenPerDay: children,
            start: start?.iso ?? existing?.startDay, end: end?.iso ?? existing?.endDay,
            path: path.map(RouteJSON.encode) ?? existing?.pathJSON ?? "[]",
            chaperonePoints: chaperonePoints.map(RouteJSON.encode) ?? existing?.chaperonePointsJSON ?? "[]")
        return RouteImport.Change(row: rowNumber, existing: existing, snapshot: snapshot, area: area,
                                  schoolIDs: schoolIDs, cost: cost)
    }

    private func schools(_ reader: inout RowReader) -> [UUID]? {
        guard let raw = reader.text("schools", maxLength: 2_000) else { return nil }
        var ids: [UUID] = []
        for urn in raw.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !urn.isEmpty {
            guard let school = reference.schoolsByURN[urn], let id = school.id else {
                reader.fail("schools", "No school with URN \(urn) in Waymark: import the school first")
                continue
            }
            if !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    private func points(_ reader: inout RowReader) -> [GeoPoint]? {
        guard let raw = reader.text("path", maxLength: 20_000) else { return nil }
        guard let points = RoutePath.parse(raw) else {
            reader.fail("path", "The path must be 'latitude longitude' points separated by semicolons, such as 52.5960 -2.1006; 52.5958 -2.0989")
            return nil
        }
        guard points.count >= 2 else { reader.fail("path", "A path needs at least two points"); return nil }
        let metres = RoutePath.length(points)
        guard metres <= 10_000 else {
            reader.fail("path", "The path is \(Int(metres / 1000)) km long: a walking route is under 10 km, so a point is probably mistyped")
            return nil
        }
        return points
    }

    /// "Label: 52.59 -2.10; Other label: 52.60 -2.11". The last colon separates the label,
    /// so a label may itself hold a colon.
    private func chaperones(_ reader: inout RowReader) -> [ChaperonePoint]? {
        guard let raw = reader.text("chaperone_points", maxLength: 20_000) else { return nil }
        var result: [ChaperonePoint] = []
        for item in raw.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            guard let colon = item.lastIndex(of: ":"),
                  case let label = item[..<colon].trimmingCharacters(in: .whitespaces), !label.isEmpty,
                  let point = RoutePath.parse(String(item[item.index(after: colon)...]))?.first else {
                reader.fail("chaperone_points", "'\(item)' should be 'label: latitude longitude', such as 'Corner of Hordern Road: 52.5924 -2.1401'")
                continue
            }
            result.append(ChaperonePoint(label: label, point: point))
        }
        return result
    }

    private func costEntry(_ reader: inout RowReader) -> RouteCostModel.Entry? {
        guard RouteImport.costColumns.contains(where: { reader.row.value($0) != nil }) else { return nil }
        let from = reader.day("cost_from", required: true)
        let chaperones = reader.int("chaperones", required: true, range: 1...50)
        let minutes = reader.int("minutes_per_day", required: true, range: 1...720)
        let rate = reader.money("hourly_rate", required: true)
        let management = reader.money("daily_management") ?? .zero
        guard let from, let chaperones, let minutes, let rate else { return nil }
        let entry = RouteCostModel.Entry(effectiveFrom: from, chaperones: chaperones, minutesPerDay: minutes,
                                         hourlyRate: rate, dailyManagement: management)
        guard entry.dailyCost != nil else { reader.fail("hourly_rate", "This cost is too large to work with"); return nil }
        return entry
    }
}
