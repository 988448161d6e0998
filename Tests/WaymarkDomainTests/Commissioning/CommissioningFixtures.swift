import Foundation
@testable import WaymarkDomain

/// Step Together in Wolverhampton, as the demo tenant has it: three routes, £100,000, quality
/// 40% over the demo's four questions, price 50%, social value 10%, closing at noon on
/// 29 March 2024 (GMT, before the clocks change).
enum Demo {
    static let wolverhampton = id(950)
    static let routeW1 = id(101), routeW2 = id(102), routeW3 = id(103)
    static let routes = [routeW1, routeW2, routeW3]
    static let routeNames = [routeW1: "W1 Whitmore Reans", routeW2: "W2 Low Hill", routeW3: "W3 Heath Town"]

    static let questionTexts = [
        "Working in local networks and partnerships",
        "Access to physical spaces in local places",
        "Direct work with vulnerable young people and communities with low trust in authorities",
        "Partnership working with schools",
    ]
    static let questions = questionTexts.enumerated().map { index, text in
        Question(id: id(201 + index), text: text, weight: Weight(percent: 10))
    }
    static var questionIDs: [UUID] { questions.map(\.id) }

    static let closing = LondonWallTime(day: day("2024-03-29"), hour: 12, minute: 0)!
    /// 12:00 GMT on 29 March 2024.
    static let closesAt = Date(timeIntervalSince1970: 1_711_713_600)

    static func specification(status: SpecificationStatus = .published, pricing: Specification.Pricing = .total,
                              criteria: EvaluationCriteria = .stepTogether) -> Specification {
        Specification(
            id: id(300), title: "Step Together: Wolverhampton school routes",
            context: "Chaperones on the walk to and from school where violence has risen.",
            servicesRequired: "Two trained youth workers on each route every school day, 08:00–09:00 and 15:00–16:30.",
            localAuthorityIDs: [wolverhampton], routeIDs: routes, totalValue: pounds(100_000),
            valueSplit: .proportionalToCost([routeW1: pounds(30_000), routeW2: pounds(30_000), routeW3: pounds(40_000)]),
            servicePeriod: range("2024-09-01", "2025-08-31"), goLive: day("2024-09-02"), pricing: pricing,
            questions: questions, criteria: criteria, closing: closing,
            kpis: ["Route staffed on 98% of school days", "Monthly return by the 10th"],
            attachments: ["files/step-together-wolverhampton.pdf"], status: status)
    }
}

/// An instant given as UTC ISO text, "2024-03-29T11:59:59Z". Parsed by hand: a formatter per
/// call made the property tests slow, and this one fixed form is all the tests use.
func instant(_ text: String) -> Date {
    let parts = text.split(separator: "T")
    let clock = parts.count == 2 ? parts[1].dropLast().split(separator: ":").compactMap { Int($0) } : []
    guard parts.count == 2, parts[1].hasSuffix("Z"), clock.count == 3, let date = Day(iso: parts[0]) else {
        fatalError("bad test instant \(text)")
    }
    return Date(timeIntervalSince1970: Double(date.daysSinceEpoch * 86_400 + clock[0] * 3_600 + clock[1] * 60 + clock[2]))
}

/// A London wall time, `london("2024-03-29", 12, 0)`.
func london(_ iso: String, _ hour: Int, _ minute: Int) -> LondonWallTime {
    guard let time = LondonWallTime(day: day(iso), hour: hour, minute: minute) else { fatalError("bad wall time") }
    return time
}
