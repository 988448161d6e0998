import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Day")
struct DayTests {
    @Test("ISO text parses only real dates in the exact form")
    func isoParsing() {
        #expect(Day(iso: "2024-03-31") == Day(2024, 3, 31))
        #expect(Day(iso: "2024-02-29") != nil)           // leap year
        #expect(Day(iso: "2000-02-29") != nil)           // divisible by 400: leap
        #expect(Day(iso: "1900-02-29") == nil)           // century: not leap
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2024-13-01") == nil)
        #expect(Day(iso: "2024-00-10") == nil)
        #expect(Day(iso: "2024-04-31") == nil)
        #expect(Day(iso: "2024-04-00") == nil)
        #expect(Day(iso: "0000-01-01") == nil)
        for malformed in ["", "2024-4-01", "24-04-01", "2024/04/01", "2024-04-01T00:00", " 2024-04-01",
                          "abcd-ef-gh", "+024-04-01", "2024-04-1 ", "２０２４-04-01"] {
            #expect(Day(iso: malformed) == nil, "accepted \(malformed)")
        }
    }

    @Test("Known anchors: epoch, weekdays, leap days")
    func anchors() {
        #expect(Day(1970, 1, 1).daysSinceEpoch == 0)
        #expect(Day(2000, 3, 1).daysSinceEpoch == 11_017)
        #expect(Day(1969, 12, 31).daysSinceEpoch == -1)
        #expect(Day(1900, 1, 1).weekday == .monday)
        #expect(Day(2000, 1, 1).weekday == .saturday)
        #expect(Day(2023, 3, 31).weekday == .friday)
        #expect(Day(2100, 12, 31).weekday == .friday)
        #expect(Day(2024, 3, 1).days(from: Day(2024, 2, 28)) == 2)
        #expect(Day(2023, 3, 1).days(from: Day(2023, 2, 28)) == 1)
        #expect(Day(2100, 3, 1).days(from: Day(2100, 2, 28)) == 1)
        #expect(Day(2000, 12, 31).days(from: Day(2000, 1, 1)) == 365)
        #expect(Day(2023, 6, 3).isWeekend && Day(2023, 6, 4).isWeekend && !Day(2023, 6, 5).isWeekend)
    }

    @Test("Every day 1900–2100 steps, names and round-trips consistently")
    func exhaustiveWalk() {
        var current = Day(1900, 1, 1)
        var weekday = Weekday.monday
        var failures = 0
        while current < Day(2101, 1, 1) {
            let (y, m, d) = current.components
            let next = current.next
            let expected = d < Day.daysInMonth(year: y, month: m) ? (y, m, d + 1)
                : m < 12 ? (y, m + 1, 1) : (y + 1, 1, 1)
            if next.components != expected || Day(iso: current.iso) != current || current.weekday != weekday {
                failures += 1
            }
            weekday = Weekday(rawValue: weekday.rawValue % 7 + 1)!
            current = next
        }
        #expect(failures == 0)
        #expect(current.days(from: Day(1900, 1, 1)) == 201 * 365 + 49)  // 49 leap years in 1900–2100
    }

    @Test("Civil conversion agrees with Foundation's Gregorian calendar")
    func matchesFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for number in stride(from: Day(1900, 1, 1).daysSinceEpoch, through: Day(2100, 12, 31).daysSinceEpoch, by: 97) {
            let date = Date(timeIntervalSince1970: Double(number) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let ours = Day(daysSinceEpoch: number)!
            #expect(ours.components == (parts.year!, parts.month!, parts.day!))
            #expect(ours.weekday.rawValue == (parts.weekday! + 5) % 7 + 1)  // Foundation: Sunday = 1
        }
    }

    @Test("adding(days:) and days(from:) are inverse for random days and offsets")
    func arithmeticRoundTrip() {
        var random = SeededGenerator(seed: 20_240_331)
        let low = Day(1900, 1, 1).daysSinceEpoch, high = Day(2100, 12, 31).daysSinceEpoch
        for _ in 0..<20_000 {
            let start = Day(daysSinceEpoch: Int.random(in: low...high, using: &random))!
            let offset = Int.random(in: -40_000...40_000, using: &random)
            let moved = start.adding(days: offset)
            #expect(moved.days(from: start) == offset)
            #expect(moved.adding(days: -offset) == start)
            #expect(Day(iso: moved.iso) == moved)
            #expect((offset > 0) == (moved > start))
        }
    }

    @Test("Display forms use English month names with no leading zero")
    func display() {
        #expect(Day(2023, 3, 31).display == "31 Mar 2023")
        #expect(Day(2023, 4, 1).display == "1 Apr 2023")
        #expect(Day(2023, 3, 31).longDisplay == "31 March 2023")
        #expect(Day(2022, 9, 19).longDisplay == "19 September 2022")
        #expect(Day(2024, 3, 31).iso == "2024-03-31")
        #expect(Day(12, 1, 5).iso == "0012-01-05")
        #expect("\(Day(2024, 1, 2))" == "2024-01-02")
    }

