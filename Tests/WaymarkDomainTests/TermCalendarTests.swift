import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Term calendar: Birmingham 2022/23 and 2023/24")
struct TermCalendarTests {
    let calendar = Birmingham.calendar

    @Test("The real calendar validates cleanly")
    func validates() {
        #expect(calendar.validate() == [])
    }

    /// 2022/23 by hand (no INSET days listed):
    /// - Autumn 5 Sep–16 Dec: 15 whole Mon–Fri weeks = 75; − half-term 24–28 Oct (5)
    ///   − Mon 19 Sep, the Queen's state funeral (1) = 69.
    /// - Spring 3 Jan–31 Mar: Tue 3–Fri 6 Jan (4) + 12 whole weeks 9 Jan–31 Mar (60) = 64;
    ///   − half-term 13–17 Feb (5) = 59. (Mon 2 Jan, the New Year substitute, is before the term.)
    /// - Summer 17 Apr–25 Jul: 14 whole weeks 17 Apr–21 Jul (70) + Mon 24, Tue 25 Jul (2) = 72;
    ///   − half-term 29 May–2 Jun (5, already holding the Spring bank holiday)
    ///   − Mon 1 May (Early May) − Mon 8 May (Coronation) = 65.
    /// Total 69 + 59 + 65 = 193.
    @Test("2022/23 school days, term by term")
    func counts2022() {
        #expect(calendar.countSchoolDays(in: range("2022-09-05", "2022-12-16")) == 69)
        #expect(calendar.countSchoolDays(in: range("2023-01-03", "2023-03-31")) == 59)
        #expect(calendar.countSchoolDays(in: range("2023-04-17", "2023-07-25")) == 65)
        #expect(calendar.countSchoolDays(in: AcademicYear(startYear: 2022)!.range) == 193)
    }

    /// 2023/24 by hand, with INSET days 4 & 5 Sep, 8 Jan, 8 Apr, 22 Jul:
    /// - Autumn 4 Sep–22 Dec: 16 whole weeks = 80; − half-term 30 Oct–3 Nov (5) − INSET 4, 5 Sep (2) = 73.
    /// - Spring 8 Jan–22 Mar: 11 whole weeks = 55; − half-term 12–16 Feb (5) − INSET 8 Jan (1) = 49.
    ///   (Good Friday 29 Mar falls after the term.)
    /// - Summer 8 Apr–22 Jul: 15 whole weeks 8 Apr–19 Jul (75) + Mon 22 Jul (1) = 76;
    ///   − half-term 27–31 May (5, holding the Spring bank holiday) − Mon 6 May (Early May)
    ///   − INSET 8 Apr and 22 Jul (2) = 68.
    /// Total 73 + 49 + 68 = 190.
    @Test("2023/24 school days, term by term")
    func counts2023() {
        #expect(calendar.countSchoolDays(in: range("2023-09-04", "2023-12-22")) == 73)
        #expect(calendar.countSchoolDays(in: range("2024-01-08", "2024-03-22")) == 49)
        #expect(calendar.countSchoolDays(in: range("2024-04-08", "2024-07-22")) == 68)
        #expect(calendar.countSchoolDays(in: AcademicYear(startYear: 2023)!.range) == 190)
        #expect(calendar.countSchoolDays(in: range("2000-01-01", "2099-12-31")) == 383)
    }

