import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: payment schedules")
struct PaymentScheduleTests {
    let period = range("2024-09-02", "2025-08-31")
    let finance = id(720)

    var plan: [PaymentLine] {
        PaymentSchedule.quarterlyInArrears(value: Money(pence: 9_126_000), period: period) ?? []
    }

    @Test("Quarterly in arrears over financial quarters, cut to the contract, pro rata by days to the penny")
    func defaultPlan() {
        #expect(plan.map(\.period) == [range("2024-09-02", "2024-09-30"), range("2024-10-01", "2024-12-31"),
                                       range("2025-01-01", "2025-03-31"), range("2025-04-01", "2025-06-30"),
                                       range("2025-07-01", "2025-08-31")])
        #expect(plan.map(\.label) == ["Q2 2024/25", "Q3 2024/25", "Q4 2024/25", "Q1 2025/26", "Q2 2025/26"])
        // £91,260 × 29, 92, 90, 91, 62 ÷ 364 days = 7,270.714…, 23,065.714…, 22,564.285…, 22,815, 15,544.285…
        #expect(plan.map(\.amount.pence) == [727_071, 2_306_571, 2_256_429, 2_281_500, 1_554_429])
        #expect(plan.map(\.number) == [1, 2, 3, 4, 5])
        #expect(PaymentSchedule.quarterlyInArrears(for: Contracted.contract) == plan)
        #expect(PaymentSchedule.quarterlyInArrears(value: Money(pence: -1), period: period) == nil)
    }

    @Test("By school days: a quarter with the summer holiday is paid less; no school days at all falls back to calendar days")
    func schoolDays() throws {
        let summer = range("2025-07-19", "2025-08-31")
        let days = Set(Contracted.schoolDays(period, holidays: [summer]))
        let lines = try #require(PaymentSchedule.quarterlyInArrears(value: Money(pence: 9_126_000), period: period, weighting: .schoolDays(days)))
        let counts = lines.map { line in line.period.filter(days.contains).count }
        #expect(counts == [21, 66, 64, 65, 14])
        #expect(lines.reduce(.zero) { $0 + $1.amount } == Money(pence: 9_126_000))
        #expect(lines[4].amount < plan[4].amount)
        let none = PaymentSchedule.quarterlyInArrears(value: Money(pence: 9_126_000), period: period, weighting: .schoolDays([]))
        #expect(none == plan)
    }

    @Test("Property: lines cover the period without gaps, stay inside one quarter, and add up to the value")
    func properties() {
        var random = SeededGenerator(seed: 61)
        for _ in 0..<500 {
            let start = Day(2024, 1, 1).adding(days: Int.random(in: 0...800, using: &random))
            let period = DayRange(start: start, end: start.adding(days: Int.random(in: 0...1_200, using: &random)))!
            let value = Money(pence: Int64.random(in: 0...SpecificationRules.valueCeiling.pence, using: &random))
            guard let lines = PaymentSchedule.quarterlyInArrears(value: value, period: period) else { Issue.record("no plan"); continue }
            #expect(lines.reduce(.zero) { $0 + $1.amount } == value)
            #expect(lines.first?.period.start == period.start && lines.last?.period.end == period.end)
            for (a, b) in zip(lines, lines.dropFirst()) { #expect(a.period.end.next == b.period.start) }
            for line in lines {
                let months = line.months
                #expect(months.count <= 3 && Set(months.map { ($0.month - 1) / 3 }).count == 1 && Set(months.map(\.year)).count == 1)
                let exact = Double(value.pence) * Double(line.period.dayCount) / Double(period.dayCount)
                #expect(abs(Double(line.amount.pence) - exact) < 1.0001)
            }
        }
    }

    @Test("Removing days from a range leaves the pieces nothing covers, in order")
    func removing() {
        let quarter = range("2025-01-01", "2025-03-31")
        #expect(quarter.removing([]) == [quarter])
        #expect(quarter.removing([range("2025-02-01", "2025-02-28")]) == [range("2025-01-01", "2025-01-31"), range("2025-03-01", "2025-03-31")])
        #expect(quarter.removing([range("2024-12-01", "2025-01-31"), range("2025-03-31", "2025-04-30")]) == [range("2025-02-01", "2025-03-30")])
        #expect(quarter.removing([range("2024-01-01", "2026-01-01")]) == [])
        #expect(quarter.removing([range("2025-04-01", "2025-04-30")]) == [quarter])
    }

    @Test("A line becomes payable when every month has an approved return, and paid when finance marks it")
    func payable() throws {
        let line = plan[1]   // Oct–Dec 2024
        let october = try #require(CalendarMonth(year: 2024, month: 10))
        let november = try #require(CalendarMonth(year: 2024, month: 11))
        let december = try #require(CalendarMonth(year: 2024, month: 12))
        #expect(line.status(approvedMonths: [october]) == .awaitingReturns([november, december]))
        #expect(line.status(approvedMonths: [october, november, december]) == .payable)
        #expect(line.problemsMarkingPaid(on: day("2025-01-15"), approvedMonths: [october], today: day("2025-06-30")).map(\.message) == [
            "The monthly returns for November 2024 and December 2024 have not been approved yet"])
        #expect(line.problemsMarkingPaid(on: day("2024-12-31"), approvedMonths: [october, november, december], today: day("2025-06-30")).map(\.message) == [
            "Q3 2024/25 is paid in arrears: the payment date must be after its period ends on 31 Dec 2024"])
        #expect(line.problemsMarkingPaid(on: day("2025-01-15"), approvedMonths: [october, november, december], today: day("2025-06-30")) == [])
        let paid = line.paid(on: day("2025-01-15"), by: finance)
        #expect(paid.status(approvedMonths: []) == .paid(PaymentRecord(paidOn: day("2025-01-15"), paidBy: finance)))
        #expect(paid.problemsMarkingPaid(on: day("2025-01-20"), approvedMonths: [october, november, december], today: day("2025-06-30")).map(\.message) == [
            "Q3 2024/25 was already paid on 15 Jan 2025"])
        // A payment is never made in the future: the day entered is refused, naming the field.
        #expect(line.problemsMarkingPaid(on: day("2030-01-15"), approvedMonths: [october, november, december], today: day("2025-06-30")).map(\.message) == [
            "Paid on: 15 Jan 2030 is in the future: give the day it happened, today at the latest"])
    }

    @Test("Re-planning after a variation: paid lines stay; the rest of the new value is spread over the unpaid periods")
    func replan() throws {
        var lines = plan
        lines[0] = lines[0].paid(on: day("2024-10-15"), by: finance)
        lines[1] = lines[1].paid(on: day("2025-01-15"), by: finance)
        // Extended to 31 Mar 2026 with W3 added: £111,260.
        let extended = try PaymentSchedule.replanned(lines, value: Money(pence: 11_126_000), period: range("2024-09-02", "2026-03-31")).get()
        #expect(Array(extended.prefix(2)) == Array(lines.prefix(2)))
        #expect(extended.map(\.period.start.iso) == ["2024-09-02", "2024-10-01", "2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2026-01-01"])
        #expect(extended.map(\.number) == Array(1...7))
        #expect(extended.reduce(.zero) { $0 + $1.amount } == Money(pence: 11_126_000))
        // £111,260 − £30,336.42 paid = £80,923.58 over 90 + 91 + 92 + 92 + 90 = 455 days.
        #expect(extended.dropFirst(2).map(\.amount.pence) == [1_600_686, 1_618_472, 1_636_257, 1_636_257, 1_600_686])
    }

    @Test("Re-planning refuses a value below what has been paid, or money with no period left")
    func replanRefusals() {
        var lines = plan
        lines[0] = lines[0].paid(on: day("2024-10-15"), by: finance)
        lines[1] = lines[1].paid(on: day("2025-01-15"), by: finance)
        let tooLittle = PaymentSchedule.replanned(lines, value: pounds(20_000), period: range("2024-09-02", "2024-12-20"))
        #expect(tooLittle == .failure(PaymentProblem(field: .value, message:
            "£30,336.42 has already been paid, more than the new contract value £20,000.00")))
        let noRoom = PaymentSchedule.replanned(lines, value: pounds(40_000), period: range("2024-09-02", "2024-12-31"))
        #expect(noRoom == .failure(PaymentProblem(field: .period, message:
            "Every period of the contract has been paid, so the remaining £9,663.58 has no period to be paid in: extend the contract or change its value")))
        // Terminated early, value cut to what was paid: just the paid lines.
        let settled = PaymentSchedule.replanned(lines, value: Money(pence: 3_033_642), period: range("2024-09-02", "2024-12-31"))
        #expect(settled == .success(Array(lines.prefix(2))))
    }

    @Test("Property: re-planning keeps every paid line and adds up to the new value")
    func replanProperty() {
        var random = SeededGenerator(seed: 62)
        for _ in 0..<300 {
            var lines = plan
            let paidCount = Int.random(in: 0...4, using: &random)
            for i in 0..<paidCount { lines[i] = lines[i].paid(on: lines[i].period.end.next, by: finance) }
            let paid = lines.prefix(paidCount)
            let paidTotal = paid.reduce(Money.zero) { $0 + $1.amount }
            let value = paidTotal + Money(pence: Int64.random(in: 0...20_000_000, using: &random))
            let end = day("2025-08-31").adding(days: Int.random(in: -60...400, using: &random))
            guard let newPeriod = DayRange(start: period.start, end: end),
                  case .success(let replanned) = PaymentSchedule.replanned(lines, value: value, period: newPeriod) else { continue }
            #expect(replanned.reduce(.zero) { $0 + $1.amount } == value)
            for line in paid { #expect(replanned.contains { $0.period == line.period && $0.payment == line.payment && $0.amount == line.amount }) }
            #expect(replanned.filter(\.isPaid).count == paidCount)
        }
    }
}
