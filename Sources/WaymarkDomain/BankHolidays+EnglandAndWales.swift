extension BankHolidays {
    /// England and Wales bank holidays 2018–2033, transcribed from GOV.UK
    /// (https://www.gov.uk/bank-holidays, whose JSON names are kept, curly apostrophe included).
    ///
    /// Exceptions by proclamation, which is why this is data:
    /// - 2020: Early May bank holiday moved from Mon 4 May to Fri 8 May for VE Day's 75th anniversary.
    /// - 2022: Spring bank holiday moved from Mon 30 May to Thu 2 Jun, plus Fri 3 Jun (Platinum
    ///   Jubilee) and Mon 19 Sep (State Funeral of Queen Elizabeth II).
    /// - 2023: Mon 8 May added for the coronation of King Charles III.
    /// Years after the last GOV.UK publication (2028 to 2033, so term dates and the demo, which
    /// carries on to today, can run five years ahead) follow the standing rules (first and last
    /// Mondays of May, last Monday of August, weekend substitutes) and should be re-checked when
    /// GOV.UK publishes them. Extending the list means adding a year block and widening `years`.
    public static let englandAndWales = BankHolidays(
        holidays: englandAndWalesTable.map { iso, name, substitute in
            BankHoliday(day: Day(iso: iso)!, name: name, isSubstitute: substitute)
        },
        years: 2018...2033
    )

    private static let newYear = "New Year’s Day"
    private static let goodFriday = "Good Friday"
    private static let easterMonday = "Easter Monday"
    private static let earlyMay = "Early May bank holiday"
    private static let spring = "Spring bank holiday"
    private static let summer = "Summer bank holiday"
    private static let christmas = "Christmas Day"
    private static let boxing = "Boxing Day"

    // (date, GOV.UK title, substitute day?)
    private static let englandAndWalesTable: [(String, String, Bool)] = [
        // 2018 — Easter Sunday 1 Apr
        ("2018-01-01", newYear, false), ("2018-03-30", goodFriday, false), ("2018-04-02", easterMonday, false),
        ("2018-05-07", earlyMay, false), ("2018-05-28", spring, false), ("2018-08-27", summer, false),
        ("2018-12-25", christmas, false), ("2018-12-26", boxing, false),
        // 2019 — Easter Sunday 21 Apr
        ("2019-01-01", newYear, false), ("2019-04-19", goodFriday, false), ("2019-04-22", easterMonday, false),
        ("2019-05-06", earlyMay, false), ("2019-05-27", spring, false), ("2019-08-26", summer, false),
        ("2019-12-25", christmas, false), ("2019-12-26", boxing, false),
        // 2020 — Easter Sunday 12 Apr; Early May moved to Friday 8 May; Boxing Day (Sat) substituted Mon 28 Dec
        ("2020-01-01", newYear, false), ("2020-04-10", goodFriday, false), ("2020-04-13", easterMonday, false),
        ("2020-05-08", "Early May bank holiday (VE day)", false), ("2020-05-25", spring, false),
        ("2020-08-31", summer, false), ("2020-12-25", christmas, false), ("2020-12-28", boxing, true),
        // 2021 — Easter Sunday 4 Apr; Christmas (Sat) and Boxing Day (Sun) substituted Mon 27 and Tue 28 Dec
        ("2021-01-01", newYear, false), ("2021-04-02", goodFriday, false), ("2021-04-05", easterMonday, false),
        ("2021-05-03", earlyMay, false), ("2021-05-31", spring, false), ("2021-08-30", summer, false),
        ("2021-12-27", christmas, true), ("2021-12-28", boxing, true),
        // 2022 — Easter Sunday 17 Apr; New Year (Sat) substituted Mon 3 Jan; Jubilee; State Funeral;
        // Christmas (Sun) substituted Tue 27 Dec because Boxing Day already holds Mon 26 Dec
        ("2022-01-03", newYear, true), ("2022-04-15", goodFriday, false), ("2022-04-18", easterMonday, false),
        ("2022-05-02", earlyMay, false), ("2022-06-02", spring, false),
        ("2022-06-03", "Platinum Jubilee bank holiday", false), ("2022-08-29", summer, false),
        ("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II", false),
        ("2022-12-26", boxing, false), ("2022-12-27", christmas, true),
        // 2023 — Easter Sunday 9 Apr; New Year (Sun) substituted Mon 2 Jan; Coronation
        ("2023-01-02", newYear, true), ("2023-04-07", goodFriday, false), ("2023-04-10", easterMonday, false),
        ("2023-05-01", earlyMay, false),
        ("2023-05-08", "Bank holiday for the coronation of King Charles III", false),
        ("2023-05-29", spring, false), ("2023-08-28", summer, false),
        ("2023-12-25", christmas, false), ("2023-12-26", boxing, false),
        // 2024 — Easter Sunday 31 Mar
        ("2024-01-01", newYear, false), ("2024-03-29", goodFriday, false), ("2024-04-01", easterMonday, false),
        ("2024-05-06", earlyMay, false), ("2024-05-27", spring, false), ("2024-08-26", summer, false),
        ("2024-12-25", christmas, false), ("2024-12-26", boxing, false),
        // 2025 — Easter Sunday 20 Apr
        ("2025-01-01", newYear, false), ("2025-04-18", goodFriday, false), ("2025-04-21", easterMonday, false),
        ("2025-05-05", earlyMay, false), ("2025-05-26", spring, false), ("2025-08-25", summer, false),
        ("2025-12-25", christmas, false), ("2025-12-26", boxing, false),
        // 2026 — Easter Sunday 5 Apr; Boxing Day (Sat) substituted Mon 28 Dec
        ("2026-01-01", newYear, false), ("2026-04-03", goodFriday, false), ("2026-04-06", easterMonday, false),
        ("2026-05-04", earlyMay, false), ("2026-05-25", spring, false), ("2026-08-31", summer, false),
        ("2026-12-25", christmas, false), ("2026-12-28", boxing, true),
        // 2027 — Easter Sunday 28 Mar; Christmas (Sat) and Boxing Day (Sun) substituted Mon 27 and Tue 28 Dec
        ("2027-01-01", newYear, false), ("2027-03-26", goodFriday, false), ("2027-03-29", easterMonday, false),
        ("2027-05-03", earlyMay, false), ("2027-05-31", spring, false), ("2027-08-30", summer, false),
        ("2027-12-27", christmas, true), ("2027-12-28", boxing, true),
        // 2028 — by the standing rules (not yet on GOV.UK when written). Easter Sunday 16 Apr;
        // New Year (Sat) substituted Mon 3 Jan
        ("2028-01-03", newYear, true), ("2028-04-14", goodFriday, false), ("2028-04-17", easterMonday, false),
        ("2028-05-01", earlyMay, false), ("2028-05-29", spring, false), ("2028-08-28", summer, false),
        ("2028-12-25", christmas, false), ("2028-12-26", boxing, false),
        // 2029 — by the standing rules. Easter Sunday 1 Apr
        ("2029-01-01", newYear, false), ("2029-03-30", goodFriday, false), ("2029-04-02", easterMonday, false),
        ("2029-05-07", earlyMay, false), ("2029-05-28", spring, false), ("2029-08-27", summer, false),
        ("2029-12-25", christmas, false), ("2029-12-26", boxing, false),
        // 2030 — by the standing rules. Easter Sunday 21 Apr
        ("2030-01-01", newYear, false), ("2030-04-19", goodFriday, false), ("2030-04-22", easterMonday, false),
        ("2030-05-06", earlyMay, false), ("2030-05-27", spring, false), ("2030-08-26", summer, false),
        ("2030-12-25", christmas, false), ("2030-12-26", boxing, false),
        // 2031 — by the standing rules. Easter Sunday 13 Apr
        ("2031-01-01", newYear, false), ("2031-04-11", goodFriday, false), ("2031-04-14", easterMonday, false),
        ("2031-05-05", earlyMay, false), ("2031-05-26", spring, false), ("2031-08-25", summer, false),
        ("2031-12-25", christmas, false), ("2031-12-26", boxing, false),
        // 2032 — by the standing rules. Easter Sunday 28 Mar; Christmas/Boxing Day substituted Mon 27 Dec, Tue 28 Dec
        ("2032-01-01", newYear, false), ("2032-03-26", goodFriday, false), ("2032-03-29", easterMonday, false),
        ("2032-05-03", earlyMay, false), ("2032-05-31", spring, false), ("2032-08-30", summer, false),
        ("2032-12-27", christmas, true), ("2032-12-28", boxing, true),
        // 2033 — by the standing rules. Easter Sunday 17 Apr; New Year (Sat) substituted Mon 3 Jan; Christmas/Boxing Day substituted Tue 27 Dec
        ("2033-01-03", newYear, true), ("2033-04-15", goodFriday, false), ("2033-04-18", easterMonday, false),
        ("2033-05-02", earlyMay, false), ("2033-05-30", spring, false), ("2033-08-29", summer, false),
        ("2033-12-26", boxing, false), ("2033-12-27", christmas, true),
    ]
}
