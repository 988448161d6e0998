import Foundation

/// What a commissioner asks providers to bid for: the service, the routes and money, how bids
/// will be judged and when they close — Step Together's Wolverhampton specification, say.
///
/// A plain value: the app stores it, `SpecificationRules` says what is wrong with it, and the
/// bid, evaluation and contract rules read it. Edits carry `version` (DESIGN.md: saving over
/// a record someone else changed since it was opened is refused).
public struct Specification: Hashable, Sendable, Codable, Identifiable {
    /// Whether bidders give one total price or a price for each route they propose to serve.
    public enum Pricing: String, Hashable, Sendable, Codable, CaseIterable {
        case total, perRoute
    }

    public var id: UUID
    public var title: String
    /// Why the service is wanted: the background bidders need.
    public var context: String
    public var servicesRequired: String
    public var localAuthorityIDs: Set<UUID>
    /// The routes covered, in the order the specification lists them (which also settles
    /// penny ties when the value is split).
    public var routeIDs: [UUID]
    public var totalValue: Money
    public var valueSplit: ValueSplit
    public var servicePeriod: DayRange
    public var goLive: Day
    /// Chaperones work school days only when true (the usual case).
    public var termTimeDelivery: Bool
    public var pricing: Pricing
    public var questions: [Question]
    public var criteria: EvaluationCriteria
    public var scale: ScoringScale
    /// The deadline as entered, on a London clock.
    public var closing: LondonWallTime
    /// Key performance indicators the contract will carry.
    public var kpis: [String]
    /// References to attached documents (file keys or links), in order.
    public var attachments: [String]
    public var status: SpecificationStatus
    public var version: Int

    public init(id: UUID = UUID(), title: String, context: String = "", servicesRequired: String,
                localAuthorityIDs: Set<UUID>, routeIDs: [UUID], totalValue: Money, valueSplit: ValueSplit,
                servicePeriod: DayRange, goLive: Day, termTimeDelivery: Bool = true, pricing: Pricing = .total,
                questions: [Question], criteria: EvaluationCriteria, scale: ScoringScale = .zeroToFive,
                closing: LondonWallTime, kpis: [String] = [], attachments: [String] = [],
                status: SpecificationStatus = .draft, version: Int = 1) {
        self.id = id
        self.title = title
        self.context = context
        self.servicesRequired = servicesRequired
        self.localAuthorityIDs = localAuthorityIDs
        self.routeIDs = routeIDs
        self.totalValue = totalValue
        self.valueSplit = valueSplit
        self.servicePeriod = servicePeriod
        self.goLive = goLive
        self.termTimeDelivery = termTimeDelivery
        self.pricing = pricing
        self.questions = questions
        self.criteria = criteria
        self.scale = scale
        self.closing = closing
        self.kpis = kpis
        self.attachments = attachments
        self.status = status
        self.version = version
    }

    /// The closing instant (UTC), from the London wall time by `LondonWallTime`'s rules.
    public var closesAt: Date { closing.instant }

    /// Submissions are accepted while this is open.
    public var bidWindow: BidWindow { BidWindow(closesAt: closesAt) }

    /// Each route's part of the total value, in route order; nil when the split cannot be
    /// made (`SpecificationRules` names the problem).
    public var routeValues: [RouteValue]? { valueSplit.split(totalValue, across: routeIDs) }

    /// The status as the world sees it at `now`: a published specification whose deadline
    /// has passed is closed for bidding even before anyone records the change.
    public func status(at now: Date) -> SpecificationStatus {
        status == .published && bidWindow.hasClosed(at: now) ? .closed : status
    }
}
