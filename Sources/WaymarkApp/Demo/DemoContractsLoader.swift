import Fluent
import Foundation
import WaymarkDomain

/// Writes the story's earlier contracts (`DemoWestMidlands.contracts`) as records, each with
/// its quarterly payment schedule. Route values are the routes' costs over the contract's
/// days and each funding link is what its source pays of them, so a contract is paid for
/// exactly by the money the funding story gives its routes; a contract that breaks the
/// contract rules, or is not paid for in full, breaks the story and stops the seeding.
struct DemoContractsLoader {
    let context: TenantContext

    /// A seeded contract, as the returns loader needs it.
    struct Seeded {
        let reference: String
        let contract: Contract
        let provider: String
        /// Its payment schedule, not yet stored: lines are marked paid once the returns are in.
        var lines: [PaymentLineRecord] = []
    }

    func load(_ demos: [DemoContract]) async throws -> [Seeded] {
        let routes = try await context.query(Route.self).all()
        let routesByCode = Dictionary(uniqueKeysWithValues: routes.map { ($0.code, $0) })
        let schedules = try await RouteSchedules.build(context, routes: routes)
        let sources = try await context.query(FundingSourceRecord.self).all()
        let organisations = try await context.query(Organisation.self).all()
        func organisation(_ name: String) throws -> UUID {
            guard let id = organisations.first(where: { $0.name == name })?.id else { throw StoryBroken(description: "\(name) is missing") }
            return id
        }
        var seeded: [Seeded] = []
        var records: [ContractRecord] = []
        for demo in demos {
            guard let start = Day(iso: demo.start), let end = Day(iso: demo.end), let period = DayRange(start: start, end: end) else {
                throw StoryBroken(description: "\(demo.reference) has no period")
            }
            var served: [(route: Route, schedule: RouteSchedule)] = []
            for code in demo.routes {
                guard let route = routesByCode[code], let schedule = schedules[route.id!] else {
                    throw StoryBroken(description: "\(demo.reference): route \(code) is missing")
                }
                served.append((route, schedule))
            }
            let values = served.map { RouteValue(routeID: $0.route.id!, value: DemoFundingLoader.cost(of: $0.schedule, in: period)) }
            let links = try demo.funding.compactMap { funding -> FundingLink? in
                let funderID = try organisation(funding.funder)
                guard let source = sources.first(where: { $0.funderOrganisationID == funderID && $0.programme == funding.programme }) else {
                    throw StoryBroken(description: "\(demo.reference): \(funding.funder)'s \(funding.programme) is missing")
                }
                guard let overlap = period.clamped(to: source.period) else { return nil }
                let amount = served.reduce(Money.zero) { $0 + DemoFundingLoader.cost(of: $1.schedule, in: overlap) }
                return FundingLink(sourceID: source.id!, amount: amount)
            }
            let value = values.reduce(Money.zero) { $0 + $1.value }
            var contract = Contract(providerOrganisationID: try organisation(demo.provider), value: value, start: start, end: end,
                                    routes: values, kpis: DemoCommissioning.kpis, fundingLinks: links)
            // Routes that opened after the pilot began joined it on their first day.
            for (index, item) in served.enumerated() {
                if let opened = item.route.startDay.flatMap(Day.init(iso:)), opened > start {
                    contract.original.routes[index].from = opened
                }
            }
            try check(ContractRules.problems(contract).map(\.message) + fundingProblems(contract, demo))
            records.append(try ContractRecord(tenantID: context.tenantID, reference: demo.reference, title: demo.title, contract: contract,
                                              createdBy: DemoReturns.commissioner, at: DemoReturns.noon(demo.signed),
                                              letting: .grantAgreement, signedOn: Day(iso: demo.signed)))
            let schoolDays = Set(served.flatMap { $0.schedule.days })
            let lines = (PaymentSchedule.quarterlyInArrears(for: contract, weighting: .schoolDays(schoolDays)) ?? []).map {
                PaymentLineRecord(tenantID: context.tenantID, contractID: contract.id, line: $0)
            }
            seeded.append(Seeded(reference: demo.reference, contract: contract, provider: demo.provider, lines: lines))
        }
        try await records.create(inChunksOf: 500, on: context.db)
        return seeded
    }

    private func fundingProblems(_ contract: Contract, _ demo: DemoContract) -> [String] {
        let linked = contract.fundingLinks.reduce(Money.zero) { $0 + $1.amount }
        return linked == contract.value ? [] : ["\(demo.reference) is worth \(contract.value.display) but its funding pays \(linked.display)"]
    }

    private func check(_ problems: [String]) throws {
        if !problems.isEmpty { throw StoryBroken(description: problems.joined(separator: "; ")) }
    }

    struct StoryBroken: Error, CustomStringConvertible { let description: String }
}
