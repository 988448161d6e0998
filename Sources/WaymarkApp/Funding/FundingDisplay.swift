import WaymarkDomain

/// How coverage statuses look on every page: one tag colour per status.
enum FundingDisplay {
    static func tag(_ status: RouteStatus) -> String {
        switch status {
        case .unfunded: "wm-tag--unfunded"
        case .atRisk: "wm-tag--at-risk"
        case .watch: "wm-tag--watch"
        case .secure: "wm-tag--secure"
        }
    }

    /// Sorting by funding puts the routes to act on first; routes that are not active last.
    static func urgency(_ raw: String) -> Int {
        RouteStatus(rawValue: raw).flatMap { RouteStatus.allCases.firstIndex(of: $0) } ?? RouteStatus.allCases.count
    }

    /// How firm a source's money is, as a tag; nil: Waymark did not know the source yet.
    static func tag(_ status: FundingSource.Status?) -> String {
        switch status {
        case .confirmed, .received: "wm-tag--secure"
        case .pledged: "wm-tag--watch"
        case .prospective: "wm-tag--proposed"
        case .withdrawn: "wm-tag--unfunded"
        case nil: "wm-tag--grey"
        }
    }
}
