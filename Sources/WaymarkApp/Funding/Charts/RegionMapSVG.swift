import Foundation
import WaymarkDomain

/// Every route of a tenant on one map, coloured and shaped by funding status, drawn as SVG on
/// the server. Each route is a link to its page, so the map is also a way in; the table beside
/// it lists the same routes and is the text alternative.
///
/// Status is shown three ways: the colour of the path and marker, the marker's shape (unfunded
/// square, at risk triangle, watch diamond, secure circle) and, in the legend, the word.
///
/// The root is `role="group"`, not `role="img"`: an image's children are presentational, which
/// would hide the route links from assistive technology while leaving them focusable.
enum RegionMapSVG {
    struct Route {
        var code: String
        var name: String
        var status: RouteStatus
        var path: [GeoPoint]
        var href: String
    }

    static let width = 760.0
    static let mapHeight = 520.0
    static let legendHeight = 44.0
    static var height: Double { mapHeight + legendHeight }
    static let padding = 44.0
    /// The smallest area drawn, in metres, so one short route is not blown up to fill the map.
    static let minimumExtentMetres = 3_000.0

    /// Worst first, as the legend lists them.
    static let legendOrder: [RouteStatus] = [.unfunded, .atRisk, .watch, .secure]

    static func colour(_ status: RouteStatus) -> String {
        switch status {
        case .unfunded: "#942514"
        case .atRisk: "#b34a0f"
        case .watch: "#8c7400"
        case .secure: "#00703c"
        }
    }

    static func shapeName(_ status: RouteStatus, plural: Bool = false) -> String {
        let name = switch status {
        case .unfunded: "square"
        case .atRisk: "triangle"
        case .watch: "diamond"
        case .secure: "circle"
        }
        return plural ? name + "s" : name
    }

    static func cssSlug(_ status: RouteStatus) -> String {
        switch status {
        case .unfunded: "unfunded"
        case .atRisk: "at-risk"
        case .watch: "watch"
        case .secure: "secure"
        }
    }

    /// The marker for `status` centred on (x, y); `extra` is added to the element (class, stroke).
    static func marker(_ status: RouteStatus, x: Double, y: Double, extra: String = "") -> String {
        let fill = "fill=\"\(colour(status))\"\(extra.isEmpty ? "" : " " + extra)"
        switch status {
        case .secure:
            return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"6.5\" \(fill) data-shape=\"circle\"/>"
        case .watch:
            return "<polygon points=\"\(f(x)),\(f(y - 8.5)) \(f(x + 8.5)),\(f(y)) \(f(x)),\(f(y + 8.5)) \(f(x - 8.5)),\(f(y))\" \(fill) data-shape=\"diamond\"/>"
        case .atRisk:
            return "<polygon points=\"\(f(x)),\(f(y - 8.5)) \(f(x + 8.5)),\(f(y + 6.5)) \(f(x - 8.5)),\(f(y + 6.5))\" \(fill) data-shape=\"triangle\"/>"
        case .unfunded:
            return "<rect x=\"\(f(x - 6.5))\" y=\"\(f(y - 6.5))\" width=\"13\" height=\"13\" \(fill) data-shape=\"square\"/>"
        }
    }

    /// A route ready to draw: projected path, marker position and label box.
    private struct Placed {
        let index: Int
        let route: Route
        let points: [(x: Double, y: Double)]
        var mid: (x: Double, y: Double)
        var label = SVGSupport.Box(x: 0, y: 0, width: 0, height: 0)
    }

