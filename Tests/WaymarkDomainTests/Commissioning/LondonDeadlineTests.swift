import Foundation
import Testing
@testable import WaymarkDomain

/// Deadlines are typed on a London clock and compared as UTC instants. 2024's clock changes:
/// 01:00 UTC on 31 March (GMT → BST) and 01:00 UTC on 27 October (BST → GMT).
@Suite("Commissioning: the deadline in Europe/London time")
struct LondonDeadlineTests {
    @Test("London wall times become UTC instants", arguments: [
        // Winter (GMT = UTC) and summer (BST = UTC+1).
        ("2024-03-29", 12, 0, "2024-03-29T12:00:00Z"),
        ("2024-07-12", 12, 0, "2024-07-12T11:00:00Z"),
        ("2024-12-31", 23, 59, "2024-12-31T23:59:00Z"),
        ("2024-06-01", 0, 0, "2024-05-31T23:00:00Z"),
        // Spring forward, 31 Mar 2024: before, inside and after the missing hour.
        ("2024-03-31", 0, 59, "2024-03-31T00:59:00Z"),
        ("2024-03-31", 1, 0, "2024-03-31T01:00:00Z"),
        ("2024-03-31", 1, 30, "2024-03-31T01:00:00Z"),
        ("2024-03-31", 1, 59, "2024-03-31T01:00:00Z"),
        ("2024-03-31", 2, 0, "2024-03-31T01:00:00Z"),
        ("2024-03-31", 2, 30, "2024-03-31T01:30:00Z"),
        ("2024-03-31", 12, 0, "2024-03-31T11:00:00Z"),
        // Fall back, 27 Oct 2024: the repeated hour takes its first (BST) occurrence.
        ("2024-10-27", 0, 30, "2024-10-26T23:30:00Z"),
        ("2024-10-27", 1, 0, "2024-10-27T00:00:00Z"),
        ("2024-10-27", 1, 30, "2024-10-27T00:30:00Z"),
        ("2024-10-27", 1, 59, "2024-10-27T00:59:00Z"),
        ("2024-10-27", 2, 0, "2024-10-27T02:00:00Z"),
        ("2024-10-27", 12, 0, "2024-10-27T12:00:00Z"),
    ])
    func converts(date: String, hour: Int, minute: Int, utc: String) {
        #expect(london(date, hour, minute).instant == instant(utc))
    }

    @Test("A second before the deadline the window is open; at it and a second after, shut", arguments: [
        ("2024-03-29", 12, 0),  // winter, GMT
        ("2024-07-12", 12, 0),  // summer, BST
        ("2024-03-31", 12, 0),  // the day the clocks go forward
        ("2024-03-31", 1, 30),  // inside the missing hour: closes at 02:00 BST
        ("2024-10-27", 12, 0),  // the day the clocks go back
        ("2024-10-27", 1, 30),  // inside the repeated hour: closes at the first 01:30
    ])
    func secondEitherSide(date: String, hour: Int, minute: Int) {
        let window = BidWindow(closing: london(date, hour, minute))
        #expect(window.isOpen(at: window.closesAt.addingTimeInterval(-1)))
        #expect(!window.isOpen(at: window.closesAt))
        #expect(!window.isOpen(at: window.closesAt.addingTimeInterval(1)))
        #expect(window.hasClosed(at: window.closesAt.addingTimeInterval(1)))
    }

    @Test("Across the clock change: noon London on each side is an hour apart in UTC")
    func acrossTheChange() {
        let saturday = BidWindow(closing: london("2024-03-30", 12, 0))
        let sunday = BidWindow(closing: london("2024-03-31", 12, 0))
        #expect(sunday.closesAt.timeIntervalSince(saturday.closesAt) == 23 * 3_600)
        // 11:30 UTC on Sunday is 12:30 BST: after a Sunday noon deadline, though 11:30 "looks" earlier.
        #expect(!sunday.isOpen(at: instant("2024-03-31T11:30:00Z")))
        #expect(sunday.isOpen(at: instant("2024-03-31T10:59:59Z")))
        let autumn = BidWindow(closing: london("2024-10-27", 12, 0))
        #expect(autumn.isOpen(at: instant("2024-10-27T11:59:59Z")))
        #expect(!autumn.isOpen(at: instant("2024-10-27T12:00:00Z")))
    }

