import Foundation
import XCTest
import WaymarkDomain
@testable import WaymarkApp

final class RegionMapSVGTests: XCTestCase {
    typealias Map = RegionMapSVG

    /// A straight route of about `metres` heading east from (lat, lon).
    static func route(_ code: String, _ status: RouteStatus, lat: Double, lon: Double, metres: Double = 1500,
                      name: String? = nil) -> Map.Route {
        let dLon = metres / (111_195 * cos(lat * .pi / 180))
        return Map.Route(code: code, name: name ?? "Route \(code)", status: status,
                         path: [GeoPoint(latitude: lat, longitude: lon), GeoPoint(latitude: lat + 0.003, longitude: lon + dLon / 2),
                                GeoPoint(latitude: lat, longitude: lon + dLon)],
                         href: "/t/west-midlands/routes/\(code)")
    }

    /// Routes spread over about 40 km of the West Midlands.
    static let routes: [Map.Route] = [
        route("BHM-01", .secure, lat: 52.52, lon: -1.84),
        route("BHM-06", .unfunded, lat: 52.45, lon: -1.87),
        route("COV-01", .watch, lat: 52.41, lon: -1.51),
        route("WLV-03", .atRisk, lat: 52.57, lon: -2.13),
        route("DUD-01", .unfunded, lat: 52.51, lon: -2.09),
        route("SOL-01", .secure, lat: 52.41, lon: -1.78),
    ]

    func parse(_ svg: String, file: StaticString = #filePath, line: UInt = #line) throws -> SVGDocument {
        try XCTUnwrap(SVGDocument(svg), "not well-formed XML:\n\(svg)", file: file, line: line)
    }

    func testNoRoutesGivesNothing() {
        XCTAssertEqual(Map.render(title: "Routes", routes: []), "")
        var pathless = Self.routes[0]
        pathless.path = []
        XCTAssertEqual(Map.render(title: "Routes", routes: [pathless]), "", "nothing to draw")
    }

    func testIsWellFormedWithTitleDescriptionAndAGroupRole() throws {
        let doc = try parse(Map.render(title: "West Midlands routes by funding status", routes: Self.routes))
        XCTAssertEqual(doc.root.attributes["role"], "group", "an img role would hide the links")
        XCTAssertEqual(doc.root.attributes["aria-labelledby"], "region-map-title")
        XCTAssertEqual(doc.root.attributes["aria-describedby"], "region-map-desc")
        XCTAssertEqual(doc.children(of: doc.root, named: "title").first?.text, "West Midlands routes by funding status")
        let desc = try XCTUnwrap(doc.children(of: doc.root, named: "desc").first).text
        XCTAssertTrue(desc.contains("Map of 6 routes"), desc)
        XCTAssertTrue(desc.contains("2 unfunded (squares), 1 at risk (triangle), 1 watch (diamond), 2 secure (circles)"), desc)
        XCTAssertTrue(desc.hasSuffix("The table below lists the same routes."), desc)
    }

    func testOneLinkPerRouteWithAnAccessibleNameAndFocusHooks() throws {
        let doc = try parse(Map.render(title: "Routes", routes: Self.routes))
        let links = doc.all("a")
        XCTAssertEqual(links.count, Self.routes.count)
        XCTAssertEqual(Set(links.compactMap { $0.attributes["href"] }), Set(Self.routes.map(\.href)))
        for link in links {
            XCTAssertTrue(link.attributes["class"]!.contains("wm-region-map__route"))
            let route = Self.routes.first { $0.href == link.attributes["href"] }!
            let title = try XCTUnwrap(doc.children(of: link, named: "title").first)
            XCTAssertEqual(title.text, "\(route.code) \(route.name): \(route.status.displayName)")
            XCTAssertTrue(doc.descendants(of: link, named: "text").contains { $0.text == route.code })
        }
        // Paths are drawn beneath all the links, each in its status colour.
        let paths = doc.withClass("wm-region-map__path")
        XCTAssertEqual(paths.count, Self.routes.count)
        XCTAssertEqual(paths.map { $0.attributes["stroke"]! }.sorted(), Self.routes.map { Map.colour($0.status) }.sorted())
        XCTAssertLessThan(paths.map(\.index).max()!, links.map(\.index).min()!)
    }

