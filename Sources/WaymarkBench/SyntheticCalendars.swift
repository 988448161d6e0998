import WaymarkDomain

/// Term calendars for the seven West Midlands authorities, built from the usual English
/// pattern rather than typed in: three terms, a half-term in each, five INSET days, with each
/// authority shifting its dates a little so the calendars differ as real ones do.
enum SyntheticCalendars {
    static let authorities = ["Birmingham", "Coventry", "Dudley", "Sandwell", "Solihull", "Walsall", "Wolverhampton"]

    /// One calendar per authority for the academic years starting in `years`.
    static func make(years: ClosedRange<Int>) -> [TermCalendar] {
        authorities.enumerated().map { offset, name in
            TermCalendar(authority: name, years: years.map { year(startYear: $0, variant: offset) })
        }
    }

    /// `variant` 0...6 moves term starts by up to two days, the October half-term by a week
    /// for some authorities, and the summer end by up to a few days.
    private static func year(startYear: Int, variant: Int) -> TermCalendar.Year {
        let nudge = variant % 3
        let autumnStart = Day(startYear, 9, 1).next(.monday).adding(days: nudge)
        let autumnEnd = Day(startYear, 12, 20).previous(.friday)
        let octoberHalf = Day(startYear, 10, variant % 2 == 0 ? 24 : 17).next(.monday)
        let springStart = Day(startYear + 1, 1, 3).next(.monday)
        let springEnd = Day(startYear + 1, 3, 28).previous(.friday)
        let februaryHalf = Day(startYear + 1, 2, 12).next(.monday)
        let summerStart = Day(startYear + 1, 4, 14).next(.monday)
        let summerEnd = Day(startYear + 1, 7, 22).adding(days: -nudge)
        let mayHalf = Day(startYear + 1, 5, 31).previous(.monday)
        let week = { (monday: Day) in DayRange(start: monday, end: monday.adding(days: 4))! }
        return TermCalendar.Year(
            academicYear: AcademicYear(startYear: startYear)!,
            terms: [
                .init(name: "Autumn", dates: DayRange(start: autumnStart, end: autumnEnd)!, halfTerms: [week(octoberHalf)]),
                .init(name: "Spring", dates: DayRange(start: springStart, end: springEnd)!, halfTerms: [week(februaryHalf)]),
                .init(name: "Summer", dates: DayRange(start: summerStart, end: summerEnd)!, halfTerms: [week(mayHalf)]),
            ],
            insetDays: [autumnStart, autumnStart.next, springStart, summerStart, mayHalf.adding(days: 7)]
        )
    }
}
