/// Checks a calendar for the mistakes people make when typing one in from a council's web
/// page. Each problem is a sentence a commissioner can act on, naming the year, the term and
/// the dates, because a wrong term date silently moves every funded-until date after it.
extension TermCalendar {
    /// Problems in words; empty when the calendar is consistent.
    public func validate() -> [String] {
        var problems: [String] = []
        var seenYears: Set<AcademicYear> = []
        for year in years {
            let label = year.academicYear.label
            if !seenYears.insert(year.academicYear).inserted {
                problems.append("\(label) is listed more than once.")
            }
            if year.terms.isEmpty {
                problems.append("\(label) has no terms.")
            }
            problems += termProblems(in: year)
            problems += insetProblems(in: year)
        }
        problems += overlapProblems()
        return problems
    }

    private func termProblems(in year: Year) -> [String] {
        var problems: [String] = []
        let label = year.academicYear.label
        let yearRange = year.academicYear.range
        for term in year.terms {
            let termText = "\(term.name) term (\(term.dates.display))"
            if !yearRange.contains(term.dates) {
                problems.append("\(label): \(termText) is not within the academic year \(label) (\(yearRange.display)).")
            }
            if !bankHolidays.coveredRange.contains(term.dates) {
                problems.append("\(label): \(termText) goes beyond the bank holiday list "
                    + "(\(bankHolidays.years.lowerBound)–\(bankHolidays.years.upperBound)), so its bank holidays are unknown.")
            }
            for halfTerm in term.halfTerms where !term.dates.contains(halfTerm) {
                problems.append("\(label): half-term \(halfTerm.display) is not within the \(termText).")
            }
            for (i, first) in term.halfTerms.enumerated() {
                for second in term.halfTerms[(i + 1)...] where first.overlaps(second) {
                    problems.append("\(label): half-terms \(first.display) and \(second.display) in the \(term.name) term overlap.")
                }
            }
        }
        return problems
    }

    private func insetProblems(in year: Year) -> [String] {
        var problems: [String] = []
        var seen: Set<Day> = []
        let label = year.academicYear.label
        for day in year.insetDays {
            let dayText = "INSET day \(day.display)"
            if !seen.insert(day).inserted {
                problems.append("\(label): \(dayText) is listed more than once.")
            }
            guard let term = year.terms.first(where: { $0.dates.contains(day) }) else {
                problems.append("\(label): \(dayText) is not in any term of \(label).")
                continue
            }
            // Each of these means the INSET day closes nothing, which usually means a typo.
            if day.isWeekend {
                problems.append("\(label): \(dayText) falls on a \(day.weekday.name).")
            } else if let holiday = bankHolidays.holiday(on: day) {
                problems.append("\(label): \(dayText) is a bank holiday (\(holiday.displayName)).")
            } else if term.halfTerms.contains(where: { $0.contains(day) }) {
                problems.append("\(label): \(dayText) is in the \(term.name) term's half-term.")
            }
        }
        return problems
    }

    /// Terms overlapping anywhere in the calendar, within a year or across years.
    private func overlapProblems() -> [String] {
        let terms = years.flatMap { year in year.terms.map { (year.academicYear.label, $0) } }
        var problems: [String] = []
        for (i, (firstLabel, first)) in terms.enumerated() {
            for (secondLabel, second) in terms[(i + 1)...] where first.dates.overlaps(second.dates) {
                problems.append("\(firstLabel) \(first.name) term (\(first.dates.display)) overlaps "
                    + "\(secondLabel) \(second.name) term (\(second.dates.display)).")
            }
        }
        return problems
    }
}
