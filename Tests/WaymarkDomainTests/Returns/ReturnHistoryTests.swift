import Foundation
import Testing
@testable import WaymarkDomain

@Suite("Time: a return's state as of a day, from its submissions and reviews")
struct ReturnHistoryTests {
    /// Submitted 16 Nov 2023, queried 17 Nov, resubmitted 18 Nov, approved 20 Nov.
    let history = ReturnHistory(
        submissions: [.init(number: 1, at: instant("2023-11-16T10:00:00Z")), .init(number: 2, at: instant("2023-11-18T10:00:00Z"))],
        reviews: [.init(version: 1, step: .query, at: instant("2023-11-17T10:00:00Z")),
                  .init(version: 2, step: .approve, at: instant("2023-11-20T10:00:00Z"))])

    @Test("Each day reads the last step taken by then", arguments: [
        ("2023-11-15", nil, 0), ("2023-11-16", ReturnStatus.submitted, 1), ("2023-11-17", .queried, 1),
        ("2023-11-18", .submitted, 2), ("2023-11-19", .submitted, 2), ("2023-11-20", .approved, 2),
    ])
    func asOf(date: String, status: ReturnStatus?, version: Int) {
        let read = history.read(in: .asOf(day(date)))
        #expect(read.status == status)
        #expect(read.latestVersion == version)
        #expect(read.firstSubmitted == (version == 0 ? nil : instant("2023-11-16T10:00:00Z")))
    }

    @Test("A step made late in the evening counts on its London day")
    func londonDay() {
        // 23:30 UTC on 19 Nov is not yet the 20th in London in winter (GMT).
        let late = ReturnHistory(submissions: [.init(number: 1, at: instant("2023-11-19T23:30:00Z"))], reviews: [])
        #expect(late.read(in: .asOf(day("2023-11-19"))).status == .submitted)
        // In summer (BST) 23:30 UTC is the next London day.
        let summer = ReturnHistory(submissions: [.init(number: 1, at: instant("2023-06-19T23:30:00Z"))], reviews: [])
        #expect(summer.read(in: .asOf(day("2023-06-19"))).status == nil)
        #expect(summer.read(in: .asOf(day("2023-06-20"))).status == .submitted)
    }
}
