import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Route cost model")
struct RouteCostModelTests {
    typealias Entry = RouteCostModel.Entry

    /// 2 chaperones × 2½ h × £12.50 = £62.50, + £20.00 management = £82.50 a day.
    let september = Entry(effectiveFrom: day("2022-09-01"), chaperones: 2, minutesPerDay: 150,
                          hourlyRate: Money(pence: 1_250), dailyManagement: Money(pence: 2_000))
    /// From 1 April: 3 chaperones × 2 h × £13.00 = £78.00, + £22.50 = £100.50 a day.
    let april = Entry(effectiveFrom: day("2023-04-01"), chaperones: 3, minutesPerDay: 120,
                      hourlyRate: Money(pence: 1_300), dailyManagement: Money(pence: 2_250))

    @Test("Daily cost is chaperones × hours × rate + management")
    func dailyCost() {
        #expect(september.dailyCost == Money(pence: 8_250))
        #expect(april.dailyCost == Money(pence: 10_050))
    }

    @Test("Fractional pence round once per day, half up", arguments: [
        (25, Int64(521)),   // 25/60 × 1251p = 521.25p → 521p
        (30, 626),          // 30/60 × 1251p = 625.5p  → 626p
        (20, 417),          // 20/60 × 1251p = 417p exactly
        (1, 21),            // 1/60  × 1251p = 20.85p  → 21p
        (0, 0),
    ])
    func rounding(minutes: Int, pence: Int64) {
        let entry = Entry(effectiveFrom: day("2023-01-01"), chaperones: 1, minutesPerDay: minutes,
                          hourlyRate: Money(pence: 1_251))
        #expect(entry.dailyCost == Money(pence: pence))
    }

    @Test("Each entry applies from its date until the next; nothing before the first")
    func effectiveDates() {
        let model = RouteCostModel(entries: [april, september])   // given out of order
        #expect(model.entries.map(\.effectiveFrom) == [day("2022-09-01"), day("2023-04-01")])
        #expect(model.dailyCost(on: day("2022-08-31")) == nil)
        #expect(model.dailyCost(on: day("2022-09-01")) == Money(pence: 8_250))
        #expect(model.dailyCost(on: day("2023-03-31")) == Money(pence: 8_250))
        #expect(model.dailyCost(on: day("2023-04-01")) == Money(pence: 10_050))
        #expect(model.dailyCost(on: day("2030-01-01")) == Money(pence: 10_050))
        #expect(model.entry(on: day("2023-01-01")) == september)
        #expect(RouteCostModel(entries: []).dailyCost(on: day("2023-01-01")) == nil)
    }

    @Test("Cost of Birmingham's 2022/23 school days spans the April change")
    func costOfSchoolYear() {
        let model = RouteCostModel(entries: [september, april])
        let days = Birmingham.calendar.schoolDays(in: AcademicYear(startYear: 2022)!.range)
        // 128 school days up to 31 Mar (autumn 69 + spring 59) at £82.50; 65 summer days at £100.50.
        #expect(days.count == 193)
        #expect(model.cost(of: days) == Money(pence: 128 * 8_250 + 65 * 10_050))
        #expect(model.cost(of: days) == Money(pounds: 17_092) + Money(pence: 50))
        #expect(model.cost(of: [Day]()) == .zero)
        #expect(model.cost(of: [day("2022-08-31"), day("2022-09-05")]) == nil)
    }

    @Test("Validation names each problem with its date")
    func validation() {
        let model = RouteCostModel(entries: [
            september,
            Entry(effectiveFrom: day("2022-09-01"), chaperones: 0, minutesPerDay: -5,
                  hourlyRate: Money(pence: -1), dailyManagement: Money(pence: -2)),
            Entry(effectiveFrom: day("2023-01-03"), chaperones: 1, minutesPerDay: 1_500, hourlyRate: Money(pence: 1_000)),
            Entry(effectiveFrom: day("2023-02-01"), chaperones: Int.max, minutesPerDay: 60, hourlyRate: Money(pence: 1_000)),
        ])
        #expect(model.validate() == [
            "From 1 Sep 2022: more than one cost entry starts on this date.",
            "From 1 Sep 2022: a route needs at least 1 chaperone (found 0).",
            "From 1 Sep 2022: hours per day cannot be negative.",
            "From 1 Sep 2022: the hourly rate cannot be negative (-£0.01).",
            "From 1 Sep 2022: daily management cannot be negative (-£0.02).",
            "From 3 Jan 2023: hours per day cannot exceed 24.",
            "From 1 Feb 2023: the daily cost is too large to calculate.",
        ])
        #expect(RouteCostModel(entries: [september, april]).validate() == [])
        #expect(RouteCostModel(entries: []).validate() == ["The route has no cost entries."])
    }

    @Test("Codable as a list of entries")
    func codable() throws {
        let model = RouteCostModel(entries: [september, april])
        let decoded = try JSONDecoder().decode(RouteCostModel.self, from: JSONEncoder().encode(model))
        #expect(decoded == model)
    }
}
