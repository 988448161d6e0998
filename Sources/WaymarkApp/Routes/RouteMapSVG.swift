import Foundation
import WaymarkDomain

/// Draws a route's path, chaperone points and schools as SVG on the server. The page
/// beside it lists the same points as a table, the drawing's text alternative.
enum RouteMapSVG {
    struct Marker {
        let label: String
        let point: GeoPoint
    }

    static let width = 640.0
    static let height = 420.0
    static let padding = 36.0

    static func render(title: String, path: [GeoPoint], chaperones: [Marker], schools: [Marker]) -> String {
        let all = path + chaperones.map(\.point) + schools.map(\.point)
        guard !all.isEmpty else { return "" }
        let projection = Projection(points: all, width: width, height: height, padding: padding)
        var svg = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" role="img" \
        aria-labelledby="route-map-title route-map-desc" class="wm-route-map">
        <title id="route-map-title">\(escape(title))</title>
        <desc id="route-map-desc">The route drawn from its start (circle) to its end (square), \
        with \(chaperones.count) numbered chaperone points and \(schools.count) school\(schools.count == 1 ? "" : "s"). \
        The table below lists the same points.</desc>
        <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="#f3f2f1"/>
        """
        let line = path.map { projection.xy($0) }.map { "\(fmt($0.x)),\(fmt($0.y))" }.joined(separator: " ")
        svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"9\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
        svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"5\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
        if let first = path.first.map(projection.xy) {
            svg += "<circle cx=\"\(fmt(first.x))\" cy=\"\(fmt(first.y))\" r=\"8\" fill=\"#0b0c0c\"><title>Start</title></circle>"
        }
        if let last = path.last.map(projection.xy) {
            svg += "<rect x=\"\(fmt(last.x - 8))\" y=\"\(fmt(last.y - 8))\" width=\"16\" height=\"16\" fill=\"#0b0c0c\"><title>End</title></rect>"
        }
        for school in schools {
            let p = projection.xy(school.point)
            svg += "<g><title>\(escape(school.label))</title>"
            svg += "<polygon points=\"\(fmt(p.x)),\(fmt(p.y - 12)) \(fmt(p.x + 11)),\(fmt(p.y + 8)) \(fmt(p.x - 11)),\(fmt(p.y + 8))\" fill=\"#00703c\" stroke=\"#ffffff\" stroke-width=\"2\"/></g>"
        }
        for (index, chaperone) in chaperones.enumerated() {
            let p = projection.xy(chaperone.point)
            svg += "<g><title>\(index + 1). \(escape(chaperone.label))</title>"
            svg += "<circle cx=\"\(fmt(p.x))\" cy=\"\(fmt(p.y))\" r=\"11\" fill=\"#ffdd00\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>"
            svg += "<text x=\"\(fmt(p.x))\" y=\"\(fmt(p.y + 4.5))\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"700\" fill=\"#0b0c0c\" font-family=\"sans-serif\">\(index + 1)</text></g>"
        }
        svg += scaleBar(projection)
        svg += "</svg>"
        return svg
    }

    /// A bar of a round distance, so the drawing has a sense of size.
    private static func scaleBar(_ projection: Projection) -> String {
        let metresPerPixel = projection.metresPerPixel
        guard metresPerPixel > 0 else { return "" }
        let candidates = [50.0, 100, 200, 250, 500, 1000]
        let metres = candidates.last { $0 / metresPerPixel <= 160 } ?? 50
        let pixels = metres / metresPerPixel
        let x = padding, y = height - 16
        let label = metres >= 1000 ? "\(Int(metres / 1000)) km" : "\(Int(metres)) m"
        return "<g aria-hidden=\"true\"><line x1=\"\(fmt(x))\" y1=\"\(fmt(y))\" x2=\"\(fmt(x + pixels))\" y2=\"\(fmt(y))\" stroke=\"#0b0c0c\" stroke-width=\"3\"/>"
            + "<text x=\"\(fmt(x + pixels + 6))\" y=\"\(fmt(y + 4))\" font-size=\"13\" fill=\"#0b0c0c\" font-family=\"sans-serif\">\(label)</text></g>"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}

/// Equirectangular projection scaled to fit: at a street's scale the earth is flat
/// enough, once longitude is shrunk by the cosine of the latitude.
struct Projection {
    let minX: Double, maxY: Double, scale: Double, offsetX: Double, offsetY: Double, cosLat: Double

    init(points: [GeoPoint], width: Double, height: Double, padding: Double) {
        let meanLat = points.map(\.latitude).reduce(0, +) / Double(points.count)
        let cosine = cos(meanLat * .pi / 180)
        let xs = points.map { $0.longitude * cosine }, ys = points.map(\.latitude)
        let lowX = xs.min()!, highY = ys.max()!
        cosLat = cosine
        minX = lowX
        maxY = highY
        let spanX = max(xs.max()! - lowX, 1e-6), spanY = max(highY - ys.min()!, 1e-6)
        scale = min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY)
        offsetX = (width - spanX * scale) / 2
        offsetY = (height - spanY * scale) / 2
    }

    func xy(_ point: GeoPoint) -> (x: Double, y: Double) {
        (offsetX + (point.longitude * cosLat - minX) * scale, offsetY + (maxY - point.latitude) * scale)
    }

    /// One degree of latitude is about 111.2 km.
    var metresPerPixel: Double { 111_195 / scale }
}
