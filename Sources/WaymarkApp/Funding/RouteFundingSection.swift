import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// The money behind one route, as its page shows it: the funding timeline (SVG), one line
/// per allocation with where it stands, and the pledges that offered money to the route.
struct RouteFundingSection: Encodable {
    struct MoneyLine: Encodable {
        let source: String; let href: String?; let status: String; let statusTag: String; let amount: String
        let period: String; let drawnToDate: String; let remaining: String; let lapsing: String
    }
    struct PledgeLine: Encodable { let programme: String; let organisation: String; let href: String; let state: String; let tag: String }

    let timelineSVG: String
    let money: [MoneyLine]
    let pledges: [PledgeLine]
    let csvHref: String

    /// The money table as CSV: `/t/{tenant}/routes/{code}/funding.csv?as_of=`.
    @Sendable static func csv(req: Request, context: TenantContext) async throws -> Response {
        let route = try await RouteQueries.find(context, code: req.parameters.get("code") ?? "")
        let asOf = try req.asOfDay()
        let snapshot = try await CoverageLoader.load(context, routes: [route], asOf: asOf)
        guard let result = route.id.flatMap({ snapshot.results[$0] }) else { throw WaymarkError.notFound }
        let money = moneyLines(result.coverage, linkable: [], slug: context.tenant.slug, asOf: asOf)
        return CSVResponse.stream(
            headers: ["as_of", "route_code", "source", "status", "allocated", "period", "drawn_to_date", "remaining", "lapsed_or_lapsing"],
            rows: money.map { [asOf.iso, route.code, $0.source, $0.status, $0.amount, $0.period, $0.drawnToDate, $0.remaining, $0.lapsing] }, filename: "\(context.tenant.slug)-\(route.code)-funding-\(asOf.iso).csv")
    }

    static func build(route: Route, result: RouteCoverageResult, context: TenantContext, asOf: Day) async throws -> RouteFundingSection {
        let coverage = result.coverage
        let slug = context.tenant.slug
        let linkable = Set(try await FundingQueries.visibleSources(context).compactMap(\.id))
        let money = moneyLines(coverage, linkable: linkable, slug: slug, asOf: asOf)
        let timeline = FundingTimelineSVG.render(.init(
            title: "Funding timeline of route \(route.code)",
            span: FundingTimelineSVG.defaultSpan(asOf: asOf, periods: coverage.allocations.map(\.allocation.period)),
            asOf: asOf,
            bars: coverage.allocations.indices.map { index in
                let funded = coverage.allocations[index]
                let basis = SourcePosition.basis(for: funded.status)
                let drawn = basis.map { coverage.walk($0).drawn(allocationAt: index, before: asOf) }
                let amount = funded.allocation.amount
                return .init(label: funded.label, period: funded.allocation.period, amount: amount.display,
                             basis: .init(funded.status),
                             drawnFraction: drawn.map { amount.isPositive ? Double($0.pence) / Double(amount.pence) : 0 },
                             note: basis == nil ? funded.status.displayName.lowercased() : nil)
            },
            securedDays: days(coverage.secured), projectedDays: days(coverage.projected),
            securedFundedUntil: result.status.securedFundedUntil, projectedFundedUntil: result.status.projectedFundedUntil))
        let sourceIDs = Set(coverage.allocations.map(\.allocation.sourceID))
        var pledgeQuery = context.query(Pledge.self).filter(\.$sourceID ~~ Array(sourceIDs))
        if let funders = FundingQueries.funderScope(context) { pledgeQuery = pledgeQuery.filter(\.$organisationID ~~ Array(funders)) }
        let rows = try await PledgeQueries.rows(try await pledgeQuery.all(), context, reading: .asOf(asOf))
        return RouteFundingSection(
            timelineSVG: timeline, money: money,
            pledges: rows.map { .init(programme: $0.programme, organisation: $0.organisation, href: $0.href, state: $0.stateLabel, tag: $0.stateTag) },
            csvHref: SiteMap.Tenant.routeFundingCSV.path(slug, route.code))
    }

    /// One line per allocation with where it stands on the walk that counts its source.
    static func moneyLines(_ coverage: RouteCoverage, linkable: Set<UUID>, slug: String, asOf: Day) -> [MoneyLine] {
        coverage.allocations.indices.map { index -> MoneyLine in
            let funded = coverage.allocations[index]
            let basis = SourcePosition.basis(for: funded.status)
            let position = basis.flatMap { coverage.walk($0).position(ofAllocationAt: index, asOf: asOf) }
            let sourceID = funded.allocation.sourceID
            return MoneyLine(
                source: funded.label,
                href: linkable.contains(sourceID) ? SiteMap.Tenant.fundingSource.path(slug, sourceID.uuidString) : nil,
                status: funded.status.displayName, statusTag: FundingDisplay.tag(funded.status),
                amount: funded.allocation.amount.display, period: funded.allocation.period.display,
                drawnToDate: position?.drawnToDate.display ?? "—", remaining: position?.remaining.display ?? "—",
                lapsing: position.map { ($0.lapsed + $0.willLapse).display } ?? "—")
        }
    }

    private static func days(_ walk: CoverageWalk) -> [FundingTimelineSVG.SchoolDay] {
        walk.schedule.days.indices.map { (walk.schedule.days[$0], walk.state(at: $0)) }
    }
}
