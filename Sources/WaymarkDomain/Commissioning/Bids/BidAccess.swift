import Foundation

/// Someone asking to read a bid, as the seal needs to know them. Pages and the API build this
/// from the same session or token, and ask the same question (`BidAccess.decide`): there is no
/// separate rule for the API, so the API can never show more than a page.
public struct BidReader: Hashable, Sendable {
    /// Their roles in the specification's tenant.
    public var roles: Set<Role>
    /// Every organisation they belong to.
    public var organisationIDs: Set<UUID>
    /// Platform operators run the installation; that alone never opens a bid.
    public var isOperator: Bool
    /// Where they stand on this specification's evaluation panel; nil when not assigned to it.
    public var panel: PanelStanding?

    public init(roles: Set<Role>, organisationIDs: Set<UUID>, isOperator: Bool = false, panel: PanelStanding? = nil) {
        self.roles = roles
        self.organisationIDs = organisationIDs
        self.isOperator = isOperator
        self.panel = panel
    }
}

/// An assigned assessor's declarations, as far as reading bids is concerned.
public struct PanelStanding: Hashable, Sendable {
    /// They have declared, for every bidder, whether they have a conflict of interest.
    public var declaredForEveryBidder: Bool
    /// The bidders (provider organisations) they declared a conflict with.
    public var conflictedBidderIDs: Set<UUID>

    public init(declaredForEveryBidder: Bool, conflictedBidderIDs: Set<UUID>) {
        self.declaredForEveryBidder = declaredForEveryBidder
        self.conflictedBidderIDs = conflictedBidderIDs
    }
}

/// The seal's answer, with the reason, so a refusal can say why and an audit entry can record
/// on what ground a bid was opened.
public enum BidAccessDecision: Hashable, Sendable {
    public enum Ground: Hashable, Sendable {
        case ownBid, commissioner, assessor
    }

    public enum Refusal: Hashable, Sendable {
        /// Before the deadline only the bidder may read a bid.
        case sealedUntil(Date)
        /// The reader belongs to a competing bidder.
        case competingBidder
        /// An assessor who has not yet declared for every bidder.
        case declarationsOutstanding
        /// An assessor who declared a conflict with this bidder.
        case conflicted
        /// Nothing about the reader gives them access (operators, finance, partners, viewers,
        /// other providers, unassigned assessors).
        case noGround
    }

    case allowed(Ground)
    case refused(Refusal)

    public var isAllowed: Bool {
        if case .allowed = self { return true }
        return false
    }

    /// Why not, in words; nil when allowed.
    public var refusalText: String? {
        guard case .refused(let refusal) = self else { return nil }
        switch refusal {
        case .sealedUntil(let closesAt):
            return "Bids are sealed until the deadline, \(closesAt.londonDisplay): only the bidder can read a bid before then"
        case .competingBidder:
            return "You belong to another organisation that has bid, so you cannot read this bid"
        case .declarationsOutstanding:
            return "Declare whether you have a conflict of interest with every bidder before reading any bid"
        case .conflicted:
            return "You declared a conflict of interest with this bidder, so you cannot read their bid"
        case .noGround:
            return "Only the bidder, the commissioners and the assigned assessors can read this bid"
        }
    }
}

/// The seal on bids (DESIGN.md roles; issue: "until the deadline no one but the bidder can
/// read them — not commissioners, not operators, not the API; another provider never can").
public enum BidAccess {
    /// Whether `reader` may read the bid of `bidderID` (a provider organisation) at `now`.
    ///
    /// - The bidder — anyone who belongs to the bidding organisation, whatever their role —
    ///   may always read their own bid.
    /// - Before the deadline (`now < closesAt`) nobody else may, whoever they are.
    /// - After it: the tenant's commissioners; and assessors assigned to the specification who
    ///   have declared for every bidder and declared no conflict with this one.
    /// - Someone who belongs to another bidding organisation (`allBidderIDs`) never may, even
    ///   if they also hold a commissioner or assessor role: competitors must not see each
    ///   other's bids, and such a person's conflict is not theirs to declare away.
    /// - Being a platform operator, finance, a partner or a viewer gives no access.
    public static func decide(reader: BidReader, bidderID: UUID, allBidderIDs: Set<UUID>,
                              now: Date, closesAt: Date) -> BidAccessDecision {
        if reader.organisationIDs.contains(bidderID) { return .allowed(.ownBid) }
        if BidWindow(closesAt: closesAt).isOpen(at: now) { return .refused(.sealedUntil(closesAt)) }
        if !reader.organisationIDs.isDisjoint(with: allBidderIDs.subtracting([bidderID])) {
            return .refused(.competingBidder)
        }
        if reader.roles.contains(.commissioner) { return .allowed(.commissioner) }
        if reader.roles.contains(.assessor), let panel = reader.panel {
            if !panel.declaredForEveryBidder { return .refused(.declarationsOutstanding) }
            if panel.conflictedBidderIDs.contains(bidderID) { return .refused(.conflicted) }
            return .allowed(.assessor)
        }
        return .refused(.noGround)
    }
}
