@testable import WaymarkDomain

/// Birmingham City Council's published term dates for community and voluntary-controlled
/// schools, 2022/23 and 2023/24, with their half-terms.
///
/// Birmingham publishes no authority-wide INSET days (each school sets its own), so:
/// - 2022/23 has none here, which makes its count the authority's pupil-day maximum;
/// - 2023/24 carries five chosen for the tests, placed the way schools usually place them
///   (the first two days of the year, the first day back after Christmas and Easter, the
///   last day of the year).
enum Birmingham {
    static let year2022 = TermCalendar.Year(
        academicYear: AcademicYear(startYear: 2022)!,
        terms: [
            .init(name: "Autumn", dates: range("2022-09-05", "2022-12-16"),
                  halfTerms: [range("2022-10-24", "2022-10-28")]),
            .init(name: "Spring", dates: range("2023-01-03", "2023-03-31"),
                  halfTerms: [range("2023-02-13", "2023-02-17")]),
            .init(name: "Summer", dates: range("2023-04-17", "2023-07-25"),
                  halfTerms: [range("2023-05-29", "2023-06-02")]),
        ]
    )

    static let insetDays2023 = ["2023-09-04", "2023-09-05", "2024-01-08", "2024-04-08", "2024-07-22"].map(day)

    static let year2023 = TermCalendar.Year(
        academicYear: AcademicYear(startYear: 2023)!,
        terms: [
            .init(name: "Autumn", dates: range("2023-09-04", "2023-12-22"),
                  halfTerms: [range("2023-10-30", "2023-11-03")]),
            .init(name: "Spring", dates: range("2024-01-08", "2024-03-22"),
                  halfTerms: [range("2024-02-12", "2024-02-16")]),
            .init(name: "Summer", dates: range("2024-04-08", "2024-07-22"),
                  halfTerms: [range("2024-05-27", "2024-05-31")]),
        ],
        insetDays: insetDays2023
    )

    static let calendar = TermCalendar(authority: "Birmingham", years: [year2022, year2023])

    /// The rule from DESIGN.md written out the slow, obvious way, to check the fast index against.
    static func referenceIsSchoolDay(_ day: Day, in calendar: TermCalendar) -> Bool {
        guard !day.isWeekend, !calendar.bankHolidays.contains(day) else { return false }
        for year in calendar.years {
            for term in year.terms where term.dates.contains(day) {
                return !term.halfTerms.contains { $0.contains(day) } && !year.insetDays.contains(day)
            }
        }
        return false
    }
}
