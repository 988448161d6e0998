import Foundation
import XCTest
import WaymarkDomain

final class SpecificationTimelineTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    func at(_ days: Double) -> Date { start.addingTimeInterval(days * 86_400) }

    func testEachStatusFromTheMomentItWasReached() {
        let timeline = SpecificationTimeline(created: at(0), published: at(5), closesAt: at(30), evaluationBegan: at(32), awarded: at(50))
        XCTAssertNil(timeline.status(at: at(-1)), "not yet written")
        XCTAssertEqual(timeline.status(at: at(1)), .draft)
        XCTAssertEqual(timeline.status(at: at(5)), .published)
        XCTAssertEqual(timeline.status(at: at(29.9)), .published)
        XCTAssertEqual(timeline.status(at: at(30)), .closed, "closed at the deadline though nobody recorded it")
        XCTAssertEqual(timeline.status(at: at(33)), .inEvaluation)
        XCTAssertEqual(timeline.status(at: at(50)), .awarded)
        XCTAssertEqual(timeline.status(at: at(5_000)), .awarded)
    }

    func testACancelledDraftAndAnUnrecordedEvaluation() {
        let cancelled = SpecificationTimeline(created: at(0), closesAt: at(30), cancelled: at(3))
        XCTAssertEqual(cancelled.status(at: at(2)), .draft)
        XCTAssertEqual(cancelled.status(at: at(3)), .cancelled)
        XCTAssertEqual(cancelled.status(at: at(40)), .cancelled, "never published, never closed")
        let awardedBefore = SpecificationTimeline(created: at(0), published: at(1), closesAt: at(30), awarded: at(60))
        XCTAssertEqual(awardedBefore.status(at: at(45)), .closed, "an unrecorded evaluation reads as not begun")
    }

    /// Whatever the instants, a later moment never shows an earlier status.
    func testStatusNeverGoesBackwards() {
        var random = SeededRandom(seed: 15)
        let order: [SpecificationStatus] = [.draft, .published, .closed, .inEvaluation, .awarded]
        for _ in 0..<500 {
            var marks = (0..<4).map { _ in Double(random.next() % 100) }.sorted()
            marks = marks.map { $0 + 1 }
            let timeline = SpecificationTimeline(created: at(0), published: at(marks[0]), closesAt: at(marks[1]),
                                                 evaluationBegan: random.next() % 2 == 0 ? at(marks[2]) : nil, awarded: at(marks[3]))
            var previous = -1
            for day in stride(from: 0.0, through: 110, by: 0.5) {
                guard let status = timeline.status(at: at(day)), let rank = order.firstIndex(of: status) else { return XCTFail("no status") }
                XCTAssertGreaterThanOrEqual(rank, previous)
                previous = rank
            }
        }
    }
}
