import Foundation

/// An agreement with a provider to serve routes for a period for money, created from an award
/// and changed only by variations, which are kept in order so the whole history can be read.
public struct Contract: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var specificationID: UUID?
    /// The winning bid it was created from, when it came from an award.
    public var awardedBidID: UUID?
    public var providerOrganisationID: UUID
    /// The value agreed when the contract was made; the routes' values must add up to it.
    public var value: Money
    /// The terms as signed, before any variation.
    public var original: ContractTerms
    /// Key performance indicators, copied from the specification.
    public var kpis: [String]
    /// The money that pays for it.
    public var fundingLinks: [FundingLink]
    /// Every approved variation, in the order approved.
    public var variations: [ContractVariation]

    public init(id: UUID = UUID(), specificationID: UUID? = nil, awardedBidID: UUID? = nil, providerOrganisationID: UUID,
                value: Money, start: Day, end: Day, routes: [RouteValue], kpis: [String] = [],
                fundingLinks: [FundingLink] = [], variations: [ContractVariation] = []) {
        self.id = id
        self.specificationID = specificationID
        self.awardedBidID = awardedBidID
        self.providerOrganisationID = providerOrganisationID
        self.value = value
        self.original = ContractTerms(start: start, end: end, routes: routes.map {
            ContractRoute(routeID: $0.routeID, value: $0.value, from: start)
        })
        self.kpis = kpis
        self.fundingLinks = fundingLinks
        self.variations = variations
    }

    /// The contract an award makes: the winning bid's provider, routes and price, the
    /// specification's KPIs, running from go-live to the end of the service period.
    ///
    /// Route values are the bid's prices per route when the specification asked for them;
    /// otherwise the bid's total is split across its routes in proportion to their parts of
    /// the specification's value (largest remainder, so they add up to the price exactly).
    /// Nil when `bid` is not the winning bid or has no counted submission, or the split
    /// cannot be made.
    public static func fromAward(_ decision: AwardDecision, bid: Bid, specification spec: Specification,
                                 fundingLinks: [FundingLink] = [], id: UUID = UUID()) -> Contract? {
        guard decision.winningBidID == bid.id, decision.specificationID == spec.id,
              let counted = bid.counted(closesAt: spec.closesAt),
              let routes = routeValues(counted.content, spec: spec) else { return nil }
        return Contract(id: id, specificationID: spec.id, awardedBidID: bid.id, providerOrganisationID: bid.providerOrganisationID,
                        value: counted.content.price.total, start: spec.goLive, end: spec.servicePeriod.end,
                        routes: routes, kpis: spec.kpis, fundingLinks: fundingLinks)
    }

    private static func routeValues(_ content: BidContent, spec: Specification) -> [RouteValue]? {
        let proposed = spec.routeIDs.filter(content.proposedRouteIDs.contains)
        guard !proposed.isEmpty else { return nil }
        if spec.pricing == .perRoute {
            let priced = proposed.compactMap { id in content.price.perRoute[id].map { RouteValue(routeID: id, value: $0) } }
            return priced.count == proposed.count ? priced : nil
        }
        guard let specValues = spec.routeValues else { return nil }
        let weights = proposed.compactMap { id in specValues.first { $0.routeID == id }?.value }
        guard weights.count == proposed.count, let parts = content.price.total.apportioned(by: weights) else { return nil }
        return zip(proposed, parts).map { RouteValue(routeID: $0, value: $1) }
    }
}
