import Fluent
import Foundation
import WaymarkDomain

/// Everything of a tenant the public may read on one day, gathered once per request and
/// judged row by row by `PublicationRule`: every public page, CSV and open data file is drawn
/// from this and nothing else, so what is withheld or private cannot reach one of them by a
/// query written for members.
struct PublicSiteData: Sendable {
    struct PublicContract: Sendable {
        let loaded: ContractQueries.Loaded
        let provider: Organisation?
        /// The contract's routes that may be named (`PublicationRule.routeOnContract`), running
        /// on the day or not; `withheldRoutes` counts those withheld.
        let routes: [PublicRoute]
        let withheldRoutes: Int
        let effective: Day

        var record: ContractRecord { loaded.record }
        var terms: ContractTerms { loaded.contract.current }
        var authorities: [LocalAuthority] {
            var seen: Set<UUID> = []
            return routes.map(\.authority).filter { seen.insert($0.id!).inserted }.sorted { $0.name < $1.name }
        }
    }

    struct PublicRoute: Sendable {
        let route: Route
        let authority: LocalAuthority
        let pathShown: Bool
    }

    let tenant: Tenant
    let day: Day
    let contracts: [PublicContract]
    /// The notes of contracts withheld on purpose (each a sentence the commissioner wrote).
    let withheldContractNotes: [String]
    let routes: [PublicRoute]
    /// Every route that may be named, running on the day or not (`PublicationRule.routeOnContract`).
    let namedRoutes: [UUID: PublicRoute]
    let withheldRouteNotes: [String]
    let authorities: [LocalAuthority]
    let organisations: [UUID: Organisation]
    /// Money received by the day, by funder: sources whose status was "received" then.
    let received: [(funder: String, amount: Money)]

    static func load(_ context: TenantContext, day: Day) async throws -> PublicSiteData {
        let authorities = try await context.query(LocalAuthority.self).sort(\.$name).all()
        let authorityByID = Dictionary(uniqueKeysWithValues: authorities.map { ($0.id!, $0) })
        let organisations = Dictionary(uniqueKeysWithValues: try await context.query(Organisation.self).all().map { ($0.id!, $0) })
        let allRoutes = try await context.query(Route.self).sort(\.$code).all()

        var routes: [PublicRoute] = []
        var named: [UUID: PublicRoute] = [:]
        var withheldRouteNotes: [String] = []
        for route in allRoutes {
            guard let authority = authorityByID[route.localAuthorityID] else { continue }
            if PublicationRule.allows(.routeOnContract(route.publicationChoice), asOf: day) {
                named[route.id!] = PublicRoute(route: route, authority: authority, pathShown: false)
            }
            let runs = route.runs(on: day)
            if PublicationRule.allows(.route(route.publicationChoice, runs: runs), asOf: day) {
                let path = PublicationRule.allows(.routePath(route.publicationChoice, runs: runs, pathPublished: route.pathPublished ?? false), asOf: day)
                routes.append(PublicRoute(route: route, authority: authority, pathShown: path))
            } else if runs, let note = route.withheldNote?.trimmed, !note.isEmpty {
                withheldRouteNotes.append(note)
            }
        }

        var contracts: [PublicContract] = []
        var withheldContractNotes: [String] = []
        for loaded in try await ContractQueries.all(context, in: .asOf(day)) {
            let effective = loaded.contract.effectiveDay(signedOn: loaded.record.signedDay, recordedAt: loaded.record.createdAt)
            guard PublicationRule.allows(.contract(loaded.record.publicationChoice, effective: effective), asOf: day) else {
                if let note = loaded.record.withheldNote?.trimmed, !note.isEmpty { withheldContractNotes.append(note) }
                continue
            }
            let served = Set(loaded.contract.current.routes.map(\.routeID))
            let shown = served.compactMap { named[$0] }.sorted { $0.route.code < $1.route.code }
            contracts.append(PublicContract(loaded: loaded, provider: organisations[loaded.record.providerOrganisationID],
                                            routes: shown, withheldRoutes: served.count - shown.count, effective: effective))
        }
        return PublicSiteData(tenant: context.tenant, day: day, contracts: contracts, withheldContractNotes: withheldContractNotes,
                              routes: routes, namedRoutes: named, withheldRouteNotes: withheldRouteNotes, authorities: authorities, organisations: organisations,
                              received: try await received(context, day: day, organisations: organisations))
    }

    /// Each funder's money received by `day`, by the status each source had then.
    private static func received(_ context: TenantContext, day: Day, organisations: [UUID: Organisation]) async throws -> [(funder: String, amount: Money)] {
        let changes = Dictionary(grouping: try await context.query(FundingStatusChange.self).all(), by: \.sourceID)
        var byFunder: [String: Money] = [:]
        for source in try await context.query(FundingSourceRecord.self).all() {
            let history = FundingStatusChanging.history(changes[source.id!] ?? [])
            let status = history.isEmpty ? source.sourceStatus : history.last { $0.day <= day }?.status
            guard status == .received, let funder = organisations[source.funderOrganisationID]?.name else { continue }
            byFunder[funder, default: .zero] += Money(pence: source.amountPence)
        }
        return byFunder.map { ($0.key, $0.value) }.sorted { ($0.amount, $1.funder) > ($1.amount, $0.funder) }
    }

    /// The public routes of each local authority that has any, by name.
    var routesByAuthority: [(authority: LocalAuthority, routes: [PublicRoute])] {
        let grouped = Dictionary(grouping: routes, by: { $0.authority.id! })
        return authorities.compactMap { authority in grouped[authority.id!].map { (authority, $0) } }
    }
}

extension Route {
    /// Whether the route runs on `day`: active then (`isActive(asOf:)`) and within its own first
    /// and last days when it has them.
    func runs(on day: Day) -> Bool {
        guard isActive(asOf: day) else { return false }
        if let start = startDay.flatMap(Day.init(iso:)), day < start { return false }
        if let end = endDay.flatMap(Day.init(iso:)), day > end { return false }
        return true
    }
}
