/// A funding source's status history as people give it: the day it became pledged, confirmed,
/// received or withdrawn (DESIGN.md, "Time: as of"). The same rule serves the source form,
/// the status form and the import, so history entered any way reads the same on past days.
public enum StatusHistory {
    /// One step: the source took `status` on `day`.
    public struct Step: Hashable, Sendable {
        public let status: FundingSource.Status
        public let day: Day

        public init(_ status: FundingSource.Status, on day: Day) {
            self.status = status
            self.day = day
        }
    }

    public struct Problem: Hashable, Sendable {
        /// The status whose day is wrong; nil when the problem is the current status itself.
        public let status: FundingSource.Status?
        public let message: String
    }

    /// Every problem found, together.
    public struct Problems: Error, Hashable, Sendable {
        public let all: [Problem]
    }

    /// The steps to add to a source whose history so far is `known` (oldest first; empty for a
    /// new source), from days given for some statuses (`dated`) and the status it should end
    /// in (`current`, nil to end at the last dated one). A status given without a day took
    /// effect `today`. Every problem at once: a day in the future, steps out of order or moving
    /// backwards (a status only moves forward, withdrawn ends it), a day that contradicts the
    /// history already known (history is added to, not rewritten).
    public static func steps(known: [Step], dated: [FundingSource.Status: Day], current: FundingSource.Status?,
                             today: Day) -> Result<[Step], Problems> {
        var problems: [Problem] = []
        for (status, day) in dated where day > today {
            problems.append(.init(status: status, message: "\(status.displayName) on \(day.display) is in the future: give the day it happened, today at the latest"))
        }
        var new: [Step] = []
        let knownByStatus = Dictionary(known.map { ($0.status, $0.day) }, uniquingKeysWith: { first, _ in first })
        for status in FundingSource.Status.allCases {
            guard let day = dated[status] else { continue }
            if let recorded = knownByStatus[status] {
                if recorded != day {
                    problems.append(.init(status: status, message:
                        "It was recorded as \(status.displayName.lowercased()) on \(recorded.display), not \(day.display): history is added to, not rewritten"))
                }
                continue
            }
            new.append(Step(status, on: day))
        }
        // The status it ends in: the last dated step, or one given without a day (taking
        // effect today) after it.
        if let current, let last = new.last ?? known.last, last.status != current {
            if dated[current] != nil || knownByStatus[current] != nil {
                problems.append(.init(status: nil, message:
                    "The status says \(current.displayName.lowercased()), but it became \(last.status.displayName.lowercased()) on \(last.day.display): a status only moves forward, so give the status it is in now"))
            } else {
                new.append(Step(current, on: today))
            }
        } else if let current, known.isEmpty, new.isEmpty {
            new.append(Step(current, on: today))
        }
        var previous = known.last
        for step in new {
            if let before = previous {
                if !before.status.canMove(to: step.status) {
                    problems.append(.init(status: step.status, message:
                        "A source that is \(before.status.displayName.lowercased()) cannot become \(step.status.displayName.lowercased()): a status only moves forward"))
                } else if step.day < before.day {
                    problems.append(.init(status: step.status, message:
                        "\(step.status.displayName) on \(step.day.display) is before \(before.status.displayName.lowercased()) on \(before.day.display)"))
                }
            } else if step.status == .withdrawn {
                problems.append(.init(status: .withdrawn, message: "A new source cannot start withdrawn"))
            }
            previous = step
        }
        if known.isEmpty && new.isEmpty {
            problems.append(.init(status: nil, message: "Give its status, or the day it became pledged, confirmed or received"))
        }
        return problems.isEmpty ? .success(new) : .failure(Problems(all: problems))
    }
}