    @Test("Counts across other periods")
    func otherPeriods() {
        // September 2022: 5–30 Sep is 4 whole weeks (20) less the state funeral.
        #expect(calendar.countSchoolDays(in: range("2022-09-01", "2022-09-30")) == 19)
        // May 2023: 23 weekdays; less 1 May, 8 May, and half-term Mon 29–Wed 31 May.
        #expect(calendar.countSchoolDays(in: range("2023-05-01", "2023-05-31")) == 18)
        // Financial year 2022/23 ends with the spring term: autumn 69 + spring 59.
        #expect(calendar.countSchoolDays(in: FinancialYear(startYear: 2022)!.range) == 128)
        // Summer holiday between the years, and a Christmas fortnight.
        #expect(calendar.countSchoolDays(in: range("2023-07-26", "2023-09-03")) == 0)
        #expect(calendar.schoolDays(in: range("2022-12-15", "2023-01-04")).map(\.iso)
            == ["2022-12-15", "2022-12-16", "2023-01-03", "2023-01-04"])
    }

    @Test("Bank holidays in term are never school days")
    func bankHolidaysClosed() {
        #expect(!calendar.isSchoolDay(day("2022-09-19")))   // State funeral
        #expect(!calendar.isSchoolDay(day("2023-05-08")))   // Coronation
        #expect(!calendar.isSchoolDay(day("2023-05-01")))   // Early May
        #expect(!calendar.isSchoolDay(day("2024-05-06")))   // Early May
        #expect(calendar.isSchoolDay(day("2022-09-20")))
        #expect(calendar.isSchoolDay(day("2023-05-02")))
        #expect(calendar.isSchoolDay(day("2023-05-09")))
    }

    @Test("Weekends are never school days")
    func weekends() {
        let weekendSchoolDays = range("2022-01-01", "2024-12-31").filter { $0.isWeekend && calendar.isSchoolDay($0) }
        #expect(weekendSchoolDays.isEmpty)
        #expect(calendar.schoolDays(in: range("2022-01-01", "2024-12-31")).allSatisfy { !$0.isWeekend })
    }

    @Test("Half-terms and INSET days are closed; the first and last days of term are open")
    func closures() {
        #expect(!calendar.isSchoolDay(day("2022-10-24")) && !calendar.isSchoolDay(day("2022-10-28")))
        #expect(calendar.isSchoolDay(day("2022-10-21")) && calendar.isSchoolDay(day("2022-10-31")))
        for inset in Birmingham.insetDays2023 { #expect(!calendar.isSchoolDay(inset)) }
        #expect(calendar.isSchoolDay(day("2022-09-05")) && calendar.isSchoolDay(day("2023-07-25")))
        #expect(!calendar.isSchoolDay(day("2022-09-02")) && !calendar.isSchoolDay(day("2023-07-26")))
    }

    @Test("Next and last school day skip closures and stop at the calendar's edges")
    func searches() {
        #expect(calendar.nextSchoolDay(onOrAfter: day("2022-12-17")) == day("2023-01-03"))
        #expect(calendar.nextSchoolDay(onOrAfter: day("2022-10-22")) == day("2022-10-31"))
        #expect(calendar.nextSchoolDay(onOrAfter: day("2022-09-18")) == day("2022-09-20"))
        #expect(calendar.nextSchoolDay(onOrAfter: day("2023-09-01")) == day("2023-09-06"))
        #expect(calendar.nextSchoolDay(onOrAfter: day("2022-09-20")) == day("2022-09-20"))
        #expect(calendar.nextSchoolDay(onOrAfter: day("2000-01-01")) == day("2022-09-05"))
        #expect(calendar.nextSchoolDay(onOrAfter: day("2024-07-20")) == nil)
        #expect(calendar.lastSchoolDay(onOrBefore: day("2023-01-02")) == day("2022-12-16"))
        #expect(calendar.lastSchoolDay(onOrBefore: day("2024-04-01")) == day("2024-03-22"))
        #expect(calendar.lastSchoolDay(onOrBefore: day("2030-01-01")) == day("2024-07-19"))
        #expect(calendar.lastSchoolDay(onOrBefore: day("2022-09-04")) == nil)
    }

    @Test("Status gives the reason a day is closed")
    func status() {
        #expect(calendar.status(of: day("2022-09-20")) == .schoolDay)
        #expect(calendar.status(of: day("2022-09-19"))
            == .bankHoliday(name: "Bank Holiday for the State Funeral of Queen Elizabeth II"))
        #expect(calendar.status(of: day("2023-05-29")) == .bankHoliday(name: "Spring bank holiday"))
        #expect(calendar.status(of: day("2022-10-25")) == .halfTerm)
        #expect(calendar.status(of: day("2023-09-04")) == .insetDay)
        #expect(calendar.status(of: day("2022-12-24")) == .weekend)
        #expect(calendar.status(of: day("2022-12-28")) == .schoolHoliday)
        #expect(calendar.status(of: day("2024-09-02")) == .notInCalendar)
        #expect(calendar.covers(day("2022-09-01")) && calendar.covers(day("2024-08-31")))
        #expect(!calendar.covers(day("2022-08-31")) && !calendar.covers(day("2024-09-01")))
    }

    @Test("The fast index agrees with the rule written out slowly, day by day and range by range")
    func matchesReference() {
        let span = range("2022-06-01", "2024-10-31")
        let reference = span.filter { Birmingham.referenceIsSchoolDay($0, in: calendar) }
        #expect(span.filter(calendar.isSchoolDay) == reference)
        #expect(calendar.schoolDays(in: span) == reference)

        var random = SeededGenerator(seed: 190)
        for _ in 0..<2_000 {
            let start = span.start.adding(days: Int.random(in: 0..<span.dayCount, using: &random))
            let end = start.adding(days: Int.random(in: 0...400, using: &random))
            let window = DayRange(start: start, end: end)!
            let expected = reference.filter { window.contains($0) }
            #expect(calendar.countSchoolDays(in: window) == expected.count)
            #expect(calendar.schoolDays(in: window) == expected)
            #expect(calendar.nextSchoolDay(onOrAfter: start) == reference.first { $0 >= start })
            #expect(calendar.lastSchoolDay(onOrBefore: end) == reference.last { $0 <= end })
        }
    }

    @Test("A million lookups (1,000 routes × 3 years) give consistent totals")
    func bulkLookups() {
        let threeYears = range("2022-09-01", "2025-08-31")
        var total = 0
        for _ in 0..<1_000 {
            for day in threeYears where calendar.isSchoolDay(day) { total += 1 }
        }
        #expect(total == 1_000 * 383)
    }

    @Test("Codable round trip rebuilds the same school days")
    func codable() throws {
        let data = try JSONEncoder().encode(calendar)
        let decoded = try JSONDecoder().decode(TermCalendar.self, from: data)
        #expect(decoded.authority == "Birmingham")
        #expect(decoded.years == calendar.years)
        #expect(decoded.schoolDays(in: range("2022-09-01", "2024-08-31"))
            == calendar.schoolDays(in: range("2022-09-01", "2024-08-31")))
    }

    @Test("An empty calendar has no school days and answers without crashing")
    func empty() {
        let empty = TermCalendar(authority: "Nowhere", years: [])
        #expect(!empty.isSchoolDay(day("2023-01-03")))
        #expect(empty.countSchoolDays(in: range("2023-01-01", "2023-12-31")) == 0)
        #expect(empty.nextSchoolDay(onOrAfter: day("2023-01-01")) == nil)
        #expect(empty.lastSchoolDay(onOrBefore: day("2023-01-01")) == nil)
        #expect(empty.status(of: day("2023-01-03")) == .notInCalendar)
    }
}
