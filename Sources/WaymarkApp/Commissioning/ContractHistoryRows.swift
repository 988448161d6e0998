import Foundation
import WaymarkDomain

/// One version of a contract in its history: what changed, why, from when, on whose authority.
struct ContractHistoryRow: Encodable, Sendable {
    let number: Int
    /// "Original", "Extension", "Value change"…
    let kind: String
    let change: String
    let reason: String
    let effective: String
    let effectiveISO: String
    let approvedBy: String
    let approvedAt: String
    let approvedAtISO: String
    let value: String
    let end: String

    /// Every version, oldest first (`Contract.versions`: variations never overwrite each other).
    static func rows(_ loaded: ContractQueries.Loaded, names: ContractNames) -> [ContractHistoryRow] {
        var previous: ContractTerms?
        return loaded.contract.versions.map { version in
            defer { previous = version.terms }
            let variation = version.variation
            return ContractHistoryRow(
                number: version.number, kind: variation?.change.displayName ?? "Original",
                change: describe(version, previous: previous, names: names),
                reason: variation?.reason ?? originalReason(loaded.record),
                effective: version.effective.display, effectiveISO: version.effective.iso,
                approvedBy: variation.map { names.person($0.approvedBy) } ?? ContractNames.name(ofActor: loaded.record.createdBy),
                approvedAt: London.format(variation?.approvedAt ?? loaded.record.createdAt),
                approvedAtISO: ISO8601DateFormatter().string(from: variation?.approvedAt ?? loaded.record.createdAt),
                value: version.terms.value.display, end: version.terms.end.display)
        }
    }

    /// Why the first version exists: an award made in Waymark, or a contract let before or
    /// outside it and recorded here, which must not read as if Waymark had awarded it.
    static func originalReason(_ record: ContractRecord) -> String {
        guard let letting = record.letting, letting != .awardedInWaymark else { return "Made from the award" }
        return "Recorded as an existing contract (\(letting.label))"
    }

    /// What a version changed, in words.
    static func describe(_ version: ContractVersion, previous: ContractTerms?, names: ContractNames) -> String {
        let terms = version.terms
        guard let variation = version.variation, let previous else {
            let routes = terms.routes.map { "\(names.route($0.routeID)) \($0.value.display)" }.joined(separator: ", ")
            return "\(terms.start.display) to \(terms.end.display), \(terms.value.display): \(routes)"
        }
        switch variation.change {
        case .extend(let newEnd):
            return "End moved from \(previous.end.display) to \(newEnd.display)"
        case .changeValues(let values):
            return values.keys.sorted { names.route($0) < names.route($1) }.map { id in
                "\(names.route(id)) from \(previous.route(id)?.value.display ?? "—") to \(values[id]!.display)"
            }.joined(separator: "; ") + " (contract value \(previous.value.display) to \(terms.value.display))"
        case .addRoute(let id, let value):
            return "\(names.route(id)) added from \(variation.effective.display), worth \(value.display)"
        case .removeRoute(let id):
            return "\(names.route(id)) removed: its last day of service is \(variation.effective.previous.display)"
        case .terminate:
            return "Terminated: the last day of service is \(terms.end.display) instead of \(previous.end.display)"
        }
    }
}
