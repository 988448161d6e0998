import Foundation
import XCTest
@testable import WaymarkDomain

final class JobTimingTests: XCTestCase {
    func testBackOffDoublesFromItsBaseAndStopsAtItsCap() {
        XCTAssertEqual(JobTiming.backoff(afterAttempt: 0), 0)
        XCTAssertEqual((1...5).map { JobTiming.backoff(afterAttempt: $0) }, [60, 120, 240, 480, 960])
        XCTAssertEqual(JobTiming.backoff(afterAttempt: 7), 3_600, "never more than an hour")
        XCTAssertEqual(JobTiming.backoff(afterAttempt: 10_000), 3_600, "no overflow however many tries")
        XCTAssertEqual(JobTiming.backoff(afterAttempt: 2, base: 30), 60)
    }

    func testBackOffNeverShrinks() {
        for attempt in 1...40 {
            XCTAssertLessThanOrEqual(JobTiming.backoff(afterAttempt: attempt), JobTiming.backoff(afterAttempt: attempt + 1))
        }
    }

    func testTheDailyTimeIsReadOnLondonsClockInSummerAndWinter() {
        let seven = DailyTime.alertsDefault
        XCTAssertEqual(seven.description, "07:00")
        // 06:30 UTC is 07:30 in London in July (BST) but 06:30 in January (GMT).
        let july = ISO8601DateFormatter().date(from: "2026-07-01T06:30:00Z")!
        let january = ISO8601DateFormatter().date(from: "2026-01-15T06:30:00Z")!
        XCTAssertEqual(seven.dueDay(at: july), Day(2026, 7, 1))
        XCTAssertNil(seven.dueDay(at: january))
        XCTAssertEqual(seven.dueDay(at: january.addingTimeInterval(1_800)), Day(2026, 1, 15), "07:00 GMT exactly")
        // 23:30 UTC on 30 June is 00:30 on 1 July in London: 1 July's run is not due yet.
        XCTAssertNil(seven.dueDay(at: ISO8601DateFormatter().date(from: "2026-06-30T23:30:00Z")!))
    }

    func testATimeIsWrittenAsHoursAndMinutes() {
        XCTAssertEqual(DailyTime(clock: "6:45"), DailyTime(hour: 6, minute: 45))
        XCTAssertEqual(DailyTime(clock: "23:59")?.description, "23:59")
        for wrong in ["24:00", "7", "07:60", "seven", "", "07:00:00"] { XCTAssertNil(DailyTime(clock: wrong), wrong) }
    }
}
