import Foundation
import Testing
@testable import WaymarkDomain

@Suite("DayRange")
struct DayRangeTests {
    let autumn = range("2022-09-05", "2022-12-16")

    @Test("Refuses an end before the start; one-day ranges are allowed")
    func construction() {
        #expect(DayRange(start: Day(2023, 1, 2), end: Day(2023, 1, 1)) == nil)
        #expect(DayRange(start: Day(2023, 1, 1), end: Day(2023, 1, 1))?.dayCount == 1)
        #expect(DayRange(single: Day(2023, 1, 1)).count == 1)
        #expect(autumn.dayCount == 103)   // 26 Sep + 31 Oct + 30 Nov + 16 Dec
    }

    @Test("Membership is inclusive at both ends")
    func contains() {
        #expect(autumn.contains(Day(2022, 9, 5)))
        #expect(autumn.contains(Day(2022, 12, 16)))
        #expect(!autumn.contains(Day(2022, 9, 4)))
        #expect(!autumn.contains(Day(2022, 12, 17)))
        #expect(autumn.contains(range("2022-10-24", "2022-10-28")))
        #expect(!autumn.contains(range("2022-12-12", "2022-12-19")))
    }

    @Test("Overlap counts a shared end day; clamping gives the shared days")
    func overlapAndClamp() {
        let touching = range("2022-12-16", "2023-01-03")
        let after = range("2022-12-17", "2023-01-03")
        #expect(autumn.overlaps(touching) && touching.overlaps(autumn))
        #expect(!autumn.overlaps(after) && !after.overlaps(autumn))
        #expect(autumn.clamped(to: touching) == DayRange(single: Day(2022, 12, 16)))
        #expect(autumn.clamped(to: after) == nil)
        #expect(autumn.clamped(to: range("2022-01-01", "2022-09-30")) == range("2022-09-05", "2022-09-30"))
        #expect(autumn.clamped(to: range("2022-01-01", "2023-12-31")) == autumn)
    }

    @Test("Iterates every day in order, across month and leap boundaries")
    func iteration() {
        let leap = range("2024-02-27", "2024-03-02")
        #expect(leap.map(\.iso) == ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01", "2024-03-02"])
        #expect(leap.count == leap.dayCount)
        #expect(leap.first == leap.start && leap.last == leap.end)
        #expect(leap[2] == Day(2024, 2, 29))
        var previous: Day?
        var steps = 0
        for day in autumn {
            if let previous { #expect(day.days(from: previous) == 1) }
            previous = day
            steps += 1
        }
        #expect(steps == 103)
        #expect(autumn.filter { !$0.isWeekend }.count == 75)   // 15 whole Mon–Fri weeks
    }

    @Test("Display and description")
    func text() {
        #expect(autumn.display == "5 Sep 2022 to 16 Dec 2022")
        #expect(autumn.description == "2022-09-05...2022-12-16")
        #expect(autumn.dayAfter == Day(2022, 12, 17))
    }

    @Test("Codable as start and end, refusing a backwards range")
    func codable() throws {
        let data = try JSONEncoder().encode(autumn)
        #expect(try JSONDecoder().decode(DayRange.self, from: data) == autumn)
        let backwards = Data(#"{"start":"2023-01-02","end":"2023-01-01"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(DayRange.self, from: backwards) }
    }
}
