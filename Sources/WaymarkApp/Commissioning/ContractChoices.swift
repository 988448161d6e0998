import Fluent
import Foundation
import WaymarkDomain

/// What a contract form offers and checks against, whichever way the contract came: from a
/// Waymark award (`ContractFormChoices`: the specification's routes) or recorded as let
/// elsewhere (`ExistingContractChoices`: every route of the tenant). `ContractForm` reads only
/// this, so both forms check a contract the same way.
protocol ContractChoices: Sendable {
    /// The routes a contract may serve, in the order the form lists them.
    var routes: [Route] { get }
    var providers: [Organisation] { get }
    var sources: [FundingSourceRecord] { get }
    var allocations: [AllocationRecord] { get }
    var organisationNames: [UUID: String] { get }
    var specificationID: UUID? { get }
    var awardedBidID: UUID? { get }
}

extension ContractChoices {
    var routeNames: [UUID: String] { Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0.code) }) }

    func source(_ id: UUID) -> FundingSourceRecord? { sources.first { $0.id == id } }

    func label(of source: FundingSourceRecord) -> String {
        source.domain(funderName: organisationNames[source.funderOrganisationID] ?? "").label
    }

    /// A funding line's choices: a source on its own ("<source id>") or one of its allocations
    /// ("<source id>/<allocation id>"), so one plain select works without JavaScript.
    var fundingOptions: [ContractFundingOption] {
        let codes = routeNames
        return sources.flatMap { source -> [ContractFundingOption] in
            let id = source.id!.uuidString
            let own = ContractFundingOption(value: id, label: "\(label(of: source)) (\(source.sourceStatus.displayName.lowercased()), "
                                                + "\(source.amount.display), \(source.period.display))")
            return [own] + allocations.filter { $0.sourceID == source.id }.map { allocation in
                .init(value: "\(id)/\(allocation.id!.uuidString)",
                      label: "\(label(of: source)): its allocation to \(codes[allocation.routeID] ?? "a route") "
                          + "(\(allocation.domain.amount.display), \(allocation.domain.period.display))")
            }
        }
    }
}

struct ContractFundingOption: Encodable, Sendable {
    let value: String
    let label: String
}

/// The choices for recording a contract let before or outside Waymark: any route of the
/// tenant, its provider organisations, and every funding source the person may see with all
/// their allocations. No specification or award stands behind such a contract.
struct ExistingContractChoices: ContractChoices {
    let routes: [Route]
    let providers: [Organisation]
    let sources: [FundingSourceRecord]
    let allocations: [AllocationRecord]
    let organisationNames: [UUID: String]
    var specificationID: UUID? { nil }
    var awardedBidID: UUID? { nil }

    static func load(_ context: TenantContext) async throws -> ExistingContractChoices {
        let organisations = try await context.query(Organisation.self).sort(\.$name).all()
        return ExistingContractChoices(
            routes: try await context.query(Route.self).sort(\.$code).all(),
            providers: organisations.filter { $0.organisationKind == .provider },
            sources: try await FundingQueries.visibleSources(context),
            allocations: try await context.query(AllocationRecord.self).sort(\.$startDay).all(),
            organisationNames: Dictionary(uniqueKeysWithValues: organisations.map { ($0.id!, $0.name) }))
    }
}
