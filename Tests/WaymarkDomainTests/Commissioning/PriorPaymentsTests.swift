import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Commissioning: payments made before a contract was recorded")
struct PriorPaymentsTests {
    /// 2 Sep 2024 to 31 Aug 2025: lines Sep, Oct–Dec, Jan–Mar, Apr–Jun, Jul–Aug.
    let plan = PaymentSchedule.quarterlyInArrears(value: Money(pence: 9_126_000), period: range("2024-09-02", "2025-08-31")) ?? []
    let today = Day(2025, 2, 10)

    @Test("A paid-through day covers every line ending on or before it, and must end a line")
    func paidThrough() throws {
        #expect(try PriorPayments.lines(paidThrough: Day(2024, 12, 31), of: plan).get() == [1, 2])
        #expect(try PriorPayments.lines(paidThrough: Day(2024, 9, 30), of: plan).get() == [1])
        #expect(try PriorPayments.lines(paidThrough: Day(2025, 8, 31), of: plan).get() == [1, 2, 3, 4, 5])
        if case .success = PriorPayments.lines(paidThrough: Day(2024, 9, 2), of: plan) { Issue.record("part of the first line cannot be paid") }
        guard case .failure(let inside) = PriorPayments.lines(paidThrough: Day(2024, 11, 15), of: plan) else { Issue.record("inside a line"); return }
        #expect(inside.message.contains("falls inside Q3 2024/25") && inside.message.contains("2024-12-31"))
        guard case .failure(let after) = PriorPayments.lines(paidThrough: Day(2025, 9, 30), of: plan) else { Issue.record("after"); return }
        #expect(after.message.contains("after the contract's last payment period ends on 2025-08-31"))
        guard case .failure(let before) = PriorPayments.lines(paidThrough: Day(2024, 8, 31), of: plan) else { Issue.record("before"); return }
        #expect(before.message.contains("before the contract's first payment period starts"))
        #expect(try PriorPayments.lines(paidThrough: Day(2024, 12, 31), of: []).get() == [])
    }

    @Test("A prior payment is never in the future nor before its line's period starts; in advance is allowed")
    func paidOnDays() {
        let second = plan[1]
        #expect(PriorPayments.problems(second, paidOn: Day(2024, 10, 1), today: today).isEmpty, "paid at the start of the quarter, in advance")
        #expect(PriorPayments.problems(second, paidOn: Day(2025, 1, 15), today: today).isEmpty, "paid in arrears")
        #expect(PriorPayments.problems(second, paidOn: today, today: today).isEmpty)
        #expect(PriorPayments.problems(second, paidOn: Day(2024, 9, 30), today: today).map(\.message)
                == ["Q3 2024/25 cannot have been paid on 30 Sep 2024, before its period starts on 1 Oct 2024"])
        #expect(PriorPayments.problems(second, paidOn: Day(2025, 2, 11), today: today).map(\.message)
                == ["Q3 2024/25 paid on: 11 Feb 2025 is in the future: give the day it happened, today at the latest"])
        #expect(PriorPayments.problems(plan[4], paidOn: Day(2025, 2, 11), today: today).count == 2)
    }

    @Test("Marked lines are paid by the person on their day; the rest stay open and follow Waymark's rule")
    func marking() {
        let person = UUID()
        let marked = PriorPayments.marking(plan, paidOn: [1: Day(2024, 10, 14), 2: Day(2025, 1, 13)], by: person)
        #expect(marked.map(\.isPaid) == [true, true, false, false, false])
        #expect(marked[1].payment == PaymentRecord(paidOn: Day(2025, 1, 13), paidBy: person))
        #expect(marked.map(\.amount) == plan.map(\.amount))
        // A paid line is paid whatever the returns say; an open one still waits for them.
        #expect(marked[0].status(approvedMonths: []) == .paid(PaymentRecord(paidOn: Day(2024, 10, 14), paidBy: person)))
        #expect(marked[2].status(approvedMonths: []) == .awaitingReturns(marked[2].months))
    }

    @Test("Contracts let before Waymark choose any way but awarded in Waymark")
    func lettings() {
        #expect(!ContractLetting.recordable.contains(.awardedInWaymark))
        #expect(ContractLetting.recordable.count == ContractLetting.allCases.count - 1)
        #expect(ContractLetting(rawValue: "framework_call_off")?.label == "Framework call-off")
    }
}
