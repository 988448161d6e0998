import Foundation

/// What the commissioner chose for a contract or a route: shown on the public site and in the
/// open data (the default), or withheld with a note the public reads instead.
public enum Publication: String, CaseIterable, Codable, Hashable, Sendable {
    case shown = "public"
    case withheld

    public var label: String {
        switch self {
        case .shown: "Published"
        case .withheld: "Withheld"
        }
    }
}

/// One thing the public site might show, described by the facts that decide it.
public enum PublicRow: Hashable, Sendable {
    /// A contract (however let): its provider, value, period, routes, variations.
    case contract(Publication, effective: Day)
    /// A route running, with its local authority and the children it walks.
    case route(Publication, runs: Bool)
    /// A route named as one a published contract serves, whether or not it runs on the day.
    case routeOnContract(Publication)
    /// A route's path and chaperone points on the public map.
    case routePath(Publication, runs: Bool, pathPublished: Bool)
    /// One payment line of a contract, listed by itself when at or above the threshold.
    case payment(contract: Publication, contractEffective: Day, paidOn: Day?, amount: Money, threshold: Money)
    /// A contract in the 360Giving file.
    case grant(Publication, effective: Day, letting: ContractLetting?, publishedAsGrant: Bool)
    /// A specification (its routes, value, deadline, answered questions, award).
    case specification(published: Bool, Publication)
}

/// What the public may read (DESIGN.md "the public", issue 18): the one rule every public page,
/// CSV and open data file asks, as `ReadRule` is for members. Nothing about people is ever in
/// it: providers and funders are organisations, and narratives, bids, scores and notes stay
/// inside the tenant whatever is chosen here.
public enum PublicationRule {
    /// Payments of £500 or more are listed one by one unless the tenant sets another amount.
    public static let defaultPaymentThreshold = Money(pence: 50_000)

    public static func allows(_ row: PublicRow, asOf day: Day) -> Bool {
        switch row {
        case let .contract(publication, effective):
            return publication == .shown && effective <= day
        case let .route(publication, runs):
            return publication == .shown && runs
        case .routeOnContract(let publication):
            return publication == .shown
        case let .routePath(publication, runs, pathPublished):
            return publication == .shown && runs && pathPublished
        case let .payment(contract, effective, paidOn, amount, threshold):
            guard let paidOn else { return false }
            return allows(.contract(contract, effective: effective), asOf: day) && paidOn <= day && amount >= threshold
        case let .grant(publication, effective, letting, publishedAsGrant):
            return allows(.contract(publication, effective: effective), asOf: day) && (letting == .grantAgreement || publishedAsGrant)
        case let .specification(published, publication):
            return published && publication == .shown
        }
    }
}
