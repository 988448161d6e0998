import Fluent
import Foundation
import WaymarkDomain

/// A pledge as lists, downloads and the API show it.
struct PledgeRow: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        let routeCode: String
        let routeName: String
        let amount: String
        let amountDecimal: String
        let amountPence: Int64
    }
    let id: String
    let href: String
    let organisation: String
    let programme: String
    let amount: String
    let amountDecimal: String
    let amountPence: Int64
    let period: String
    let startDay: String
    let endDay: String
    let state: String
    let stateLabel: String
    let stateTag: String
    let pledgedBy: String
    let pledgedOn: String
    let pledgedAtISO: String
    let decidedBy: String
    let decidedOn: String
    let decisionReason: String
    let note: String
    let sourceID: String
    let lines: [Line]
    let awaitingDecision: Bool
}

enum PledgeQueries {
    /// Pledges the person may see: a partner only their own organisations'; everyone else
    /// allowed to view funding, all of them. Awaiting a decision first, then newest first.
    static func rows(_ context: TenantContext) async throws -> [PledgeRow] {
        var query = context.query(Pledge.self)
        if let funders = FundingQueries.funderScope(context) { query = query.filter(\.$organisationID ~~ Array(funders)) }
        let pledges = try await query.all()
        return try await rows(pledges, context).sorted {
            ($0.awaitingDecision ? 0 : 1, $1.pledgedAtISO) < ($1.awaitingDecision ? 0 : 1, $0.pledgedAtISO)
        }
    }

    static func find(_ context: TenantContext, id raw: String?) async throws -> Pledge {
        guard let raw, let id = UUID(uuidString: raw), let pledge = try await context.find(Pledge.self, id) else { throw WaymarkError.notFound }
        if let funders = FundingQueries.funderScope(context), !funders.contains(pledge.organisationID) { throw WaymarkError.notFound }
        return pledge
    }

    static func rows(_ pledges: [Pledge], _ context: TenantContext) async throws -> [PledgeRow] {
        guard !pledges.isEmpty else { return [] }
        let sourceIDs = pledges.map(\.sourceID)
        let sources = Dictionary(uniqueKeysWithValues: try await context.query(FundingSourceRecord.self)
            .filter(\.$id ~~ sourceIDs).all().map { ($0.id!, $0) })
        let allocations = Dictionary(grouping: try await context.query(AllocationRecord.self).filter(\.$sourceID ~~ sourceIDs).all(),
                                     by: \.sourceID)
        let routes = Dictionary(uniqueKeysWithValues: try await context.query(Route.self).all().map { ($0.id!, $0) })
        let names = try await FundingQueries.funderNames(context)
        let slug = context.tenant.slug
        let timestamp = ISO8601DateFormatter()
        return pledges.compactMap { pledge in
            guard let source = sources[pledge.sourceID] else { return nil }
            let lines = (allocations[pledge.sourceID] ?? []).compactMap { allocation -> PledgeRow.Line? in
                guard let route = routes[allocation.routeID] else { return nil }
                let amount = Money(pence: allocation.amountPence)
                return .init(routeCode: route.code, routeName: route.name, amount: amount.display, amountDecimal: amount.decimalString,
                             amountPence: amount.pence)
            }.sorted { $0.routeCode < $1.routeCode }
            let state = pledge.pledgeState
            return PledgeRow(
                id: pledge.id!.uuidString, href: SiteMap.Tenant.pledge.path(slug, pledge.id!.uuidString),
                organisation: names[pledge.organisationID] ?? "", programme: source.programme,
                amount: source.amount.display, amountDecimal: source.amount.decimalString, amountPence: source.amount.pence,
                period: source.period.display,
                startDay: source.startDay, endDay: source.endDay, state: state.rawValue, stateLabel: state.label, stateTag: state.tag,
                pledgedBy: pledge.pledgedBy, pledgedOn: Day(pledge.pledgedAt, in: London.timeZone).display,
                pledgedAtISO: timestamp.string(from: pledge.pledgedAt),
                decidedBy: pledge.decidedBy ?? "", decidedOn: pledge.decidedAt.map { Day($0, in: London.timeZone).display } ?? "",
                decisionReason: pledge.decisionReason, note: pledge.note, sourceID: source.id!.uuidString, lines: lines,
                awaitingDecision: state == .awaitingDecision)
        }
    }
}
