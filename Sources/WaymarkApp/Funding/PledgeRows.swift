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
    /// The decision's effective day as YYYY-MM-DD, for sorting; empty before a decision.
    let decidedOnISO: String
    let decisionReason: String
    let note: String
    let sourceID: String
    let lines: [Line]
    let awaitingDecision: Bool
}

enum PledgeQueries {
    /// Pledges the person may see: a partner only their own organisations'; everyone else
    /// allowed to view funding, all of them. Awaiting a decision first, then newest first.
    /// As of a past day, only the pledges made by then, each as it stood that day.
    static func rows(_ context: TenantContext, reading: Reading) async throws -> [PledgeRow] {
        var query = context.query(Pledge.self)
        if let funders = FundingQueries.funderScope(context) { query = query.filter(\.$organisationID ~~ Array(funders)) }
        let pledges = try await query.all()
        return try await rows(pledges, context, reading: reading).sorted {
            // The id last: one order for pledges made the same moment, so each is on one page.
            ($0.awaitingDecision ? 0 : 1, $1.pledgedAtISO, $0.id) < ($1.awaitingDecision ? 0 : 1, $0.pledgedAtISO, $1.id)
        }
    }

    static func find(_ context: TenantContext, id raw: String?) async throws -> Pledge {
        guard let raw, let id = UUID(uuidString: raw), let pledge = try await context.find(Pledge.self, id) else { throw WaymarkError.notFound }
        if let funders = FundingQueries.funderScope(context), !funders.contains(pledge.organisationID) { throw WaymarkError.notFound }
        return pledge
    }

    /// Each pledge as it stood in `reading`, read from its source's status history: pledged is
    /// awaiting a decision, confirmed or received is confirmed, withdrawn is the decline or the
    /// withdrawal the pledge records. A pledge whose source had no status yet is left out.
    static func rows(_ pledges: [Pledge], _ context: TenantContext, reading: Reading) async throws -> [PledgeRow] {
        guard !pledges.isEmpty else { return [] }
        let sourceIDs = pledges.map(\.sourceID)
        let histories = Dictionary(grouping: try await context.query(FundingStatusChange.self).filter(\.$sourceID ~~ sourceIDs).all(),
                                   by: \.sourceID)
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
            let history = (histories[pledge.sourceID] ?? []).compactMap(\.datedStatus)
            guard let stood = reading.state(of: history) else { return nil }
            let state: Pledge.State = switch stood {
            case .prospective, .pledged: .awaitingDecision
            case .confirmed, .received: .confirmed
            case .withdrawn: pledge.pledgeState == .withdrawn ? .withdrawn : .declined
            }
            let included = history.filter { reading.includes(effective: $0.effective, recorded: $0.recorded) }
                .sorted { ($0.effective, $0.recorded) < ($1.effective, $1.recorded) }
            let pledgedOn = included.first?.effective ?? Day(pledge.pledgedAt, in: London.timeZone)
            let decided = state == .awaitingDecision ? nil : included.last
            let lines = (allocations[pledge.sourceID] ?? []).compactMap { allocation -> PledgeRow.Line? in
                guard let route = routes[allocation.routeID] else { return nil }
                let amount = Money(pence: allocation.amountPence)
                return .init(routeCode: route.code, routeName: route.name, amount: amount.display, amountDecimal: amount.decimalString,
                             amountPence: amount.pence)
            }.sorted { $0.routeCode < $1.routeCode }
            return PledgeRow(
                id: pledge.id!.uuidString, href: SiteMap.Tenant.pledge.path(slug, pledge.id!.uuidString),
                organisation: names[pledge.organisationID] ?? "", programme: source.programme,
                amount: source.amount.display, amountDecimal: source.amount.decimalString, amountPence: source.amount.pence,
                period: source.period.display,
                startDay: source.startDay, endDay: source.endDay, state: state.rawValue, stateLabel: state.label, stateTag: state.tag,
                pledgedBy: pledge.pledgedBy, pledgedOn: pledgedOn.display,
                pledgedAtISO: timestamp.string(from: pledge.pledgedAt),
                decidedBy: decided == nil ? "" : pledge.decidedBy ?? "", decidedOn: decided?.effective.display ?? "",
                decidedOnISO: decided?.effective.iso ?? "",
                decisionReason: decided == nil ? "" : pledge.decisionReason, note: pledge.note, sourceID: source.id!.uuidString, lines: lines,
                awaitingDecision: state == .awaitingDecision)
        }
    }
}