    @Test("Month boundaries respect leap years")
    func months() {
        #expect(Day(2024, 2, 10).endOfMonth == Day(2024, 2, 29))
        #expect(Day(2023, 2, 10).endOfMonth == Day(2023, 2, 28))
        #expect(Day(1900, 2, 1).endOfMonth == Day(1900, 2, 28))
        #expect(Day(2000, 2, 1).endOfMonth == Day(2000, 2, 29))
        #expect(Day(2023, 12, 25).endOfMonth == Day(2023, 12, 31))
        #expect(Day(2023, 12, 25).startOfMonth == Day(2023, 12, 1))
        #expect(Day(2023, 4, 30).monthRange.dayCount == 30)
        #expect(Day(2024, 1, 31).adding(months: 1) == Day(2024, 2, 29))
        #expect(Day(2023, 3, 31).adding(months: -1) == Day(2023, 2, 28))
        #expect(Day(2023, 11, 15).adding(months: 3) == Day(2024, 2, 15))
        #expect(Day(2023, 1, 15).adding(months: -14) == Day(2021, 11, 15))
    }

    @Test("Next and previous weekday")
    func weekdaySearch() {
        let friday = Day(2023, 3, 31)
        #expect(friday.next(.monday) == Day(2023, 4, 3))
        #expect(friday.next(.friday) == friday)
        #expect(friday.next(.friday, orSame: false) == Day(2023, 4, 7))
        #expect(friday.previous(.monday) == Day(2023, 3, 27))
        #expect(friday.previous(.friday, orSame: false) == Day(2023, 3, 24))
        #expect(Weekday.saturday.shortName == "Sat" && Weekday.sunday.isWeekend && !Weekday.friday.isWeekend)
    }

    @Test("Financial and academic years")
    func splitYears() {
        #expect(Day(2023, 3, 31).financialYear.label == "2022/23")
        #expect(Day(2023, 4, 1).financialYear.label == "2023/24")
        #expect(Day(2023, 4, 1).financialYear.range == DayRange(start: Day(2023, 4, 1), end: Day(2024, 3, 31)))
        #expect(Day(2023, 8, 31).academicYear.label == "2022/23")
        #expect(Day(2023, 9, 1).academicYear.label == "2023/24")
        #expect(Day(2024, 1, 1).academicYear.range == DayRange(start: Day(2023, 9, 1), end: Day(2024, 8, 31)))
        #expect(AcademicYear(startYear: 1999)?.label == "1999/00")
        #expect(AcademicYear(label: "2023/24") == AcademicYear(startYear: 2023))
        #expect(FinancialYear(label: "2023-24")?.startYear == 2023)
        for bad in ["2023/25", "23/24", "2023/2024", "2023", "abcd/ef", "2023/24/25", ""] {
            #expect(AcademicYear(label: bad) == nil, "accepted \(bad)")
        }
        #expect(AcademicYear(startYear: 2022)!.next.label == "2023/24")
        #expect(FinancialYear(startYear: 2022)!.previous < FinancialYear(startYear: 2022)!)
    }

    @Test("Strideable: a closed range of days is a sequence")
    func strideable() {
        let days = Array(Day(2024, 2, 27)...Day(2024, 3, 1))
        #expect(days.map(\.iso) == ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"])
    }

    @Test("The day at an instant depends on the wall clock of the zone")
    func fromInstant() throws {
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let summerNight = Date(timeIntervalSince1970: 1_688_167_800)   // 2023-06-30T23:30:00Z, BST
        let winterNight = Date(timeIntervalSince1970: 1_704_065_400)   // 2023-12-31T23:30:00Z, GMT
        #expect(Day(summerNight, in: london) == Day(2023, 7, 1))
        #expect(Day(winterNight, in: london) == Day(2023, 12, 31))
        #expect(Day(summerNight, in: TimeZone(identifier: "UTC")!) == Day(2023, 6, 30))
    }

    @Test("Codable as ISO text, refusing bad text")
    func codable() throws {
        let json = try JSONEncoder().encode([Day(2024, 3, 31)])
        #expect(String(decoding: json, as: UTF8.self) == #"["2024-03-31"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: json) == [Day(2024, 3, 31)])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data(#"["2023-02-29"]"#.utf8))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let year = try encoder.encode([AcademicYear(startYear: 2023)!])
        #expect(String(decoding: year, as: UTF8.self) == #"["2023/24"]"#)
        #expect(try JSONDecoder().decode([AcademicYear].self, from: year) == [AcademicYear(startYear: 2023)!])
    }

    @Test("Entered dates must fall in 1900 to 2199, so arithmetic on them can never leave Day's range")
    func enteredDates() {
        #expect(Day(entered: "2022-09-01") == Day(2022, 9, 1))
        #expect(Day(entered: "1900-01-01") == Day(1900, 1, 1))
        #expect(Day(entered: "2199-12-31") == Day(2199, 12, 31))
        #expect(Day(entered: "9999-12-15") == nil)
        #expect(Day(entered: "1899-12-31") == nil)
        #expect(Day(entered: "2022-02-30") == nil)
    }
}
