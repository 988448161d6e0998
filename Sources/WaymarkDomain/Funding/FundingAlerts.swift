import Foundation

/// Something about the tenant's funding worth telling people about once.
public enum FundingAlertEvent: Hashable, Sendable {
    /// A route's status differs from the last one people were told about (nil: never told).
    case statusChanged(routeID: UUID, from: RouteStatus?, to: RouteStatus)
    /// A grant's period ends within `bandDays` days (its narrowest band).
    case grantEnding(sourceID: UUID, end: Day, bandDays: Int)

    /// A stable name for the event, for logs and for never sending the same alert twice.
    ///
    /// Grant keys name the source, its end day and the band — "grant-ending:<id>:2022-10-31:90"
    /// — so moving the end day (an extension) makes them news again. Status keys name the
    /// route and both statuses but no date: repeats of a status change are prevented by the
    /// caller storing the last status it alerted on per route, not by the key, because a route
    /// may legitimately go watch → at risk → watch → at risk. Ids are lowercase.
    public var key: String {
        switch self {
        case let .statusChanged(routeID, from, to):
            "status:\(routeID.uuidString.lowercased()):\(from?.rawValue ?? "none"):\(to.rawValue)"
        case let .grantEnding(sourceID, end, bandDays):
            FundingAlertEvent.grantKey(sourceID: sourceID, end: end, bandDays: bandDays)
        }
    }

    static func grantKey(sourceID: UUID, end: Day, bandDays: Int) -> String {
        "grant-ending:\(sourceID.uuidString.lowercased()):\(end.iso):\(bandDays)"
    }
}

/// The alerts to send, and the keys to store once they are sent.
public struct FundingAlertDetection: Hashable, Sendable {
    /// Status changes first (most urgent new status first, then by route id), then grants
    /// (narrowest band first, then by end day, then by source id).
    public let events: [FundingAlertEvent]
    /// Keys of the grant alerts in `events`, plus the keys of the wider bands of each: they
    /// count as sent, so a grant first seen 20 days from its end is not announced again as
    /// "within 90 days" tomorrow, nor ever for an older, wider band.
    public let keysToRecord: Set<String>
}

/// Deciding which funding alerts to send, with no side effects: the caller keeps the state
/// (last alerted status per route, keys already sent) and sends.
public enum FundingAlerts {
    /// - Parameters:
    ///   - previous: the status each route was last alerted on (or recorded at).
    ///   - current: each route's status now.
    ///   - endingGrants: grants in a band now, e.g. `FundingDashboard.endingGrantAlerts`.
    ///   - alreadySent: keys stored from earlier runs.
    ///   - bandLimits: the bands the grants were put in (the dashboard's).
    ///
    /// A route alerts when its status differs from `previous`. A route with no previous
    /// status alerts only when it is unfunded or at risk, so switching alerts on, or adding
    /// routes, does not flood people with news that routes are secure or on watch. Routes
    /// missing from `current` (closed or removed) never alert. After sending, the caller
    /// stores `current` as the new `previous` — for every route, alerted or not — and adds
    /// `keysToRecord` to the sent keys.
    public static func detect(previous: [UUID: RouteStatus], current: [UUID: RouteStatus],
                              endingGrants: [(sourceID: UUID, end: Day, bandDays: Int)],
                              alreadySent: Set<String>, bandLimits: [Int] = [30, 90, 180]) -> FundingAlertDetection {
        var statusEvents: [(routeID: UUID, from: RouteStatus?, to: RouteStatus)] = []
        for (routeID, now) in current {
            if let was = previous[routeID] {
                if was != now { statusEvents.append((routeID, was, now)) }
            } else if now == .unfunded || now == .atRisk {
                statusEvents.append((routeID, nil, now))
            }
        }
        statusEvents.sort { a, b in a.to != b.to ? a.to < b.to : a.routeID.sortsBefore(b.routeID) }

        let bands = GrantBands(bandLimits)
        var grants = endingGrants.filter {
            !alreadySent.contains(FundingAlertEvent.grantKey(sourceID: $0.sourceID, end: $0.end, bandDays: $0.bandDays))
        }
        grants.sort { a, b in
            if a.bandDays != b.bandDays { return a.bandDays < b.bandDays }
            if a.end != b.end { return a.end < b.end }
            return a.sourceID.sortsBefore(b.sourceID)
        }
        var events = statusEvents.map { FundingAlertEvent.statusChanged(routeID: $0.routeID, from: $0.from, to: $0.to) }
        var keys: Set<String> = []
        for grant in grants {
            let key = FundingAlertEvent.grantKey(sourceID: grant.sourceID, end: grant.end, bandDays: grant.bandDays)
            guard keys.insert(key).inserted else { continue }   // the same grant passed twice
            events.append(.grantEnding(sourceID: grant.sourceID, end: grant.end, bandDays: grant.bandDays))
            for wider in bands.wider(than: grant.bandDays) {
                keys.insert(FundingAlertEvent.grantKey(sourceID: grant.sourceID, end: grant.end, bandDays: wider))
            }
        }
        return FundingAlertDetection(events: events, keysToRecord: keys)
    }
}
