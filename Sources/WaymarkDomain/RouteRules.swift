import Foundation

/// What makes a route's details acceptable, in one place: the bulk import and the route
/// forms both check against these, so a route the form accepts the import accepts too,
/// and the same mistake gets the same words whichever way it was typed.
public enum RouteRules {
    public static let codeLength = 1...20
    public static let nameMaxLength = 120
    public static let areaMaxLength = 80
    public static let childrenPerDay = 0...20_000
    public static let chaperones = 1...50
    /// Paid minutes per chaperone per school day: 12 hours is already a very long day.
    public static let minutesPerDay = 1...720
    /// A walking route is under 10 km; a longer path almost always has a mistyped point.
    public static let longestPathMetres = 10_000.0

    /// A problem with one value, in words for the person who typed it.
    public struct Problem: Error, Equatable, Sendable {
        public let message: String
        public init(_ message: String) { self.message = message }
    }

    /// Route codes appear in URLs and imports: letters, digits and hyphens.
    public static func isValidCode(_ code: String) -> Bool {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")
        return codeLength.contains(code.count) && code.allSatisfy(allowed.contains)
    }

    public static func codeProblem(_ code: String) -> Problem? {
        isValidCode(code) ? nil : Problem("'\(code)' is not a route code: use up to \(codeLength.upperBound) letters, digits and hyphens only")
    }

    public static func datesProblem(start: Day?, end: Day?) -> Problem? {
        guard let start, let end, end < start else { return nil }
        return Problem("The end date \(end.display) is before the start date \(start.display)")
    }

    /// "52.5960 -2.1006; 52.5958 -2.0989" (a comma may separate a point's coordinates, and
    /// a new line may separate points, as people type them into a box).
    public static func path(_ text: String) -> Result<[GeoPoint], Problem> {
        guard let points = RoutePath.parse(oneLine(text)) else {
            return .failure(Problem("The path must be 'latitude longitude' points separated by semicolons, such as 52.5960 -2.1006; 52.5958 -2.0989"))
        }
        guard points.count >= 2 else { return .failure(Problem("A path needs at least two points")) }
        let metres = RoutePath.length(points)
        guard metres <= longestPathMetres else {
            return .failure(Problem("The path is \(Int(metres / 1000)) km long: a walking route is under 10 km, so a point is probably mistyped"))
        }
        return .success(points)
    }

    /// "Label: 52.59 -2.10; Other label: 52.60 -2.11". The last colon separates the label,
    /// so a label may itself hold a colon. Every bad item is reported, not just the first.
    public static func chaperonePoints(_ text: String) -> (points: [ChaperonePoint], problems: [Problem]) {
        var points: [ChaperonePoint] = [], problems: [Problem] = []
        for item in oneLine(text).split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            guard let colon = item.lastIndex(of: ":"),
                  case let label = item[..<colon].trimmingCharacters(in: .whitespaces), !label.isEmpty,
                  let point = RoutePath.parse(String(item[item.index(after: colon)...]))?.first else {
                problems.append(Problem("'\(item)' should be 'label: latitude longitude', such as 'Corner of Hordern Road: 52.5924 -2.1401'"))
                continue
            }
            points.append(ChaperonePoint(label: label, point: point))
        }
        return (problems.isEmpty ? points : [], problems)
    }

    /// An entry whose ranges were checked can still be too large to price a day with.
    public static func costProblem(_ entry: RouteCostModel.Entry) -> Problem? {
        entry.dailyCost == nil ? Problem("This cost is too large to work with") : nil
    }

    /// The text a form shows for a path: one point a line, read back by `path(_:)`.
    public static func formatPath(_ points: [GeoPoint]) -> String {
        RoutePath.format(points).replacingOccurrences(of: "; ", with: ";\n")
    }

    public static func formatChaperonePoints(_ points: [ChaperonePoint]) -> String {
        points.map { "\($0.label): \(RoutePath.format([$0.point]))" }.joined(separator: ";\n")
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: ";").replacingOccurrences(of: "\n", with: ";").replacingOccurrences(of: "\r", with: ";")
    }
}
