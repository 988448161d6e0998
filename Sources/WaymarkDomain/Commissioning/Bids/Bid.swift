import Foundation

/// What a provider offers: answers, a price, the routes it proposes to serve, social value.
/// The same shape is a draft while the provider works on it and a submission once sent.
public struct BidContent: Hashable, Sendable, Codable {
    /// The answer to each question, by question id.
    public var answers: [UUID: String]
    public var price: BidPrice
    public var proposedRouteIDs: Set<UUID>
    /// What the provider will add for the community beyond the service (local hiring,
    /// volunteering, training); scored like a question when social value carries weight.
    public var socialValue: String

    public init(answers: [UUID: String], price: BidPrice, proposedRouteIDs: Set<UUID>, socialValue: String = "") {
        self.answers = answers
        self.price = price
        self.proposedRouteIDs = proposedRouteIDs
        self.socialValue = socialValue
    }
}

/// A bid's price: always a total, and a price for each proposed route when the specification
/// asks for prices per route (the route prices then add up to the total).
public struct BidPrice: Hashable, Sendable, Codable {
    public var total: Money
    /// Empty when the specification asks for one total price.
    public var perRoute: [UUID: Money]

    public init(total: Money, perRoute: [UUID: Money] = [:]) {
        self.total = total
        self.perRoute = perRoute
    }
}

/// One submission of a bid. Submissions are never edited or deleted: a change is a new
/// version, and withdrawing stamps the version withdrawn, so the record of what was offered
/// and when stays whole.
public struct BidVersion: Hashable, Sendable, Codable {
    /// 1 for the first submission, then 2, 3…
    public var number: Int
    public var content: BidContent
    public var submittedAt: Date
    /// The person who submitted it.
    public var submittedBy: UUID
    /// When the provider withdrew the bid, if they did (only possible before the deadline).
    public var withdrawnAt: Date?

    public init(number: Int, content: BidContent, submittedAt: Date, submittedBy: UUID, withdrawnAt: Date? = nil) {
        self.number = number
        self.content = content
        self.submittedAt = submittedAt
        self.submittedBy = submittedBy
        self.withdrawnAt = withdrawnAt
    }
}

/// A provider's bid for one specification, with every submission it has made.
public struct Bid: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var specificationID: UUID
    /// The bidding organisation: whoever belongs to it is the bidder (see `BidAccess`).
    public var providerOrganisationID: UUID
    /// Every submission, oldest first.
    public var versions: [BidVersion]

    public init(id: UUID = UUID(), specificationID: UUID, providerOrganisationID: UUID, versions: [BidVersion] = []) {
        self.id = id
        self.specificationID = specificationID
        self.providerOrganisationID = providerOrganisationID
        self.versions = versions
    }

    /// The most recent submission, withdrawn or not.
    public var latest: BidVersion? { versions.max { $0.number < $1.number } }

    /// The number the next submission takes.
    public var nextVersionNumber: Int { (latest?.number ?? 0) + 1 }

    /// The submission that counts for the evaluation: the last one made before the deadline,
    /// unless it was withdrawn before the deadline — then none counts.
    ///
    /// "The last submission counts, earlier ones kept": a resubmission replaces what came
    /// before it. Withdrawing withdraws the bid, not just its latest wording, so an earlier
    /// version does not come back to life; to bid again the provider submits again. A
    /// submission or withdrawal stamped at or after `closesAt` is ignored (the rules refuse
    /// them; this keeps a stray record from changing the outcome).
    public func counted(closesAt: Date) -> BidVersion? {
        let inTime = versions.filter { $0.submittedAt < closesAt }
        guard let last = inTime.max(by: { $0.number < $1.number }) else { return nil }
        if let withdrawn = last.withdrawnAt, withdrawn < closesAt { return nil }
        return last
    }
}
