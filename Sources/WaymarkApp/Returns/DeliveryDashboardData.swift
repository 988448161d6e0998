import Fluent
import Foundation
import WaymarkDomain

/// What the delivery dashboard reads, as the asker may see it: the approved route-months as
/// `DeliveryFact`s, and the returns of the contracts they may see, for the status counts.
///
/// Only approved returns count as delivery: a submitted or queried return may still change,
/// and figures a board reads should not move under it. Of an approved return only its latest
/// version counts, the one the commissioner approved.
struct DeliveryDashboardData: Sendable {
    struct RouteName: Sendable {
        let code: String
        let name: String
        var label: String { "\(code) \(name)" }
    }

    let facts: [DeliveryFact]
    let routes: [UUID: RouteName]
    /// The visible contracts with their returns, for what is due, overdue and awaiting review.
    let contracts: [(contract: Contract, returns: [ReturnState])]
    /// Contract ids to references, for naming overdue returns.
    let references: [UUID: String]

    /// What the dashboard shows in `reading`: the contracts signed by its day, and their
    /// returns as they stood then (`ReturnsAsOf`: approved only if approved by then).
    static func load(_ context: TenantContext, reading: Reading) async throws -> DeliveryDashboardData {
        let scope = try await ReturnScope.of(context)
        let visible = try await ContractQueries.all(context, in: reading).filter { loaded in
            scope.sees(loaded.record, routes: loaded.contract.current.routes.map(\.routeID))
        }
        let routeRecords = try await context.query(Route.self).all()
        let routes = Dictionary(uniqueKeysWithValues: routeRecords.map { ($0.id!, RouteName(code: $0.code, name: $0.name)) })
        guard !visible.isEmpty else { return DeliveryDashboardData(facts: [], routes: routes, contracts: [], references: [:]) }

        let returns = try await ReturnStates.read(context, contractIDs: Set(visible.map(\.id)), in: reading)
        let facts = try await approvedFacts(context, scope: scope, contracts: visible, returns: returns, routes: routeRecords)
        let byContract = Dictionary(grouping: returns, by: \.contractID)
        return DeliveryDashboardData(facts: facts, routes: routes,
                                     contracts: visible.map { ($0.contract, byContract[$0.id] ?? []) },
                                     references: Dictionary(uniqueKeysWithValues: visible.map { ($0.id, $0.record.reference) }))
    }

    /// Each line of each approved return's approved version that the asker may read, with its
    /// route's local authority and its provider by name.
    private static func approvedFacts(_ context: TenantContext, scope: ReturnScope, contracts: [ContractQueries.Loaded],
                                      returns: [ReturnState], routes: [Route]) async throws -> [DeliveryFact] {
        let approved = returns.filter { $0.status == .approved && $0.latestVersion > 0 }
        guard !approved.isEmpty else { return [] }
        let versions = try await context.query(ReturnVersionRecord.self).filter(\.$returnID ~~ approved.map(\.id)).all()
        let latest = Dictionary(grouping: versions, by: \.returnID)
        let records = Dictionary(uniqueKeysWithValues: contracts.map { ($0.id, $0.record) })
        let authorities = Dictionary(uniqueKeysWithValues: try await context.query(LocalAuthority.self).all().map { ($0.id!, $0.name) })
        let routeAuthority = Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, authorities[$0.localAuthorityID] ?? "Unknown") })
        let organisations = try await ContractQueries.organisationNames(context)

        var facts: [DeliveryFact] = []
        for record in approved {
            guard let contract = records[record.contractID],
                  let version = latest[record.id]?.first(where: { $0.number == record.latestVersion }) else { continue }
            let provider = organisations[contract.providerOrganisationID] ?? "Unknown provider"
            for line in try version.content.lines where scope.sees(line: line.routeID, of: contract) {
                facts.append(DeliveryFact(month: record.month, routeID: line.routeID,
                                          authority: routeAuthority[line.routeID] ?? "Unknown", provider: provider, line: line))
            }
        }
        return facts
    }
}

/// Where the visible returns stand as of a day: owed and not yet in, past their due day and
/// not yet in, and in and waiting for the commissioner.
struct ReturnsStatusCounts: Sendable {
    struct Overdue: Sendable {
        let contractID: UUID
        let month: CalendarMonth
        let due: Day
        let days: Int
    }

    var due = 0
    /// Oldest first, so the longest-waiting is chased first (the page orders a month's by reference).
    var overdueReturns: [Overdue] = []
    var awaitingReview = 0
    var withProvider = 0

    /// A month is owed once it has ended. A month with no return started is judged on the
    /// tenant's due day for it; one with a return, on the return's own due day, which an
    /// extension may have moved.
    static func of(_ contracts: [(contract: Contract, returns: [ReturnState])], deadlines: ReturnDeadlines,
                   today: Day) -> ReturnsStatusCounts {
        var counts = ReturnsStatusCounts()
        for (contract, returns) in contracts {
            let byMonth = Dictionary(returns.map { ($0.month, $0) }, uniquingKeysWith: { first, _ in first })
            let ended = ReturnExpectation.months(of: contract.current).filter { $0.range.end < today }
            for month in Set(ended).union(byMonth.keys) {
                let record = byMonth[month]
                switch record?.status {
                case .submitted?: counts.awaitingReview += 1
                case .approved?: continue
                case .queried?, .returned?: counts.withProvider += 1
                case .draft?, nil:
                    guard record?.firstSubmittedAt == nil else { counts.withProvider += 1; continue }
                    let due = record?.due ?? deadlines.due(for: month)
                    if case .overdue(let days) = ReturnTimeliness.of(due: due, firstSubmitted: nil, asOf: today) {
                        counts.overdueReturns.append(Overdue(contractID: contract.id, month: month, due: due, days: days))
                    } else if month.range.end < today {
                        counts.due += 1
                    }
                }
            }
        }
        counts.overdueReturns.sort { ($0.month, $0.contractID.uuidString) < ($1.month, $1.contractID.uuidString) }
        return counts
    }

    var overdue: Int { overdueReturns.count }
}
