import Fluent
import Foundation
import WaymarkDomain

final class FundingSourceRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "funding_sources"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "funder_organisation_id") var funderOrganisationID: UUID
    @Field(key: "programme") var programme: String
    @Field(key: "kind") var kind: String
    @Field(key: "amount_pence") var amountPence: Int64
    @Field(key: "start_day") var startDay: String
    @Field(key: "end_day") var endDay: String
    @Field(key: "status") var status: String
    @Field(key: "restricted_authority_ids") var restrictedAuthorityIDsJSON: String
    @Field(key: "restricted_route_ids") var restrictedRouteIDsJSON: String
    @Field(key: "renewable") var renewable: Bool
    @Field(key: "reference") var reference: String
    @Field(key: "conditions") var conditions: String
    @Field(key: "documents") var documents: String
    @Field(key: "version") var version: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(tenantID: UUID, funderOrganisationID: UUID, programme: String, kind: FundingSource.Kind, amount: Money,
         period: DayRange, status: FundingSource.Status, restrictions: FundingSource.Restrictions = .none,
         renewable: Bool = false, reference: String = "", conditions: String = "", documents: String = "") {
        self.tenantID = tenantID
        self.funderOrganisationID = funderOrganisationID
        self.programme = programme
        self.kind = kind.rawValue
        self.amountPence = amount.pence
        self.startDay = period.start.iso
        self.endDay = period.end.iso
        self.status = status.rawValue
        self.restrictedAuthorityIDsJSON = RouteJSON.encode(restrictions.localAuthorityIDs.sorted { $0.uuidString < $1.uuidString })
        self.restrictedRouteIDsJSON = RouteJSON.encode(restrictions.routeIDs.sorted { $0.uuidString < $1.uuidString })
        self.renewable = renewable
        self.reference = reference
        self.conditions = conditions
        self.documents = documents
        self.version = 1
    }

    var sourceStatus: FundingSource.Status { FundingSource.Status(rawValue: status) ?? .prospective }
    var sourceKind: FundingSource.Kind { FundingSource.Kind(rawValue: kind) ?? .other }
    var amount: Money { Money(pence: amountPence) }

    /// Stored days are always ISO written by Waymark; a damaged row reads as one day.
    var period: DayRange {
        let start = Day(iso: startDay) ?? Day(2000, 1, 1)
        return DayRange(start: start, end: Day(iso: endDay) ?? start) ?? DayRange(single: start)
    }

    var restrictions: FundingSource.Restrictions {
        func ids(_ json: String) -> Set<UUID> { Set((try? JSONDecoder().decode([UUID].self, from: Data(json.utf8))) ?? []) }
        return .init(localAuthorityIDs: ids(restrictedAuthorityIDsJSON), routeIDs: ids(restrictedRouteIDsJSON))
    }

    /// The domain's view, named with its funder's name.
    func domain(funderName: String) -> FundingSource {
        FundingSource(id: id!, funderName: funderName, programmeName: programme, kind: sourceKind, amount: amount,
                      period: period, status: sourceStatus, restrictions: restrictions, renewable: renewable, reference: reference)
    }
}

/// Who moved a source from one status to another, and when.
final class FundingStatusChange: Model, TenantOwned, @unchecked Sendable {
    static let schema = "funding_status_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "source_id") var sourceID: UUID
    @OptionalField(key: "from_status") var fromStatus: String?
    @Field(key: "to_status") var toStatus: String
    @Field(key: "changed_by") var changedBy: String
    /// When Waymark was told.
    @Field(key: "changed_at") var changedAt: Date
    /// The day the change took effect in the world; nil for rows stored before effective days.
    @OptionalField(key: "effective_day") var effectiveDayText: String?

    init() {}

    /// `effective`: the day it took effect; nil means the day it is recorded (`at`).
    init(tenantID: UUID, sourceID: UUID, from: FundingSource.Status?, to: FundingSource.Status, by: String, at: Date,
         effective: Day? = nil) {
        self.tenantID = tenantID
        self.sourceID = sourceID
        self.fromStatus = from?.rawValue
        self.toStatus = to.rawValue
        self.changedBy = by
        self.changedAt = at
        self.effectiveDayText = (effective ?? Day(at, in: London.timeZone)).iso
    }

    var effectiveDay: Day { effectiveDayText.flatMap(Day.init(iso:)) ?? Day(changedAt, in: London.timeZone) }

    var datedStatus: DatedChange<FundingSource.Status>? {
        FundingSource.Status(rawValue: toStatus).map { DatedChange(effective: effectiveDay, recorded: changedAt, value: $0) }
    }
}

final class AllocationRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "allocations"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "source_id") var sourceID: UUID
    @Field(key: "route_id") var routeID: UUID
    @Field(key: "amount_pence") var amountPence: Int64
    @Field(key: "start_day") var startDay: String
    @Field(key: "end_day") var endDay: String
    /// When Waymark was told.
    @Field(key: "entered_at") var enteredAt: Date
    /// The day it was agreed; nil for rows stored before effective days.
    @OptionalField(key: "agreed_on") var agreedOnText: String?
    @Field(key: "version") var version: Int

    init() {}

    /// `agreedOn`: the day it was agreed; nil means the day it is entered.
    init(tenantID: UUID, sourceID: UUID, routeID: UUID, amount: Money, period: DayRange, enteredAt: Date, agreedOn: Day? = nil) {
        self.tenantID = tenantID
        self.sourceID = sourceID
        self.routeID = routeID
        self.amountPence = amount.pence
        self.startDay = period.start.iso
        self.endDay = period.end.iso
        self.enteredAt = enteredAt
        self.agreedOnText = (agreedOn ?? Day(enteredAt, in: London.timeZone)).iso
        self.version = 1
    }

    var agreedOn: Day { agreedOnText.flatMap(Day.init(iso:)) ?? Day(enteredAt, in: London.timeZone) }

    var domain: Allocation {
        CoverageRecords.allocation(id: id!, sourceID: sourceID, routeID: routeID, amountPence: amountPence, startDay: startDay,
                                   endDay: endDay, enteredAt: enteredAt, agreedOn: agreedOnText)
    }
}
