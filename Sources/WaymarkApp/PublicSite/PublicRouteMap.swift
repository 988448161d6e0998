import Foundation
import WaymarkDomain

/// The public map of which routes run: each local authority as a circle where its routes are,
/// sized by the children walked there each day, and the path of each route whose commissioner
/// chose to publish it. Unpublished paths are never drawn: a circle is the mean of an
/// authority's route points, which says no more than the authority's name. The table beside it
/// is its text alternative.
enum PublicRouteMap {
    static let width = 760.0
    static let height = 520.0
    static let padding = 60.0

    static func svg(_ data: PublicSiteData) -> String? {
        let groups = data.routesByAuthority.compactMap { authority, routes -> (name: String, centre: GeoPoint, children: Int, count: Int)? in
            let points = routes.flatMap { $0.route.path }
            guard !points.isEmpty else { return nil }
            let centre = GeoPoint(latitude: points.map(\.latitude).reduce(0, +) / Double(points.count),
                                  longitude: points.map(\.longitude).reduce(0, +) / Double(points.count))
            return (authority.name, centre, routes.reduce(0) { $0 + $1.route.childrenPerDay }, routes.count)
        }
        let paths = data.routes.filter { $0.pathShown && $0.route.path.count > 1 }
        let all = groups.map(\.centre) + paths.flatMap { $0.route.path }
        guard !groups.isEmpty, all.count > 1 else { return nil }
        let projection = Projection(points: RegionMapSVG.fitPoints(all), width: width, height: height, padding: padding)
        let most = Double(groups.map(\.children).max() ?? 1)
        let f = SVGSupport.fmt
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
        svg += "aria-labelledby=\"public-map-title public-map-desc\" class=\"wm-region-map\" font-family=\"sans-serif\">"
        svg += "<title id=\"public-map-title\">Where the routes run, by local authority</title>"
        svg += "<desc id=\"public-map-desc\">\(groups.count) local authorit\(groups.count == 1 ? "y" : "ies"), each a circle sized by the children walked each school day"
        svg += paths.isEmpty ? ". No route paths are published." : ", and the \(paths.count) published route path\(paths.count == 1 ? "" : "s") with their chaperone points (white circles)."
        svg += " The table below lists the same figures.</desc>"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"#f3f2f1\"/>"
        for group in groups {
            let p = projection.xy(group.centre)
            let radius = 14 + 30 * sqrt(Double(group.children) / max(most, 1))
            svg += "<circle cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"\(f(radius))\" fill=\"#1d70b8\" fill-opacity=\"0.25\" stroke=\"#1d70b8\" stroke-width=\"2\"/>"
        }
        for item in paths {
            let line = item.route.path.map(projection.xy).map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ")
            svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"7\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
            svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"3\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>"
            for point in item.route.chaperonePoints {
                let p = projection.xy(point.point)
                svg += "<circle cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"5\" fill=\"#ffffff\" stroke=\"#0b0c0c\" stroke-width=\"2\">"
                svg += "<title>\(SVGSupport.escape("\(item.route.code): \(point.label)"))</title></circle>"
            }
        }
        for group in groups {
            let p = projection.xy(group.centre)
            svg += "<text x=\"\(f(p.x))\" y=\"\(f(p.y - 2))\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"700\" fill=\"#0b0c0c\" "
            svg += "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(SVGSupport.escape(group.name))</text>"
            svg += "<text x=\"\(f(p.x))\" y=\"\(f(p.y + 14))\" text-anchor=\"middle\" font-size=\"12\" fill=\"#0b0c0c\" "
            svg += "stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\(group.count) route\(group.count == 1 ? "" : "s"), \(group.children.grouped()) children</text>"
        }
        svg += SVGSupport.scaleBar(projection, x: 16, y: height - 16)
        svg += "</svg>"
        return svg
    }
}
