import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Monthly returns: due days, lateness and reminders")
struct ReturnDeadlineTests {
    let deadlines = ReturnDeadlines()

    @Test("Due on the 10th working day after the month, skipping weekends and bank holidays")
    func dueDays() {
        #expect(deadlines.due(for: CalendarMonth(year: 2023, month: 10)!) == day("2023-11-14"))
        #expect(deadlines.due(for: CalendarMonth(year: 2023, month: 12)!) == day("2024-01-15"), "New Year's Day is skipped")
        #expect(deadlines.due(for: CalendarMonth(year: 2024, month: 4)!) == day("2024-05-15"), "the early May bank holiday is skipped")
        #expect(ReturnDeadlines(workingDay: 1).due(for: CalendarMonth(year: 2024, month: 3)!) == day("2024-04-02"),
                "Easter Monday, 1 April 2024, is not a working day")
        #expect(ReturnDeadlines(workingDay: 99).workingDay == 20, "the chosen day is kept inside the month after")
    }

    @Test("Overdue until submitted; judged by the first submission")
    func timeliness() {
        let due = day("2023-11-14")
        #expect(ReturnTimeliness.of(due: due, firstSubmitted: nil, asOf: day("2023-11-01")) == .notDue)
        #expect(ReturnTimeliness.of(due: due, firstSubmitted: nil, asOf: day("2023-11-08")) == .notDue)
        #expect(ReturnTimeliness.of(due: due, firstSubmitted: nil, asOf: day("2023-11-09")) == .dueSoon, "when the first reminder goes")
        #expect(ReturnTimeliness.of(due: due, firstSubmitted: nil, asOf: day("2023-11-14")) == .dueSoon)
        #expect(ReturnTimeliness.of(due: due, firstSubmitted: nil, asOf: day("2023-11-17")) == .overdue(days: 3))
        #expect(ReturnTimeliness.of(due: due, firstSubmitted: day("2023-11-14"), asOf: day("2023-12-01")) == .onTime)
        #expect(ReturnTimeliness.of(due: due, firstSubmitted: day("2023-11-20"), asOf: day("2023-12-01")) == .late(days: 6))
    }

    @Test("One reminder before, one the working day after, then one a week; none once submitted")
    func reminders() {
        let contract = id(77)
        let october = ReturnReminders.Obligation(contractID: contract, month: CalendarMonth(year: 2023, month: 10)!,
                                                 due: day("2023-11-14"), submitted: false)
        func keys(_ today: String, _ obligation: ReturnReminders.Obligation = october) -> [String] {
            ReturnReminders.due([obligation], today: day(today), deadlines: deadlines).map(\.key)
        }
        let base = "return:\(contract.uuidString.lowercased()):2023-10:due-2023-11-14"
        #expect(keys("2023-11-08") == [])
        #expect(keys("2023-11-09") == ["\(base):soon"], "three working days before")
        #expect(keys("2023-11-14") == ["\(base):soon"], "the same key, so it is sent once")
        #expect(keys("2023-11-15") == ["\(base):overdue-0"])
        #expect(keys("2023-11-21") == ["\(base):overdue-0"])
        #expect(keys("2023-11-22") == ["\(base):overdue-1"], "a week on, chased again")
        let submitted = ReturnReminders.Obligation(contractID: contract, month: october.month, due: october.due, submitted: true)
        #expect(keys("2023-11-15", submitted) == [])
        let extended = ReturnReminders.Obligation(contractID: contract, month: october.month, due: day("2023-11-21"), submitted: false)
        #expect(keys("2023-11-16", extended) == ["return:\(contract.uuidString.lowercased()):2023-10:due-2023-11-21:soon"],
                "an extension moves the due day and starts the reminders afresh")
        let reminder = ReturnReminders.due([october], today: day("2023-11-15"), deadlines: deadlines)[0]
        #expect(reminder.headline == "Monthly return for October 2023 is overdue")
    }

    @Test("Review steps: only a submitted return is reviewed; a query needs a comment, a return a reason")
    func review() {
        #expect(ReturnReview.problem(.approve, from: .submitted, comments: [], reason: "") == nil)
        #expect(ReturnReview.problem(.query, from: .submitted, comments: ["", " "], reason: "") ==
                "Write a comment on at least one line to query the return")
        #expect(ReturnReview.problem(.query, from: .submitted, comments: ["Sessions look low for WLV-02"], reason: "") == nil)
        #expect(ReturnReview.problem(.sendBack, from: .submitted, comments: [], reason: "") == "Say why the return is being sent back")
        #expect(ReturnReview.problem(.approve, from: .approved, comments: [], reason: "") == "This return has already been approved")
        #expect(ReturnReview.problem(.approve, from: .draft, comments: [], reason: "") == "Only a submitted return can be reviewed; this one is draft")
        #expect(ReturnReview.submitProblem(from: nil) == nil)
        #expect(ReturnReview.submitProblem(from: .queried) == nil)
        #expect(ReturnReview.submitProblem(from: .approved) == "This return has been approved, so it cannot be changed")
        #expect(ReturnReview.submitProblem(from: .submitted) != nil)
    }
}
