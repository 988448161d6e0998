import Foundation
import WaymarkDomain

/// Reads one route row into a change, recording every bad cell. Optional cells left
/// blank keep the existing route's values; a new route needs a path.
struct RouteRowParser {
    let reference: ImportReference

    func parse(_ reader: inout RowReader, firstRowForCode: inout [String: Int]) -> RouteImport.Change? {
        let rowNumber = reader.row.number
        let code = reader.text("code", required: true, maxLength: RouteRules.codeLength.upperBound)
        if let code, let problem = RouteRules.codeProblem(code) {
            reader.fail("code", problem.message)
        } else if let code, let first = firstRowForCode[ImportReference.key(code)] {
            reader.fail("code", "Route \(code) is also on row \(first): each route may appear once")
        } else if let code { firstRowForCode[ImportReference.key(code)] = rowNumber }
        let existing = code.flatMap(reference.route(code:))
        let name = reader.text("name", required: true, maxLength: RouteRules.nameMaxLength)
        let authority = reference.authority(&reader, "local_authority")
        let area = reader.text("area", maxLength: RouteRules.areaMaxLength)
        let status = reader.choice("status", Route.Status.self)
        let children = reader.int("children_per_day", required: true, range: RouteRules.childrenPerDay)
        let start = reader.day("start_date"), end = reader.day("end_date")
        if let problem = RouteRules.datesProblem(start: start, end: end) { reader.fail("end_date", problem.message) }
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
        switch RouteRules.path(raw) {
        case .success(let points): return points
        case .failure(let problem): reader.fail("path", problem.message); return nil
        }
    }

    private func chaperones(_ reader: inout RowReader) -> [ChaperonePoint]? {
        guard let raw = reader.text("chaperone_points", maxLength: 20_000) else { return nil }
        let (points, problems) = RouteRules.chaperonePoints(raw)
        problems.forEach { reader.fail("chaperone_points", $0.message) }
        return problems.isEmpty ? points : nil
    }

    private func costEntry(_ reader: inout RowReader) -> RouteCostModel.Entry? {
        guard RouteImport.costColumns.contains(where: { reader.row.value($0) != nil }) else { return nil }
        let from = reader.day("cost_from", required: true)
        let chaperones = reader.int("chaperones", required: true, range: RouteRules.chaperones)
        let minutes = reader.int("minutes_per_day", required: true, range: RouteRules.minutesPerDay)
        let rate = reader.money("hourly_rate", required: true)
        let management = reader.money("daily_management") ?? .zero
        guard let from, let chaperones, let minutes, let rate else { return nil }
        let entry = RouteCostModel.Entry(effectiveFrom: from, chaperones: chaperones, minutesPerDay: minutes,
                                         hourlyRate: rate, dailyManagement: management)
        if let problem = RouteRules.costProblem(entry) { reader.fail("hourly_rate", problem.message); return nil }
        return entry
    }
}
