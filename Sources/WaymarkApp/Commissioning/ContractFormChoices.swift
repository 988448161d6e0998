import Fluent
import Foundation
import WaymarkDomain

/// What the contract-from-award form offers and checks against: the awarded specification,
/// its routes, the tenant's provider organisations, and the funding sources (with their
/// allocations to the specification's routes) a funding link may name.
struct ContractFormChoices: ContractChoices {
    let specification: SpecificationQueries.Found
    let award: AwardRecord
    let winningBid: BidQueries.Loaded?
    /// The specification's routes, in its order.
    let routes: [Route]
    let providers: [Organisation]
    let sources: [FundingSourceRecord]
    let allocations: [AllocationRecord]
    let organisationNames: [UUID: String]

    /// The form's choices for a specification; 404 when it does not exist, a clear refusal
    /// when it has no award yet or its award already has a contract.
    static func load(_ context: TenantContext, specificationID raw: String?) async throws -> ContractFormChoices {
        let found = try await SpecificationQueries.find(context, id: raw)
        let specID = found.spec.id
        guard let award = try await BidQueries.award(context, specificationID: specID) else {
            throw WaymarkError.conflict("\(found.spec.title) has not been awarded yet: award it before making its contract.")
        }
        try await refuseSecondContract(context, specificationID: specID)
        let bid = try await BidQueries.bids(context, specificationID: specID).first { $0.bid.id == award.winningBidID }
        let routesByID = Dictionary(uniqueKeysWithValues: try await context.query(Route.self).filter(\.$id ~~ found.spec.routeIDs).all()
            .map { ($0.id!, $0) })
        let organisations = try await context.query(Organisation.self).sort(\.$name).all()
        let routeIDs = found.spec.routeIDs
        return ContractFormChoices(
            specification: found, award: award, winningBid: bid, routes: routeIDs.compactMap { routesByID[$0] },
            // The winner is offered whatever its recorded kind, so the suggested form always saves.
            providers: organisations.filter { $0.organisationKind == .provider || $0.id == bid?.bid.providerOrganisationID },
            sources: try await FundingQueries.visibleSources(context),
            allocations: try await context.query(AllocationRecord.self).filter(\.$routeID ~~ routeIDs).sort(\.$startDay).all(),
            organisationNames: Dictionary(uniqueKeysWithValues: organisations.map { ($0.id!, $0.name) }))
    }

    /// One contract per award: a second is refused with the reference of the first.
    static func refuseSecondContract(_ context: TenantContext, specificationID: UUID) async throws {
        if let existing = try await ContractQueries.fromSpecification(context, specificationID: specificationID) {
            throw WaymarkError.conflict("A contract has already been made from this award: \(existing.reference). "
                + "An award makes one contract; change that contract with a variation instead.")
        }
    }

    var specificationID: UUID? { specification.spec.id }
    var awardedBidID: UUID? { award.winningBidID }
}
