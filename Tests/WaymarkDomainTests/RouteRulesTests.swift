import XCTest
@testable import WaymarkDomain

final class RouteRulesTests: XCTestCase {
    func testCodes() {
        XCTAssertTrue(RouteRules.isValidCode("WLV-04"))
        XCTAssertFalse(RouteRules.isValidCode(""))
        XCTAssertFalse(RouteRules.isValidCode("BAD CODE"))
        XCTAssertFalse(RouteRules.isValidCode(String(repeating: "A", count: 21)))
        XCTAssertNotNil(RouteRules.codeProblem("a/b"))
    }

    func testDates() {
        XCTAssertNil(RouteRules.datesProblem(start: Day(2024, 9, 2), end: Day(2024, 9, 2)))
        XCTAssertNil(RouteRules.datesProblem(start: nil, end: Day(2020, 1, 1)))
        XCTAssertEqual(RouteRules.datesProblem(start: Day(2024, 9, 2), end: Day(2024, 9, 1))?.message,
                       "The end date 1 Sep 2024 is before the start date 2 Sep 2024")
    }

    func testPathsAcceptSemicolonsCommasAndLinesAndRefuseNonsenseOnePointAndLongOnes() throws {
        let points = try RouteRules.path("52.5960 -2.1006;\n52.5958,-2.0989\r\n52.5952 -2.0970").get()
        XCTAssertEqual(points.count, 3)
        XCTAssertThrowsError(try RouteRules.path("nowhere").get())
        XCTAssertEqual(RouteRules.path("52.59 -2.10").failure?.message, "A path needs at least two points")
        XCTAssertTrue(RouteRules.path("52.0 -2.0; 53.0 -2.0").failure?.message.contains("under 10 km") ?? false)
        XCTAssertThrowsError(try RouteRules.path("95.0 -2.0; 52.0 -2.0").get(), "latitude out of range")
    }

    func testFormattedPathsAndPointsReadBackTheSame() throws {
        let path = [GeoPoint(latitude: 52.5965, longitude: -2.1006), GeoPoint(latitude: 52.5958, longitude: -2.0989)]
        XCTAssertEqual(try RouteRules.path(RouteRules.formatPath(path)).get(), path)
        let points = [ChaperonePoint(label: "Gate: north", point: path[0]), ChaperonePoint(label: "Corner", point: path[1])]
        let read = RouteRules.chaperonePoints(RouteRules.formatChaperonePoints(points))
        XCTAssertEqual(read.points, points, "the last colon separates the label")
        XCTAssertEqual(read.problems, [])
    }

    func testEveryBadChaperonePointIsReported() {
        let read = RouteRules.chaperonePoints("Gate: 52.5 -2.1; no colon; : 52.5 -2.1; Corner: far away")
        XCTAssertEqual(read.problems.count, 3)
        XCTAssertEqual(read.points, [], "nothing is half-read")
        XCTAssertEqual(RouteRules.chaperonePoints("").problems, [])
    }

    func testACostTooLargeToPriceIsAProblem() {
        let huge = RouteCostModel.Entry(effectiveFrom: Day(2024, 1, 1), chaperones: 50, minutesPerDay: 720,
                                        hourlyRate: Money(pence: .max / 2))
        XCTAssertNotNil(RouteRules.costProblem(huge))
        let fine = RouteCostModel.Entry(effectiveFrom: Day(2024, 1, 1), chaperones: 3, minutesPerDay: 240, hourlyRate: Money(pence: 1650))
        XCTAssertNil(RouteRules.costProblem(fine))
    }
}

private extension Result {
    var failure: Failure? { if case .failure(let error) = self { return error }; return nil }
}
