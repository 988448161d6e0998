import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Reading: as of and as recorded")
struct ReadingTests {
    /// Noon in London on a day: when something was typed in.
    func at(_ y: Int, _ m: Int, _ d: Int) -> Date {
        LondonWallTime(day: Day(y, m, d), hour: 12, minute: 0)!.instant
    }

    @Test func asOfCountsFactsByTheDayTheyTookEffectHoweverLateTheyWereTyped() {
        let confirmedIn2022TypedIn2024 = DatedChange(effective: Day(2022, 3, 1), recorded: at(2024, 6, 1), value: "confirmed")
        #expect(Reading.asOf(Day(2022, 3, 1)).state(of: [confirmedIn2022TypedIn2024]) == "confirmed")
        #expect(Reading.asOf(Day(2022, 2, 28)).state(of: [confirmedIn2022TypedIn2024]) == nil, "it did not exist yet")
        #expect(Reading.asRecorded(Day(2023, 1, 1)).state(of: [confirmedIn2022TypedIn2024]) == nil, "Waymark had not been told")
        #expect(Reading.asRecorded(Day(2024, 6, 1)).state(of: [confirmedIn2022TypedIn2024]) == "confirmed")
    }

    @Test func theStateOnADayIsTheLastChangeEffectiveByThen() {
        let history = [
            DatedChange(effective: Day(2022, 1, 10), recorded: at(2024, 1, 1), value: "pledged"),
            DatedChange(effective: Day(2022, 3, 1), recorded: at(2024, 1, 1), value: "confirmed"),
            DatedChange(effective: Day(2023, 4, 1), recorded: at(2024, 1, 1), value: "received"),
        ]
        let reading = { (day: Day) in Reading.asOf(day).state(of: history.shuffled()) }
        #expect(reading(Day(2022, 1, 9)) == nil)
        #expect(reading(Day(2022, 1, 10)) == "pledged")
        #expect(reading(Day(2022, 2, 28)) == "pledged")
        #expect(reading(Day(2022, 3, 1)) == "confirmed")
        #expect(reading(Day(2030, 1, 1)) == "received")
    }

    @Test func aCorrectionRecordedLaterForTheSameDayWins() {
        let history = [
            DatedChange(effective: Day(2022, 3, 1), recorded: at(2022, 3, 1), value: "pledged"),
            DatedChange(effective: Day(2022, 3, 1), recorded: at(2022, 3, 2), value: "confirmed"),
        ]
        #expect(Reading.asOf(Day(2022, 3, 1)).state(of: history) == "confirmed")
        #expect(Reading.asOf(Day(2022, 3, 1)).state(of: history.reversed()) == "confirmed")
        #expect(Reading.asRecorded(Day(2022, 3, 1)).state(of: history) == "pledged", "the correction came the next day")
    }

    @Test func recordedDaysAreLondonDays() {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
        let lateEvening = Date(timeIntervalSince1970: 1_656_631_800) // 2022-06-30T23:30:00Z
        #expect(!Reading.asRecorded(Day(2022, 6, 30)).includes(effective: Day(2022, 6, 1), recorded: lateEvening))
        #expect(Reading.asRecorded(Day(2022, 7, 1)).includes(effective: Day(2022, 6, 1), recorded: lateEvening))
    }

    @Test func effectiveDaysDefaultToTodayAndNeverLieAhead() {
        let today = Day(2026, 12, 6)
        #expect(EffectiveDay.parse("", today: today) == .success(today))
        #expect(EffectiveDay.parse("2022-03-01", today: today) == .success(Day(2022, 3, 1)))
        #expect(EffectiveDay.parse("2026-12-07", today: today) == .failure(.inTheFuture(Day(2026, 12, 7))))
        #expect(EffectiveDay.parse("soon", today: today) == .failure(.unreadable("soon")))
    }
}

@Suite("Status history")
struct StatusHistoryTests {
    let today = Day(2026, 12, 6)
    typealias Step = StatusHistory.Step

    @Test func aWholeHistoryIsImportedWithItsDays() {
        let steps = StatusHistory.steps(known: [], dated: [.pledged: Day(2022, 1, 10), .confirmed: Day(2022, 3, 1), .received: Day(2022, 4, 20)],
                                        current: .received, today: today)
        #expect(steps == .success([Step(.pledged, on: Day(2022, 1, 10)), Step(.confirmed, on: Day(2022, 3, 1)), Step(.received, on: Day(2022, 4, 20))]))
    }