    func testMarkerShapeFollowsStatus() throws {
        let doc = try parse(Map.render(title: "Routes", routes: Self.routes))
        let expected: [RouteStatus: (element: String, shape: String)] = [
            .unfunded: ("rect", "square"), .atRisk: ("polygon", "triangle"), .watch: ("polygon", "diamond"), .secure: ("circle", "circle"),
        ]
        for link in doc.all("a") {
            let route = Self.routes.first { $0.href == link.attributes["href"] }!
            let marks = doc.descendants(of: link, named: expected[route.status]!.element).filter { $0.attributes["data-shape"] != nil }
            XCTAssertEqual(marks.count, 1, route.code)
            XCTAssertEqual(marks.first?.attributes["data-shape"], expected[route.status]!.shape)
            XCTAssertEqual(marks.first?.attributes["fill"], Map.colour(route.status))
        }
        // Four statuses, four different shapes and colours.
        XCTAssertEqual(Set(RouteStatus.allCases.map { Map.shapeName($0) }).count, 4)
        XCTAssertEqual(Set(RouteStatus.allCases.map(Map.colour)).count, 4)
    }

    func testLegendCountsEachStatusWithItsShape() throws {
        var routes = Self.routes
        routes.append(Map.Route(code: "NEW-01", name: "No path yet", status: .unfunded, path: [], href: "/t/x/routes/NEW-01"))
        let doc = try parse(Map.render(title: "Routes", routes: routes))
        let legend = try XCTUnwrap(doc.withClass("wm-region-map__legend").first)
        let items = doc.children(of: legend, named: "g")
        XCTAssertEqual(items.map(\.text), ["Unfunded (2)", "At risk (1)", "Watch (1)", "Secure (2)"])
        XCTAssertEqual(items.map { item in
            doc.elements.first { $0.ancestors.last == item.index && $0.attributes["data-shape"] != nil }?.attributes["data-shape"]
        }, ["square", "triangle", "diamond", "circle"])
    }

    func testRoutesWithoutAPathAreSkippedAndNamedInTheDescription() throws {
        var routes = Self.routes
        routes.insert(Map.Route(code: "NEW-01", name: "No path yet", status: .unfunded, path: [], href: "/t/x/routes/NEW-01"), at: 2)
        routes.append(Map.Route(code: "NEW-02", name: "No path either", status: .secure, path: [], href: "/t/x/routes/NEW-02"))
        let doc = try parse(Map.render(title: "Routes", routes: routes))
        XCTAssertEqual(doc.all("a").count, 6)
        XCTAssertFalse(doc.all("a").contains { $0.attributes["href"]!.contains("NEW-") })
        let desc = doc.all("desc")[0].text
        XCTAssertTrue(desc.contains("2 routes not drawn: no path (NEW-01, NEW-02)."), desc)
    }

    func testOneRouteIsDrawnAtASensibleScale() throws {
        let svg = Map.render(title: "One route", routes: [Self.routes[0]])
        let doc = try parse(svg)
        XCTAssertEqual(doc.all("a").count, 1)
        XCTAssertTrue(doc.all("desc")[0].text.contains("Map of 1 route by"))
        let line = try XCTUnwrap(doc.withClass("wm-region-map__path").first)
        let xs = line.attributes["points"]!.split(separator: " ").map { Double($0.split(separator: ",")[0])! }
        let drawnWidth = xs.max()! - xs.min()!
        // 1.5 km in a map at least 3 km across: no more than about half the map.
        XCTAssertLessThan(drawnWidth, Map.width / 2 + 1)
        XCTAssertGreaterThan(drawnWidth, 50)
    }

