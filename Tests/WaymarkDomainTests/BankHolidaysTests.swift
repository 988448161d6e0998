import Testing
@testable import WaymarkDomain

/// The table is checked against an independent derivation: the standing rules (Banking and
/// Financial Dealings Act 1971 plus the usual weekend substitutes) and the Gregorian Easter
/// computus, with the proclaimed exceptions stated here separately. A typo in the table then
/// has to be repeated in two different forms to go unnoticed.
@Suite("Bank holidays")
struct BankHolidaysTests {
    let holidays = BankHolidays.englandAndWales

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    static func easterSunday(_ year: Int) -> Day {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year, month, day)
    }

    /// Holidays the standing rules give for `year`, before any proclamation.
    static func byRule(_ year: Int) -> [Day] {
        let easter = easterSunday(year)
        let newYear = Day(year, 1, 1)
        var days = [
            newYear.isWeekend ? newYear.next(.monday) : newYear,
            easter.adding(days: -2), easter.adding(days: 1),
            Day(year, 5, 1).next(.monday),        // first Monday in May
            Day(year, 5, 31).previous(.monday),   // last Monday in May
            Day(year, 8, 31).previous(.monday),   // last Monday in August
        ]
        // Christmas and Boxing Day: each weekend one moves to the next weekday not already taken.
        let christmas = Day(year, 12, 25), boxing = Day(year, 12, 26)
        switch christmas.weekday {
        case .friday: days += [christmas, Day(year, 12, 28)]          // Boxing Day Sat → Mon
        case .saturday: days += [Day(year, 12, 27), Day(year, 12, 28)] // both move
        case .sunday: days += [boxing, Day(year, 12, 27)]             // Christmas Sun → Tue
        default: days += [christmas, boxing]
        }
        return days.sorted()
    }

    @Test("Good Friday and Easter Monday match the Easter computus every year")
    func easter() {
        let knownEasterSundays = [
            2018: "2018-04-01", 2019: "2019-04-21", 2020: "2020-04-12", 2021: "2021-04-04",
            2022: "2022-04-17", 2023: "2023-04-09", 2024: "2024-03-31", 2025: "2025-04-20",
            2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16", 2029: "2029-04-01", 2030: "2030-04-21",
            2031: "2031-04-13", 2032: "2032-03-28", 2033: "2033-04-17",
        ]
        for year in 2018...2033 {
            let easter = Self.easterSunday(year)
            #expect(easter.iso == knownEasterSundays[year])
            #expect(easter.weekday == .sunday)
            #expect(holidays.holiday(on: easter.adding(days: -2))?.name == "Good Friday")
            #expect(holidays.holiday(on: easter.adding(days: 1))?.name == "Easter Monday")
        }
    }

    @Test("Every year equals the standing rules plus the proclaimed exceptions")
    func matchesRules() {
        for year in holidays.years {
            var expected = Set(Self.byRule(year))
            switch year {
            case 2020:  // VE Day: Early May moved from Mon 4 May to Fri 8 May
                expected.remove(Day(2020, 5, 4)); expected.insert(Day(2020, 5, 8))
            case 2022:  // Spring moved to Thu 2 Jun; Platinum Jubilee Fri 3 Jun; State Funeral Mon 19 Sep
                expected.remove(Day(2022, 5, 30))
                expected.formUnion([Day(2022, 6, 2), Day(2022, 6, 3), Day(2022, 9, 19)])
            case 2023:  // Coronation Mon 8 May
                expected.insert(Day(2023, 5, 8))
            default: break
            }
            #expect(Set(holidays.holidays(in: year).map(\.day)) == expected, "year \(year)")
        }
    }

    @Test("Counts per year: 8 normally, 10 in 2022, 9 in 2023; none at a weekend")
    func counts() {
        for year in holidays.years {
            let expected = year == 2022 ? 10 : year == 2023 ? 9 : 8
            #expect(holidays.holidays(in: year).count == expected, "year \(year)")
        }
        #expect(holidays.holidays.count == 8 * 16 + 2 + 1)
        #expect(holidays.holidays.allSatisfy { !$0.day.isWeekend })
        #expect(holidays.holidays == holidays.holidays.sorted { $0.day < $1.day })
    }

    @Test("The exceptional days are present with their GOV.UK names")
    func exceptions() {
        #expect(holidays.holiday(on: Day(2020, 5, 8))?.name == "Early May bank holiday (VE day)")
        #expect(!holidays.contains(Day(2020, 5, 4)))
        #expect(holidays.holiday(on: Day(2022, 6, 2))?.name == "Spring bank holiday")
        #expect(holidays.holiday(on: Day(2022, 6, 3))?.name == "Platinum Jubilee bank holiday")
        #expect(!holidays.contains(Day(2022, 5, 30)))
        #expect(holidays.holiday(on: Day(2022, 9, 19))?.name == "Bank Holiday for the State Funeral of Queen Elizabeth II")
        #expect(holidays.holiday(on: Day(2023, 5, 8))?.name == "Bank holiday for the coronation of King Charles III")
        #expect(holidays.contains(Day(2023, 5, 1)))
    }

    @Test("Substitute days are flagged and named")
    func substitutes() {
        let christmas2022 = holidays.holiday(on: Day(2022, 12, 27))
        #expect(christmas2022?.isSubstitute == true)
        #expect(christmas2022?.displayName == "Christmas Day (substitute day)")
        #expect(holidays.holiday(on: Day(2022, 12, 26))?.isSubstitute == false)
        #expect(holidays.holiday(on: Day(2023, 1, 2))?.displayName == "New Year’s Day (substitute day)")
        #expect(holidays.holiday(on: Day(2020, 12, 28))?.name == "Boxing Day")
        #expect(holidays.holidays.filter(\.isSubstitute).map(\.day.iso) == [
            "2020-12-28", "2021-12-27", "2021-12-28", "2022-01-03", "2022-12-27", "2023-01-02",
            "2026-12-28", "2027-12-27", "2027-12-28", "2028-01-03", "2032-12-27", "2032-12-28", "2033-01-03", "2033-12-27",
        ])
    }

    @Test("Coverage says where the list is authoritative")
    func coverage() {
        #expect(holidays.covers(Day(2018, 1, 1)) && holidays.covers(Day(2033, 12, 31)))
        #expect(!holidays.covers(Day(2017, 12, 31)) && !holidays.covers(Day(2034, 1, 1)))
        #expect(holidays.coveredRange == range("2018-01-01", "2033-12-31"))
        #expect(holidays.holidays(in: range("2023-05-01", "2023-05-31")).map(\.day.iso)
            == ["2023-05-01", "2023-05-08", "2023-05-29"])
        #expect(holidays.holidays(in: 2034).isEmpty)
    }
}
