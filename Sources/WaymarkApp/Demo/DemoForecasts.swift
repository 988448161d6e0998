import Fluent
import Foundation
import WaymarkDomain
import WaymarkSimulation

/// The demo story as two saved scenarios of the West Midlands, shared with partners and
/// not yet run: from 1 Sep 2022, before the central money ends on 31 Oct 2022, "no
/// renewal" and "the councils and schools pledge as they did" (the money that in fact came
/// later, added as certain hypothetical sources with its real amounts and routes).
enum DemoForecasts {
    static let asOf = Day(2022, 9, 1)

    static func save(tenant: Tenant, on db: any Database) async throws {
        let context = TenantContext.system(tenant: tenant, db: db, job: "demo@waymark")
        let base = try await SimulationBaseLoader.load(context, asOf: asOf, horizonMonths: 24)
        let known = Set(base.sources.map(\.id))
        let names = try await FundingQueries.funderNames(context)
        let allocations = try await context.query(AllocationRecord.self).all()
        // Only the story's own later money: what carries it on to the present is not part of it.
        let story = Set(DemoWestMidlands.funding.map { "\($0.funder)|\($0.programme)" })
        let later = try await context.query(FundingSourceRecord.self).sort(\.$startDay).all().filter {
            !known.contains($0.id!) && story.contains("\(names[$0.funderOrganisationID] ?? "")|\($0.programme)")
        }
        var pledged = Scenario(name: "Councils and schools pledge as they did", samples: 10_000, seed: 1)
        pledged.uncertainty.overrides = base.sources.filter { $0.status == .pledged }.map { ProbabilityOverride(sourceID: $0.id, probability: 1) }
        pledged.interventions = later.map { source in
            .addSource(source: HypotheticalSource(
                id: UUID.derivedForDemo(source.id!), funderName: names[source.funderOrganisationID] ?? "Partner", programmeName: source.programme,
                amount: source.amount, period: source.period, probability: 1,
                routeIDs: allocations.filter { $0.sourceID == source.id }.map(\.routeID)))
        }
        let scenarios = [
            (Scenario(name: "No renewal of central funding", samples: 10_000, seed: 1),
             "The Youth Endowment Fund extension ends on 31 October 2022 and nothing replaces it."),
            (pledged, "The councils, schools and police pledge what they did in fact pledge after 1 September 2022."),
        ]
        let now = AppClock.shared.now()
        for (scenario, description) in scenarios {
            try await ForecastScenarioRecord(tenantID: tenant.id!, name: scenario.name, description: description,
                                             definition: try ScenarioJSON.encode(scenario), asOf: asOf, horizonMonths: 24,
                                             shared: true, createdBy: "Waymark demo seed", at: now).save(on: db)
        }
    }
}

private extension UUID {
    /// A fixed id for a demo hypothetical source, so reseeding gives the same file.
    static func derivedForDemo(_ id: UUID) -> UUID {
        var bytes = id.uuid
        bytes.0 ^= 0x5A
        return UUID(uuid: bytes)
    }
}
