import Fluent
import Foundation
import WaymarkDomain

/// What a pledge is when saved, whoever records it — the partner on the pledge form, or
/// the commissioner importing pledges received by letter: a source of the pledged total,
/// status pledged and restricted to the pledged routes, its first status change, one
/// allocation per route and the pledge awaiting a decision.
enum PledgeRecording {
    struct Line: Sendable {
        let route: Route
        let amount: Money
    }

    struct Draft: Sendable {
        let organisation: Organisation
        let source: FundingSource
        let lines: [Line]
        let allocations: [Allocation]
        let note: String
        /// The day the partner pledged; nil means the day it is recorded.
        var pledgedOn: Day? = nil
    }

    /// The pledge as the domain sees it, with each line's problems (the domain's
    /// allocation rule, checked as the lines add up) beside the line's route code.
    static func draft(organisation: Organisation, programme: String, period: DayRange, note: String, reference: String = "",
                      lines: [Line], at date: Date, pledgedOn: Day? = nil) -> (Draft, [(code: String, problem: AllocationProblem)]) {
        let total = Money.sum(lines.map(\.amount)) ?? .zero
        let source = FundingSource(funderName: organisation.name, programmeName: programme, kind: kind(of: organisation),
                                   amount: total, period: period, status: .pledged,
                                   restrictions: .init(routeIDs: Set(lines.map { $0.route.id! })), reference: reference)
        var allocations: [Allocation] = [], problems: [(code: String, problem: AllocationProblem)] = []
        for line in lines {
            let allocation = Allocation(sourceID: source.id, routeID: line.route.id!, amount: line.amount, period: period, enteredAt: date,
                                        agreedOn: pledgedOn)
            problems += source.problems(with: allocation, existing: allocations, routeLocalAuthorityID: line.route.localAuthorityID)
                .map { (line.route.code, $0) }
            allocations.append(allocation)
        }
        return (Draft(organisation: organisation, source: source, lines: lines, allocations: allocations, note: note,
                      pledgedOn: pledgedOn), problems)
    }

    /// Saves a checked draft inside the caller's transaction, pledged by the signed-in person.
    static func save(_ draft: Draft, in context: TenantContext, audit action: String, at date: Date) async throws -> Pledge {
        let source = draft.source
        _ = try await FundingSourceRecord.insert(source, funderID: draft.organisation.id!, conditions: draft.note, documents: "",
                                                 in: context, at: date, effective: draft.pledgedOn)
        for allocation in draft.allocations {
            let stored = AllocationRecord(tenantID: context.tenantID, sourceID: source.id, routeID: allocation.routeID,
                                          amount: allocation.amount, period: allocation.period, enteredAt: date,
                                          agreedOn: draft.pledgedOn)
            stored.id = allocation.id
            try await stored.create(on: context.db)
        }
        let pledge = Pledge(tenantID: context.tenantID, sourceID: source.id, organisationID: draft.organisation.id!,
                            note: draft.note, pledgedBy: context.actor.label, at: date)
        try await pledge.create(on: context.db)
        try await context.audit(action, "pledge", pledge.id!.uuidString, after: [
            "organisation": draft.organisation.name, "programme": source.programmeName, "amount": source.amount.decimalString,
            "period": source.period.display, "reference": source.reference,
            "routes": draft.lines.map { "\($0.route.code) \($0.amount.decimalString)" }.joined(separator: "; "),
        ])
        return pledge
    }

    /// The kind of funding an organisation's pledge is, from the kind of organisation.
    static func kind(of organisation: Organisation) -> FundingSource.Kind {
        switch organisation.organisationKind {
        case .localAuthority: .council
        case .school: .school
        case .police: .policeAndCrimeCommissioner
        case .funder: .trustOrFoundation
        case .commissioner, .provider, .other: .other
        }
    }
}
