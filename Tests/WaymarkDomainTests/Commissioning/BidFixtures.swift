import Foundation
@testable import WaymarkDomain

/// Three providers bidding for the demo specification.
enum Bidders {
    static let safeSteps = id(401), youthLinks = id(402), guardians = id(403)
    static let all: Set<UUID> = [safeSteps, youthLinks, guardians]
    static let names = [safeSteps: "Safe Steps CIC", youthLinks: "Youth Links", guardians: "Guardians Trust"]
    static let submitter = id(490)

    /// A complete bid for W1 and W2 (or the routes given) at `price`.
    static func content(price: Money = pounds(88_000), routes: Set<UUID> = [Demo.routeW1, Demo.routeW2],
                        perRoute: [UUID: Money] = [:]) -> BidContent {
        BidContent(answers: Dictionary(uniqueKeysWithValues: Demo.questionIDs.map { ($0, "We have run school-route chaperones since 2019.") }),
                   price: BidPrice(total: price, perRoute: perRoute), proposedRouteIDs: routes,
                   socialValue: "Two apprenticeships a year for local young people.")
    }

    static func bid(_ provider: UUID, bidID: Int, versions: [BidVersion] = []) -> Bid {
        Bid(id: id(bidID), specificationID: Demo.specification().id, providerOrganisationID: provider, versions: versions)
    }

    static func version(_ number: Int, at time: String, price: Money = pounds(88_000), withdrawnAt: String? = nil) -> BidVersion {
        BidVersion(number: number, content: content(price: price), submittedAt: instant(time), submittedBy: submitter,
                   withdrawnAt: withdrawnAt.map(instant))
    }
}
