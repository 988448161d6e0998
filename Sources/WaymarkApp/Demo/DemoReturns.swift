import Foundation
import WaymarkDomain

/// The demo returns' story: who reviews and pays, where the demo's present is, and the few
/// returns that did not go the usual way.
enum DemoReturns {
    static let commissioner = "Amara Okafor <amara.okafor@wmvrp.example>"
    static let finance = "gareth.pryce@wmvrp.example"

    /// The story's present was the end of July 2024: June's return was in, July's not yet due.
    /// Its contracts file no later month: ST-WLV-2023-01's July 2024 return is left unfiled for
    /// the returns import template, whose example row is that contract's July. The contracts
    /// carried on after it file to the seeding day.
    static let lastFiledMonth = CalendarMonth(year: 2024, month: 6)!
    static let present = Day(2024, 7, 31)
    static let storyContracts = Set(DemoWestMidlands.contracts.map(\.reference) + [DemoCommissioning.contractReference])

    enum Exception { case late, queried, awaitingReview }

    /// Kestrel filed January 2022 late; Birmingham's February 2023 return was queried over a
    /// slipped digit and resubmitted; the last two months of ST-WLV-2023-01 awaited review at
    /// the story's present (and were approved a few days after it).
    static func exception(_ reference: String, _ month: CalendarMonth) -> Exception? {
        switch (reference, month.description) {
        case ("ST-WSL-2021-01", "2022-01"): .late
        case ("ST-BHM-2022-01", "2023-02"): .queried
        case (DemoCommissioning.contractReference, "2024-05"), (DemoCommissioning.contractReference, "2024-06"): .awaitingReview
        default: nil
        }
    }

    static let lateApology = "This return is late: the colleague who files it was off sick and our cover arrangement failed. A second colleague can now file returns."

    static let queriedRoute = "BHM-03"

    /// The first version of the queried return, with young people engaged on BHM-03 typed with
    /// an extra digit, and the commissioner's comment on that line.
    static func queriedVersion(of content: ReturnContent, codes: [UUID: String]) -> (content: ReturnContent, comments: [UUID: String], correction: String)? {
        guard let index = content.lines.firstIndex(where: { codes[$0.routeID] == queriedRoute }) else { return nil }
        var slipped = content
        let right = content.lines[index][.youngPeopleEngaged]
        let wrong = right * 10
        slipped.lines[index][.youngPeopleEngaged] = wrong
        let comment = "Young people engaged is \(wrong), about ten times this route's usual figure. Please check it and resubmit."
        let correction = "Corrected after the query: \(queriedRoute) engaged \(right) young people, not \(wrong); a typing slip."
        return (slipped, [content.lines[index].routeID: comment], correction)
    }

    static let channels: [ReturnChannel] = [.form, .form, .xlsx, .csv]

    /// The working day `count` working days after `day`.
    static func workingDays(_ count: Int, after day: Day, _ deadlines: ReturnDeadlines) -> Day {
        var current = day
        var counted = 0
        while counted < count {
            current = current.next
            if deadlines.isWorkingDay(current) { counted += 1 }
        }
        return current
    }

    static func instant(_ day: Day, hour: Int, minute: Int) -> Date {
        LondonWallTime(day: day, hour: hour, minute: minute)?.instant ?? Date(timeIntervalSince1970: 0)
    }

    /// Noon in London on an ISO day.
    static func noon(_ iso: String) -> Date {
        Day(iso: iso).map { instant($0, hour: 12, minute: 0) } ?? Date(timeIntervalSince1970: 0)
    }
}
