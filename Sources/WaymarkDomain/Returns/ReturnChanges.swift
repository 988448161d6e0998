import Foundation

/// What changed from one version of a return to the next, figure by figure, so that the
/// versions can be read side by side with the changes marked.
public struct ReturnChange: Hashable, Sendable {
    public enum Item: Hashable, Sendable {
        case chaperoneHours
        case count(ReturnCount)
        case addedLine
        case removedLine
        case narrative
        case caseStudy
    }

    /// The route whose line changed; nil for the narrative and case study.
    public let routeID: UUID?
    public let item: Item
    public let before: String
    public let after: String
}

public enum ReturnChanges {
    public static func between(_ old: ReturnContent, _ new: ReturnContent) -> [ReturnChange] {
        var changes: [ReturnChange] = []
        let oldLines = Dictionary(old.lines.map { ($0.routeID, $0) }, uniquingKeysWith: { first, _ in first })
        let newLines = Dictionary(new.lines.map { ($0.routeID, $0) }, uniquingKeysWith: { first, _ in first })
        for line in new.lines {
            guard let before = oldLines[line.routeID] else {
                changes.append(ReturnChange(routeID: line.routeID, item: .addedLine, before: "", after: "added"))
                continue
            }
            if before.chaperoneHours != line.chaperoneHours {
                changes.append(ReturnChange(routeID: line.routeID, item: .chaperoneHours,
                                            before: ReturnRules.format(before.chaperoneHours), after: ReturnRules.format(line.chaperoneHours)))
            }
            for count in ReturnCount.allCases where before[count] != line[count] {
                changes.append(ReturnChange(routeID: line.routeID, item: .count(count), before: String(before[count]), after: String(line[count])))
            }
        }
        for line in old.lines where newLines[line.routeID] == nil {
            changes.append(ReturnChange(routeID: line.routeID, item: .removedLine, before: "present", after: "removed"))
        }
        if old.narrative != new.narrative {
            changes.append(ReturnChange(routeID: nil, item: .narrative, before: old.narrative, after: new.narrative))
        }
        if (old.caseStudy ?? "") != (new.caseStudy ?? "") {
            changes.append(ReturnChange(routeID: nil, item: .caseStudy, before: old.caseStudy ?? "", after: new.caseStudy ?? ""))
        }
        return changes
    }
}
