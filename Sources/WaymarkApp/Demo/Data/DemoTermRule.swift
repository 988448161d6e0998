import Foundation
import WaymarkDomain

/// Term dates for academic years past the hand-written ones, by the pattern the West Midlands
/// calendars follow, so the demo's calendars always reach past its present (the seeding day)
/// and no route is unfunded for want of term dates. Close to the published dates, not a copy.
enum DemoTermRule {
    /// `wolverhampton`: its October half-term a week earlier, its summer term ending on the
    /// Friday before Birmingham's, and its own INSET days (WestMidlandsCalendars).
    static func year(starting year: Int, wolverhampton: Bool) -> DemoTermYear {
        let first = Day(year, 9, 1)
        let autumnStart = first.weekday == .friday || first.isWeekend ? first.next(.monday) : first
        let autumnEnd = lastWeekday(.friday, onOrBefore: Day(year, 12, 20))
        let springStart = Day(year + 1, 1, 4).next(.monday)
        let easter = easterSunday(year + 1)
        let springEnd = easter.adding(days: -9)       // the Friday a week before Good Friday
        let summerStart = easter.adding(days: 8)      // the Monday after Easter week
        let july22 = Day(year + 1, 7, 22)
        let summerEnd = wolverhampton ? lastWeekday(.friday, onOrBefore: Day(year + 1, 7, 20))
            : (july22.isWeekend ? lastWeekday(.friday, onOrBefore: july22) : july22)
        let lastOctoberMonday = lastWeekday(.monday, onOrBefore: Day(year, 10, 31))
        let october = wolverhampton ? lastOctoberMonday.adding(days: -7) : lastOctoberMonday
        let february = Day(year + 1, 2, 1).next(.monday).adding(days: 14)   // the third Monday
        let may = lastWeekday(.monday, onOrBefore: Day(year + 1, 5, 31))     // spring bank holiday
        var inset = [autumnStart, autumnStart.next, springStart]
        inset += wolverhampton ? [summerEnd] : [february.adding(days: 7), may.adding(days: 7)]
        // Past the bank-holiday table, the early May bank holiday is closed as a day off.
        let earlyMay = Day(year + 1, 5, 1).next(.monday)
        if !BankHolidays.englandAndWales.covers(earlyMay) { inset.append(earlyMay) }
        return DemoTermYear(
            label: "\(year)/\(String(format: "%02d", (year + 1) % 100))",
            terms: [(autumnStart.iso, autumnEnd.iso), (springStart.iso, springEnd.iso), (summerStart.iso, summerEnd.iso)],
            halfTerms: [october, february, may].map { ($0.iso, $0.adding(days: 4).iso) },
            insetDays: inset.map(\.iso))
    }

    /// The academic year (1 Sep to 31 Aug) a day falls in, by its starting year.
    static func academicYear(of day: Day) -> Int { day.month >= 9 ? day.year : day.year - 1 }

    static func lastWeekday(_ weekday: Weekday, onOrBefore day: Day) -> Day {
        day.adding(days: -((day.weekday.rawValue - weekday.rawValue + 7) % 7))
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    static func easterSunday(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year, month, day)
    }
}

extension DemoCalendar {
    /// This calendar with generated years after its last hand-written one, through the
    /// academic year starting in `lastYear`.
    func extended(through lastYear: Int) -> DemoCalendar {
        let written = years.compactMap { Int($0.label.prefix(4)) }.max() ?? lastYear
        guard written < lastYear else { return self }
        let more = (written + 1...lastYear).map { DemoTermRule.year(starting: $0, wolverhampton: key == "wolverhampton") }
        return DemoCalendar(key: key, name: name, years: years + more)
    }
}
