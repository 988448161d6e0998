import Fluent
import Vapor
import WaymarkDomain

/// Everything about one specification's evaluation that its pages need, loaded once: the bids
/// and which count, the bidders' names, the panel, and the seal's view of the person asking.
struct EvaluationState {
    let found: SpecificationQueries.Found
    let bids: [BidQueries.Loaded]
    let bidders: Set<UUID>
    let names: [UUID: String]
    let panel: EvaluationPanel
    let reader: BidReader
    /// The moment read (`Reading.moment`): now, or the end of the day a page asks about, when
    /// the seal, the bids counted and the status are as they were then.
    let now: Date
    /// Reading the present: only then are scoring and moderation offered.
    let isPresent: Bool

    var spec: Specification { found.spec }
    var status: SpecificationStatus { spec.status(at: now) }

    static func load(_ req: Request, _ context: TenantContext) async throws -> EvaluationState {
        let reading = try req.reading(), now = reading.moment(now: req.now)
        let found = try await SpecificationQueries.find(context, id: req.parameters.get("id"), at: now)
        let bids = try await BidQueries.bids(context, specificationID: found.spec.id)
        let bidders = BidQueries.countedBidders(bids, spec: found.spec)
        let organisations = try await context.query(Organisation.self).filter(\.$id ~~ bids.map(\.bid.providerOrganisationID)).all()
        let panel = try await BidQueries.panel(context, specificationID: found.spec.id)
        return EvaluationState(found: found, bids: bids, bidders: bidders,
                               names: Dictionary(uniqueKeysWithValues: organisations.map { ($0.id!, $0.name) }),
                               panel: panel, reader: BidQueries.reader(context, panel: panel, bidders: bidders), now: now,
                               isPresent: reading.isPresent(now: req.now))
    }

    /// The bids the evaluation looks at: those with a submission that counts.
    var countedBids: [BidQueries.Loaded] {
        bids.filter { $0.bid.counted(closesAt: spec.closesAt) != nil }
            .sorted { name(of: $0.bid) < name(of: $1.bid) }
    }

    func name(of bid: Bid) -> String { names[bid.providerOrganisationID] ?? "Unknown organisation" }

    func bid(_ text: String?) throws -> BidQueries.Loaded {
        guard let id = text.flatMap(UUID.init(uuidString:)), let loaded = bids.first(where: { $0.bid.id == id }) else {
            throw WaymarkError.notFound
        }
        return loaded
    }

    /// The seal's answer for this person and `bid` (the one rule for pages and the API).
    func access(to bid: Bid) -> BidAccessDecision { access(toBidOf: bid.providerOrganisationID) }

    private func access(toBidOf bidderID: UUID) -> BidAccessDecision {
        BidAccess.decide(reader: reader, bidderID: bidderID,
                         allBidderIDs: Set(bids.map(\.bid.providerOrganisationID)), now: now, closesAt: spec.closesAt)
    }

    /// Why this person may not read the counted bids all together, or nil when they may read
    /// every one: for answers that give the bids whole or not at all (the API), so that what a
    /// list leaves out never says who bid. The seal is asked about each counted bid (a declared
    /// conflict) and about a bidder the person cannot belong to, so that even with no bids the
    /// answer is refused on the same grounds: before the deadline, declarations outstanding, no ground.
    var refusalForEveryBid: String? {
        let decisions = [access(toBidOf: UUID())] + countedBids.map { access(to: $0.bid) }
        return decisions.lazy.compactMap(\.refusalText).first
    }

    var forScoring: [BidForScoring] {
        countedBids.compactMap { BidForScoring(bid: $0.bid, providerName: name(of: $0.bid), closesAt: spec.closesAt) }
    }

    /// The person asking is assigned to this specification's panel.
    var isOnPanel: Bool { reader.panel != nil }
}