    static func render(title: String, routes: [Route], idPrefix: String = "region-map") -> String {
        guard !routes.isEmpty else { return "" }
        let drawable = routes.enumerated().filter { !$0.element.path.isEmpty }
        guard !drawable.isEmpty else { return "" }
        let id = SVGSupport.escape(idPrefix)

        let projection = Projection(points: fitPoints(drawable.flatMap(\.element.path)),
                                    width: width, height: mapHeight, padding: padding)
        var placed = drawable.map { index, route in
            Placed(index: index, route: route, points: route.path.map(projection.xy),
                   mid: projection.xy(midpoint(of: route.path)))
        }
        placeMarkers(&placed, projection: projection)
        placeLabels(&placed)
        // The most urgent routes are drawn last, on top (and so come last in tab order); input
        // order settles ties.
        let drawOrder = placed.sorted { a, b in
            a.route.status != b.route.status ? a.route.status > b.route.status : a.index < b.index
        }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"group\" "
        svg += "aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\" class=\"wm-region-map\" font-family=\"sans-serif\">"
        svg += "<title id=\"\(id)-title\">\(SVGSupport.escape(title))</title>"
        svg += "<desc id=\"\(id)-desc\">\(SVGSupport.escape(description(routes: routes)))</desc>"
        svg += "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(mapHeight))\" fill=\"#f3f2f1\"/>"
        svg += "<rect x=\"0\" y=\"\(Int(mapHeight))\" width=\"\(Int(width))\" height=\"\(Int(legendHeight))\" fill=\"#ffffff\"/>"
        // Every path first, then every link, so no path hides a marker or a code.
        svg += "<g class=\"wm-region-map__paths\" aria-hidden=\"true\">" + drawOrder.map(drawPath).joined() + "</g>"
        svg += drawOrder.map(drawLink).joined()
        svg += SVGSupport.scaleBar(projection, x: 16, y: mapHeight - 16)
        svg += legend(counts: legendOrder.map { status in drawable.filter { $0.element.status == status }.count })
        svg += "</svg>"
        return svg
    }

    private static func polylinePoints(_ item: Placed) -> String {
        item.points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ")
    }

    private static let roundLine = "fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\""

    /// The route's path in its status colour on a white halo; drawn beneath every marker.
    private static func drawPath(_ item: Placed) -> String {
        guard item.points.count > 1 else { return "" }
        let line = polylinePoints(item)
        return "<polyline points=\"\(line)\" \(roundLine) stroke=\"#ffffff\" stroke-width=\"8\"/>"
            + "<polyline class=\"wm-region-map__path\" points=\"\(line)\" \(roundLine) stroke=\"\(colour(item.route.status))\" stroke-width=\"5\"/>"
    }

    /// The link: focus rings (unpainted until the stylesheet paints them on :focus), an unseen
    /// wide line to click, the marker and the code.
    private static func drawLink(_ item: Placed) -> String {
        let route = item.route, status = route.status
        let name = "\(route.code) \(route.name): \(status.displayName)"
        var svg = "<a href=\"\(SVGSupport.escape(route.href))\" class=\"wm-region-map__route wm-region-map__route--\(cssSlug(status))\">"
        svg += "<title>\(SVGSupport.escape(name))</title>"
        if item.points.count > 1 {
            let line = polylinePoints(item)
            svg += "<polyline class=\"wm-region-map__focus-line\" points=\"\(line)\" \(roundLine) stroke=\"none\" stroke-width=\"16\"/>"
            svg += "<polyline class=\"wm-region-map__focus-line-inner\" points=\"\(line)\" \(roundLine) stroke=\"none\" stroke-width=\"10\"/>"
            svg += "<polyline points=\"\(line)\" \(roundLine) stroke=\"#0b0c0c\" stroke-opacity=\"0\" stroke-width=\"12\"/>"
        }
        svg += "<circle class=\"wm-region-map__focus-marker\" cx=\"\(f(item.mid.x))\" cy=\"\(f(item.mid.y))\" r=\"13\" fill=\"none\" stroke=\"none\" stroke-width=\"3\"/>"
        svg += marker(status, x: item.mid.x, y: item.mid.y, extra: "stroke=\"#ffffff\" stroke-width=\"2\"")
        let box = item.label
        svg += "<text class=\"wm-region-map__label\" x=\"\(f(box.x + 2))\" y=\"\(f(box.y + box.height - 4))\" font-size=\"12\" font-weight=\"700\" "
        svg += "fill=\"#0b0c0c\" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">"
        svg += "\(SVGSupport.escape(route.code))</text></a>"
        return svg
    }