    func testAOnePointPathStillGetsAMarker() throws {
        let point = Map.Route(code: "PT-1", name: "Just a gate", status: .watch,
                              path: [GeoPoint(latitude: 52.5, longitude: -1.9)], href: "/r/PT-1")
        let doc = try parse(Map.render(title: "Routes", routes: [point, Self.routes[0]]))
        XCTAssertEqual(doc.all("a").count, 2)
        let link = try XCTUnwrap(doc.all("a").first { $0.attributes["href"] == "/r/PT-1" })
        XCTAssertEqual(doc.descendants(of: link, named: "polygon").first?.attributes["data-shape"], "diamond")
    }

    func testMidpointIsHalfwayAlongThePath() {
        let path = [GeoPoint(latitude: 52.5, longitude: -1.9), GeoPoint(latitude: 52.5, longitude: -1.89),
                    GeoPoint(latitude: 52.5, longitude: -1.86)]
        let mid = Map.midpoint(of: path)
        XCTAssertEqual(mid.longitude, -1.88, accuracy: 1e-6)
        XCTAssertEqual(mid.latitude, 52.5, accuracy: 1e-9)
    }

    func testLabelsOfNearbyRoutesDoNotOverlap() throws {
        // Five routes whose middles are within a few hundred metres of each other.
        let close = (0..<5).map { i in
            Self.route("CL-0\(i)", RouteStatus.allCases[i % 4], lat: 52.48 + Double(i) * 0.0015, lon: -1.90 + Double(i) * 0.001)
        }
        let doc = try parse(Map.render(title: "Routes", routes: close + [Self.routes[2]]))
        let labels = doc.withClass("wm-region-map__label")
        XCTAssertEqual(labels.count, 6)
        let boxes = labels.map { label in
            SVGSupport.Box(x: Double(label.attributes["x"]!)!, y: Double(label.attributes["y"]!)! - 12,
                           width: SVGSupport.textWidth(label.text, size: 12, bold: true), height: 12)
        }
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                XCTAssertFalse(boxes[i].overlaps(boxes[j]), "\(labels[i].text) overlaps \(labels[j].text)")
            }
        }
    }

    func testEscapesNamesCodesAndLinks() throws {
        let route = Self.route("A&B<1>", .atRisk, lat: 52.5, lon: -1.9, name: "Smith's \"Lane\" & <Gate>")
        var linked = route
        linked.href = "/routes?code=A&B<1>"
        let svg = Map.render(title: "Routes <&>", routes: [linked])
        XCTAssertTrue(svg.contains("A&amp;B&lt;1&gt;"))
        XCTAssertTrue(svg.contains("href=\"/routes?code=A&amp;B&lt;1&gt;\""))
        let doc = try parse(svg)
        XCTAssertEqual(doc.all("title")[0].text, "Routes <&>")
        XCTAssertEqual(doc.all("a")[0].attributes["href"], "/routes?code=A&B<1>")
        XCTAssertEqual(doc.children(of: doc.all("a")[0], named: "title")[0].text, "A&B<1> Smith's \"Lane\" & <Gate>: At risk")
    }

    func testDeterministicWithNoScriptsOrInlineStyles() throws {
        let svg = Map.render(title: "Routes", routes: Self.routes)
        XCTAssertEqual(svg, Map.render(title: "Routes", routes: Self.routes))
        let doc = try parse(svg)
        XCTAssertTrue(doc.all("script").isEmpty)
        XCTAssertTrue(doc.elements.allSatisfy { $0.attributes.keys.allSatisfy { !$0.lowercased().hasPrefix("on") } })
        XCTAssertTrue(doc.elements.allSatisfy { $0.attributes["style"] == nil })
        for text in doc.all("text") {
            XCTAssertGreaterThanOrEqual(Double(text.attributes["font-size"] ?? "0") ?? 0, 12, text.text)
        }
    }

    func testMostUrgentRoutesAreDrawnLastSoTheyAreOnTop() throws {
        let doc = try parse(Map.render(title: "Routes", routes: Self.routes))
        let order = doc.all("a").map { link in Self.routes.first { $0.href == link.attributes["href"] }!.code }
        XCTAssertEqual(order, ["BHM-01", "SOL-01", "COV-01", "WLV-03", "BHM-06", "DUD-01"])
    }
}
