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
        svg += SVGSupport.scaleBar(projection, x: padding, y: height - 16)
        svg += "</svg>"
        return svg
    }

    private static func escape(_ text: String) -> String { SVGSupport.escape(text) }
    private static func fmt(_ value: Double) -> String { SVGSupport.fmt(value) }
}
