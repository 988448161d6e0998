import Fluent
import Foundation
import WaymarkDomain

/// Writing a source's record, shared by the source form, the imports and pledges: every
/// new source starts with its first status change recorded, and every correction sets the
/// same fields. Status is not among them: it changes only through `FundingStatusChanging`.
extension FundingSourceRecord {
    /// Creates the record (with the domain source's id) and its first status change, which took
    /// effect on `effective` (nil: the day it is recorded).
    static func insert(_ source: FundingSource, funderID: UUID, conditions: String, documents: String,
                       in context: TenantContext, at date: Date = AppClock.shared.now(), effective: Day? = nil) async throws -> FundingSourceRecord {
        let record = FundingSourceRecord(
            tenantID: context.tenantID, funderOrganisationID: funderID, programme: source.programmeName, kind: source.kind,
            amount: source.amount, period: source.period, status: source.status, restrictions: source.restrictions,
            renewable: source.renewable, reference: source.reference, conditions: conditions, documents: documents)
        record.id = source.id
        try await record.create(on: context.db)
        try await FundingStatusChange(tenantID: context.tenantID, sourceID: source.id, from: nil, to: source.status,
                                      by: context.actor.label, at: date, effective: effective).create(on: context.db)
        return record
    }

    /// Sets everything but status and version from a corrected source.
    func assign(_ source: FundingSource, funderID: UUID, conditions: String, documents: String) {
        funderOrganisationID = funderID
        programme = source.programmeName
        kind = source.kind.rawValue
        amountPence = source.amount.pence
        startDay = source.period.start.iso
        endDay = source.period.end.iso
        restrictedAuthorityIDsJSON = RouteJSON.encode(source.restrictions.localAuthorityIDs.sorted { $0.uuidString < $1.uuidString })
        restrictedRouteIDsJSON = RouteJSON.encode(source.restrictions.routeIDs.sorted { $0.uuidString < $1.uuidString })
        renewable = source.renewable
        reference = source.reference
        self.conditions = conditions
        self.documents = documents
    }
}