    // MARK: - Geometry

    /// The paths' points, plus two corners when the routes span less than the minimum extent,
    /// so that the projection keeps a sensible scale.
    static func fitPoints(_ points: [GeoPoint]) -> [GeoPoint] {
        let lats = points.map(\.latitude), lons = points.map(\.longitude)
        let midLat = (lats.min()! + lats.max()!) / 2, midLon = (lons.min()! + lons.max()!) / 2
        let halfLat = minimumExtentMetres / 2 / 111_195
        let halfLon = halfLat / max(cos(midLat * .pi / 180), 0.01)
        return points + [
            GeoPoint(latitude: midLat - halfLat, longitude: midLon - halfLon),
            GeoPoint(latitude: midLat + halfLat, longitude: midLon + halfLon),
        ]
    }

    /// The point halfway along the path by distance (the first point of a path with no length).
    static func midpoint(of path: [GeoPoint]) -> GeoPoint {
        point(along: path, fraction: 0.5)
    }

    /// The point `fraction` (0...1) of the way along the path by distance.
    static func point(along path: [GeoPoint], fraction: Double) -> GeoPoint {
        let total = RoutePath.length(path)
        guard total > 0, path.count > 1 else { return path[0] }
        var remaining = total * min(max(fraction, 0), 1)
        for (a, b) in zip(path, path.dropFirst()) {
            let leg = a.distance(to: b)
            if leg >= remaining && leg > 0 {
                let t = remaining / leg
                return GeoPoint(latitude: a.latitude + (b.latitude - a.latitude) * t,
                                longitude: a.longitude + (b.longitude - a.longitude) * t)
            }
            remaining -= leg
        }
        return path[path.count - 1]
    }

    /// Orders of preference for where along its path a route's marker goes: the middle, unless
    /// that would sit on a marker already placed.
    private static let markerFractions = [0.5, 0.35, 0.65, 0.2, 0.8, 0.05, 0.95]

    /// Moves a marker along its own path, off the middle, when it would cover a marker placed
    /// before it, or just off the path when the path is too short for that (the most urgent
    /// routes are placed first and keep their middles).
    private static func placeMarkers(_ placed: inout [Placed], projection: Projection) {
        var taken: [SVGSupport.Box] = []
        func box(_ p: (x: Double, y: Double)) -> SVGSupport.Box { .init(x: p.x - 9, y: p.y - 9, width: 18, height: 18) }
        for i in urgencyOrder(placed) {
            let path = placed[i].route.path
            let mid = placed[i].mid
            var options = path.count > 1 ? markerFractions.map { projection.xy(point(along: path, fraction: $0)) } : [mid]
            // Short paths at a region's scale leave little room along them: then step off the path.
            for (dx, dy) in [(1.0, 0.0), (-1, 0), (0, -1), (0, 1), (0.7, -0.7), (-0.7, -0.7), (0.7, 0.7), (-0.7, 0.7)] {
                options.append((mid.x + 16 * dx, mid.y + 16 * dy))
            }
            // The first free place; failing that, the one farthest from the markers in the way.
            func clearance(_ p: (x: Double, y: Double)) -> Double {
                taken.map { hypot($0.x + 9 - p.x, $0.y + 9 - p.y) }.min() ?? .infinity
            }
            let chosen = options.first { option in !taken.contains { $0.overlaps(box(option)) } }
                ?? options.enumerated().max { a, b in
                    clearance(a.element) != clearance(b.element) ? clearance(a.element) < clearance(b.element) : a.offset > b.offset
                }!.element
            placed[i].mid = chosen
            taken.append(box(chosen))
        }
    }

    /// Indexes of `placed`, most urgent status first, then input order.
    private static func urgencyOrder(_ placed: [Placed]) -> [Int] {
        placed.indices.sorted { a, b in
            placed[a].route.status != placed[b].route.status
                ? placed[a].route.status < placed[b].route.status : placed[a].index < placed[b].index
        }
    }

