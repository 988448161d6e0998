import Foundation

/// A point on the ground, WGS84 degrees.
public struct GeoPoint: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    public var isValid: Bool {
        (-90...90).contains(latitude) && (-180...180).contains(longitude)
            && latitude.isFinite && longitude.isFinite
    }

    /// Great-circle distance in metres (haversine; plenty for walking routes).
    public func distance(to other: GeoPoint) -> Double {
        let radius = 6_371_000.0
        let dLat = (other.latitude - latitude) * .pi / 180
        let dLon = (other.longitude - longitude) * .pi / 180
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude * .pi / 180) * cos(other.latitude * .pi / 180) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * radius * atan2(sqrt(a), sqrt(1 - a))
    }
}

/// A named place on a route where a chaperone stands.
public struct ChaperonePoint: Sendable, Hashable, Codable {
    public var label: String
    public var point: GeoPoint

    public init(label: String, point: GeoPoint) {
        self.label = label
        self.point = point
    }
}

public enum RoutePath {
    /// Length of an ordered path in metres.
    public static func length(_ points: [GeoPoint]) -> Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
    }

    /// Parses "52.4862 -1.8904; 52.4870 -1.8890" (or with commas between the
    /// coordinates of a point) into points, as the bulk import writes paths.
    public static func parse(_ text: String) -> [GeoPoint]? {
        let pairs = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var points: [GeoPoint] = []
        for pair in pairs {
            let numbers = pair.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
            guard numbers.count == 2 else { return nil }
            let point = GeoPoint(latitude: numbers[0], longitude: numbers[1])
            guard point.isValid else { return nil }
            points.append(point)
        }
        return points.isEmpty ? nil : points
    }

    public static func format(_ points: [GeoPoint]) -> String {
        points.map { String(format: "%.6f %.6f", $0.latitude, $0.longitude) }.joined(separator: "; ")
    }
}
