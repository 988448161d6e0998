import Testing
@testable import WaymarkDomain

@Suite("Term calendar validation")
struct TermCalendarValidationTests {
    typealias Term = TermCalendar.Term

    func problems(_ years: [TermCalendar.Year]) -> [String] {
        TermCalendar(authority: "Test", years: years).validate()
    }

    @Test("Overlapping terms, within a year and across years")
    func overlaps() {
        let found = problems([
            .init(academicYear: AcademicYear(startYear: 2022)!, terms: [
                Term(name: "Autumn", dates: range("2022-09-05", "2022-12-16")),
                Term(name: "Spring", dates: range("2022-12-12", "2023-03-31")),
            ]),
            .init(academicYear: AcademicYear(startYear: 2023)!, terms: [
                Term(name: "Autumn", dates: range("2023-09-01", "2023-12-20")),
            ]),
            .init(academicYear: AcademicYear(startYear: 2024)!, terms: [
                Term(name: "Autumn", dates: range("2024-09-02", "2024-12-20")),
                Term(name: "Spring", dates: range("2024-12-20", "2025-03-28")),
            ]),
        ])
        #expect(found == [
            "2022/23 Autumn term (5 Sep 2022 to 16 Dec 2022) overlaps 2022/23 Spring term (12 Dec 2022 to 31 Mar 2023).",
            "2024/25 Autumn term (2 Sep 2024 to 20 Dec 2024) overlaps 2024/25 Spring term (20 Dec 2024 to 28 Mar 2025).",
        ])
    }

    @Test("A half-term outside its term, and half-terms overlapping each other")
    func halfTerms() {
        let found = problems([
            .init(academicYear: AcademicYear(startYear: 2022)!, terms: [
                Term(name: "Autumn", dates: range("2022-09-05", "2022-12-16"),
                     halfTerms: [range("2022-12-12", "2022-12-23"), range("2022-12-14", "2022-12-15")]),
            ]),
        ])
        #expect(found == [
            "2022/23: half-term 12 Dec 2022 to 23 Dec 2022 is not within the Autumn term (5 Sep 2022 to 16 Dec 2022).",
            "2022/23: half-terms 12 Dec 2022 to 23 Dec 2022 and 14 Dec 2022 to 15 Dec 2022 in the Autumn term overlap.",
        ])
    }

    @Test("INSET days outside a term, at a weekend, on a bank holiday, in half-term, or repeated")
    func insetDays() {
        let found = problems([
            .init(academicYear: AcademicYear(startYear: 2022)!,
                  terms: [Term(name: "Autumn", dates: range("2022-09-05", "2022-12-16"),
                               halfTerms: [range("2022-10-24", "2022-10-28")])],
                  insetDays: ["2022-09-02", "2022-09-10", "2022-09-19", "2022-10-25", "2022-11-01", "2022-11-01"].map(day)),
        ])
        #expect(found == [
            "2022/23: INSET day 2 Sep 2022 is not in any term of 2022/23.",
            "2022/23: INSET day 10 Sep 2022 falls on a Saturday.",
            "2022/23: INSET day 19 Sep 2022 is a bank holiday (Bank Holiday for the State Funeral of Queen Elizabeth II).",
            "2022/23: INSET day 25 Oct 2022 is in the Autumn term's half-term.",
            "2022/23: INSET day 1 Nov 2022 is listed more than once.",
        ])
    }

    @Test("A year whose label does not match its dates, a repeated year, an empty year")
    func yearLabels() {
        let found = problems([
            .init(academicYear: AcademicYear(startYear: 2023)!, terms: [
                Term(name: "Autumn", dates: range("2022-09-05", "2022-12-16")),
            ]),
            .init(academicYear: AcademicYear(startYear: 2024)!, terms: []),
            .init(academicYear: AcademicYear(startYear: 2024)!, terms: []),
        ])
        #expect(found == [
            "2023/24: Autumn term (5 Sep 2022 to 16 Dec 2022) is not within the academic year 2023/24 (1 Sep 2023 to 31 Aug 2024).",
            "2024/25 has no terms.",
            "2024/25 is listed more than once.",
            "2024/25 has no terms.",
        ])
    }

    @Test("Terms beyond the bank holiday list are flagged, since their holidays are unknown")
    func beyondBankHolidays() {
        let found = problems([
            .init(academicYear: AcademicYear(startYear: 2033)!, terms: [
                Term(name: "Autumn", dates: range("2033-09-05", "2033-12-20")),
                Term(name: "Spring", dates: range("2034-01-09", "2034-03-29")),
            ]),
        ])
        #expect(found == [
            "2033/34: Spring term (9 Jan 2034 to 29 Mar 2034) goes beyond the bank holiday list (2018–2033), so its bank holidays are unknown.",
        ])
    }

    @Test("Problems do not stop the calendar answering: closures still apply")
    func stillUsable() {
        let calendar = TermCalendar(authority: "Test", years: [
            .init(academicYear: AcademicYear(startYear: 2022)!, terms: [
                Term(name: "Autumn", dates: range("2022-09-05", "2022-12-16")),
                Term(name: "Autumn again", dates: range("2022-09-05", "2022-12-16"),
                     halfTerms: [range("2022-10-24", "2022-10-28")]),
            ]),
        ])
        #expect(calendar.validate().count == 1)
        #expect(!calendar.isSchoolDay(day("2022-10-25")))   // a closure wins over a duplicate term
        #expect(calendar.countSchoolDays(in: range("2022-09-01", "2022-12-31")) == 69)
    }
}