    @Test("Instants read back as London wall times, and show in words")
    func readBack() {
        #expect(LondonWallTime(instant("2024-07-12T11:00:00Z")) == london("2024-07-12", 12, 0))
        #expect(LondonWallTime(instant("2024-10-27T00:30:00Z")) == london("2024-10-27", 1, 30))
        #expect(LondonWallTime(instant("2024-10-27T01:30:00Z")) == london("2024-10-27", 1, 30))
        #expect(LondonWallTime(instant("2024-03-31T01:00:00Z")) == london("2024-03-31", 2, 0))
        #expect(london("2024-03-29", 9, 5).display == "09:05 on 29 Mar 2024")
        #expect(london("2024-03-29", 12, 0).longDisplay == "12:00 on 29 March 2024")
        #expect(instant("2024-07-12T11:00:00Z").londonDisplay == "12:00 on 12 Jul 2024")
        #expect(BidWindow(closesAt: Demo.closesAt).closingDisplay == "12:00 on 29 Mar 2024")
    }

    @Test("Property: every wall time that exists reads back unchanged, and later wall times are never earlier instants")
    func roundTrip() {
        var random = SeededGenerator(seed: 2_024)
        var previous: (LondonWallTime, Date)? = nil
        for _ in 0..<3_000 {
            let date = Day(2023, 1, 1).adding(days: Int.random(in: 0..<(365 * 3), using: &random))
            guard let time = LondonWallTime(day: date, hour: Int.random(in: 0...23, using: &random),
                                            minute: Int.random(in: 0...59, using: &random)) else { continue }
            // The missing hours of 2023–2025: 01:00–01:59 on the last Sunday of March.
            let springSundays = [day("2023-03-26"), day("2024-03-31"), day("2025-03-30")]
            let inGap = springSundays.contains(date) && time.hour == 1
            if inGap {
                #expect(LondonWallTime(time.instant) == LondonWallTime(day: date, hour: 2, minute: 0))
            } else {
                #expect(LondonWallTime(time.instant) == time)
            }
            if let (earlier, at) = previous, earlier < time { #expect(at <= time.instant) }
            if let (later, at) = previous, time < later { #expect(time.instant <= at) }
            previous = (time, time.instant)
        }
    }

    @Test("Typed times: 24-hour hh:mm only")
    func parsing() {
        #expect(LondonWallTime(day: day("2024-03-29"), clock: "12:00") == london("2024-03-29", 12, 0))
        #expect(LondonWallTime(day: day("2024-03-29"), clock: "9:30") == london("2024-03-29", 9, 30))
        for bad in ["", "12", "12:5", "24:00", "12:60", "noon", "12:00pm", "-1:00", "12:00:00", " 12:00"] {
            #expect(LondonWallTime(day: day("2024-03-29"), clock: bad) == nil, "accepted \(bad)")
        }
        #expect(LondonWallTime(day: day("2024-03-29"), hour: 23, minute: 59) != nil)
        #expect(LondonWallTime(day: day("2024-03-29"), hour: 24, minute: 0) == nil)
    }

    @Test("Stored as what was typed; a bad time is refused on decoding")
    func codable() throws {
        let data = try JSONEncoder().encode(london("2024-03-29", 12, 0))
        #expect(try JSONDecoder().decode(LondonWallTime.self, from: data) == london("2024-03-29", 12, 0))
        let bad = Data(#"{"day":"2024-03-29","time":"25:00"}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LondonWallTime.self, from: bad) }
    }
}