    /// Puts each route code beside its marker where it overlaps no marker and no label placed
    /// before it; the most urgent routes choose first. Crude, but enough for a few dozen routes.
    private static func placeLabels(_ placed: inout [Placed]) {
        let markerBoxes = placed.map { SVGSupport.Box(x: $0.mid.x - 10, y: $0.mid.y - 10, width: 20, height: 20) }
        var taken: [SVGSupport.Box] = []
        for i in urgencyOrder(placed) {
            let w = SVGSupport.textWidth(placed[i].route.code, size: 12, bold: true) + 4, h = 16.0
            let (x, y) = placed[i].mid
            var candidates: [SVGSupport.Box] = []
            for step in [0.0, 10, 22] {
                candidates += [
                    .init(x: x + 12 + step, y: y - h / 2, width: w, height: h),           // right
                    .init(x: x - 12 - step - w, y: y - h / 2, width: w, height: h),       // left
                    .init(x: x - w / 2, y: y - 12 - step - h, width: w, height: h),       // above
                    .init(x: x - w / 2, y: y + 12 + step, width: w, height: h),           // below
                    .init(x: x + 9 + step, y: y - 9 - step - h, width: w, height: h),     // above right
                    .init(x: x + 9 + step, y: y + 9 + step, width: w, height: h),         // below right
                    .init(x: x - 9 - step - w, y: y - 9 - step - h, width: w, height: h), // above left
                    .init(x: x - 9 - step - w, y: y + 9 + step, width: w, height: h),     // below left
                ]
            }
            let inside = candidates.filter { $0.inside(width: width, height: mapHeight) }
            let free = inside.first { box in
                !taken.contains { $0.overlaps(box) }
                    && !markerBoxes.enumerated().contains { $0.offset != i && $0.element.overlaps(box) }
            }
            let chosen = free ?? inside.first ?? candidates[0]
            placed[i].label = chosen
            taken.append(chosen)
        }
    }

    // MARK: - Legend and words

    private static func legend(counts: [Int]) -> String {
        let y = mapHeight + legendHeight / 2
        var svg = "<g class=\"wm-region-map__legend\">"
        svg += "<text x=\"16\" y=\"\(f(y + 5))\" font-size=\"13\" font-weight=\"700\" fill=\"#0b0c0c\">Funding status</text>"
        var x = 140.0
        for (status, count) in zip(legendOrder, counts) {
            let label = "\(status.displayName) (\(count))"
            svg += "<g>" + marker(status, x: x + 10, y: y) + "<text x=\"\(f(x + 26))\" y=\"\(f(y + 5))\" font-size=\"13\" fill=\"#0b0c0c\">"
            svg += SVGSupport.escape(label) + "</text></g>"
            x += 26 + SVGSupport.textWidth(label, size: 13) + 28
        }
        svg += "</g>"
        return svg
    }

    static func description(routes: [Route]) -> String {
        let drawn = routes.filter { !$0.path.isEmpty }
        let missing = routes.filter(\.path.isEmpty)
        let parts = legendOrder.map { status in
            let count = drawn.filter { $0.status == status }.count
            return "\(count) \(status.displayName.lowercased()) (\(shapeName(status, plural: count != 1)))"
        }
        var text = "Map of \(drawn.count) route\(drawn.count == 1 ? "" : "s") by funding status, each drawn in its status colour "
        text += "with a marker at its middle: " + parts.joined(separator: ", ") + ". Each route links to its page."
        if !missing.isEmpty {
            text += " \(missing.count) route\(missing.count == 1 ? "" : "s") not drawn: no path ("
            text += missing.map(\.code).joined(separator: ", ") + ")."
        }
        text += " The table below lists the same routes."
        return text
    }

    private static func f(_ value: Double) -> String { SVGSupport.fmt(value) }
}
