import XCTest
@testable import WaymarkApp
import WaymarkDomain

/// The forecast charts as drawings: named for screen readers, every figure placed, and
/// the colour bands in order.
final class ForecastChartTests: XCTestCase {
    let months = (0..<4).map { Day(2022, 9, 1).adding(months: $0) }

    func testTheFanChartDrawsTheBandTheMedianAndTheBaseline() {
        let series = FanChartSVG.Series(p10: [20, 10, 8, 8], p50: [24, 14, 12, 10], p90: [24, 16, 15, 12])
        let svg = FanChartSVG.render(months: months, scenario: series, baseline: [24, 4, 4, 4], maximum: 24,
                                     yLabel: "Routes fully covered", title: "Routes & money", summary: "Median falls to 10")
        XCTAssertTrue(svg.contains("<title id=\"fan-title\">Routes &amp; money</title>"), "escaped and named")
        XCTAssertTrue(svg.contains("aria-labelledby=\"fan-title fan-desc\""))
        XCTAssertEqual(svg.components(separatedBy: "<polygon").count - 1, 1, "one band")
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 2, "the median and the baseline")
        XCTAssertTrue(svg.contains("Baseline median"))
        XCTAssertTrue(svg.contains(">25</text>") && svg.contains(">5</text>"), "an axis of fives up to 25")
        let without = FanChartSVG.render(months: months, scenario: series, baseline: nil, maximum: 24, yLabel: "", title: "", summary: "")
        XCTAssertFalse(without.contains("Baseline median"))
    }

    func testTheHeatMapColoursEachCellByItsBand() {
        let rows = [HeatMapSVG.Row(label: "BHM-06", probabilities: [1, 0.95, 0.6, 0.05]),
                    HeatMapSVG.Row(label: "WLV-01", probabilities: [1, 1, 1, 0.3])]
        let svg = HeatMapSVG.render(months: months, rows: rows, title: "Chances", summary: "Two routes")
        XCTAssertEqual(svg.components(separatedBy: "<title>").count - 1, 8, "a tooltip per cell")
        XCTAssertTrue(svg.contains("BHM-06, Nov 2022: 60%"))
        XCTAssertEqual(HeatMapSVG.fill(0.05), "#f3f2f1")
        XCTAssertEqual(HeatMapSVG.fill(0.3), "#c9daf0")
        XCTAssertEqual(HeatMapSVG.fill(0.6), "#6f9fd4")
        XCTAssertEqual(HeatMapSVG.fill(0.95), "#1d70b8")
        XCTAssertEqual(HeatMapSVG.fill(1), "#003078")
        XCTAssertEqual(HeatMapSVG.render(months: months, rows: [], title: "", summary: ""), "", "nothing to draw, no drawing")
    }
}