    @Test func aStatusWithoutADayTookEffectToday() {
        #expect(StatusHistory.steps(known: [], dated: [:], current: .confirmed, today: today) == .success([Step(.confirmed, on: today)]))
        #expect(StatusHistory.steps(known: [], dated: [.pledged: Day(2026, 1, 5)], current: .confirmed, today: today)
            == .success([Step(.pledged, on: Day(2026, 1, 5)), Step(.confirmed, on: today)]))
    }

    @Test func historyIsAddedToNotRewritten() {
        let known = [Step(.pledged, on: Day(2022, 1, 10))]
        #expect(StatusHistory.steps(known: known, dated: [.pledged: Day(2022, 1, 10), .confirmed: Day(2022, 3, 1)], current: nil, today: today)
            == .success([Step(.confirmed, on: Day(2022, 3, 1))]))
        #expect(StatusHistory.steps(known: known, dated: [.pledged: Day(2022, 1, 10)], current: .pledged, today: today) == .success([]),
                "the same file twice changes nothing")
        guard case .failure(let problems) = StatusHistory.steps(known: known, dated: [.pledged: Day(2022, 2, 1)], current: nil, today: today)
        else { Issue.record("a different day for a known step is refused"); return }
        #expect(problems.all.first?.message.contains("history is added to, not rewritten") == true)
    }

    @Test func everyProblemAtOnce() {
        let result = StatusHistory.steps(known: [], dated: [.pledged: Day(2022, 5, 1), .confirmed: Day(2022, 3, 1), .received: Day(2027, 1, 1)],
                                         current: .pledged, today: today)
        guard case .failure(let problems) = result else { Issue.record("refused"); return }
        let messages = problems.all.map(\.message).joined(separator: " | ")
        #expect(messages.contains("Received on 1 Jan 2027 is in the future"))
        #expect(messages.contains("Confirmed on 1 Mar 2022 is before pledged on 1 May 2022"))
        #expect(messages.contains("The status says pledged, but it became received"))
    }

    @Test func statusesOnlyMoveForwardAndANewSourceCannotStartWithdrawn() {
        let known = [Step(.confirmed, on: Day(2022, 3, 1))]
        guard case .failure(let backwards) = StatusHistory.steps(known: known, dated: [.pledged: Day(2022, 4, 1)], current: nil, today: today)
        else { Issue.record("backwards refused"); return }
        #expect(backwards.all.first?.message.contains("a status only moves forward") == true)
        guard case .failure(let withdrawn) = StatusHistory.steps(known: [], dated: [.withdrawn: Day(2022, 4, 1)], current: nil, today: today)
        else { Issue.record("withdrawn first refused"); return }
        #expect(withdrawn.all.first?.message == "A new source cannot start withdrawn")
        #expect(StatusHistory.steps(known: known, dated: [.withdrawn: Day(2023, 1, 9)], current: .withdrawn, today: today)
            == .success([Step(.withdrawn, on: Day(2023, 1, 9))]))
    }

    @Test func aPastDayIsReadAtItsEndInLondonAndTodayAtNow() {
        let now = LondonWallTime(day: Day(2026, 7, 1), hour: 14, minute: 5)!.instant
        #expect(Reading.asOf(Day(2026, 7, 1)).moment(now: now) == now)
        #expect(Reading.asOf(Day(2026, 9, 1)).moment(now: now) == now, "a future day reads what is known now")
        let summerEnd = Reading.asOf(Day(2026, 6, 30)).moment(now: now)
        #expect(summerEnd == LondonWallTime(day: Day(2026, 7, 1), hour: 0, minute: 0)!.instant)
        #expect(summerEnd == Date(timeIntervalSince1970: 1_782_860_400), "midnight BST is 23:00 UTC the day before")
        #expect(Reading.asOf(Day(2026, 7, 1)).isPresent(now: now))
        #expect(!Reading.asOf(Day(2026, 6, 30)).isPresent(now: now))
        #expect(!Reading.asRecorded(Day(2026, 7, 1)).isPresent(now: now))
    }
}
