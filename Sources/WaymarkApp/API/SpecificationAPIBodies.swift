import Foundation
import WaymarkDomain

/// The commissioning API's answers, snake_case through `APIJSON`: money in pence, days as
/// YYYY-MM-DD, instants as ISO 8601 in UTC, and a deadline also as the UK wall time it was set in.
enum SpecificationAPIBodies {
    static func instant(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// "2023-06-30T12:00" on a London clock, and the instant that is.
    struct Closing: Encodable {
        let ukTime: String; let timeZone: String; let utc: String

        init(_ spec: Specification) {
            ukTime = "\(spec.closing.day.iso)T\(spec.closing.clock)"; timeZone = LondonWallTime.timeZone.identifier
            utc = instant(spec.closesAt)
        }
    }

    struct Period: Encodable {
        let start: String; let end: String
        init(_ range: DayRange) { start = range.start.iso; end = range.end.iso }
    }

    struct RouteLine: Encodable {
        let code: String; let name: String; let valuePence: Int64?

        /// Each route the specification covers with its part of the value (none when the split
        /// cannot be made).
        static func lines(_ spec: Specification, routes: [UUID: Route]) -> [RouteLine] {
            let values = Dictionary((spec.routeValues ?? []).map { ($0.routeID, $0.value.pence) }, uniquingKeysWith: { first, _ in first })
            return spec.routeIDs.map { RouteLine(code: routes[$0]?.code ?? "", name: routes[$0]?.name ?? "", valuePence: values[$0]) }
        }
    }

    struct Award: Encodable {
        let provider: String; let pricePence: Int64?; let decidedAt: String
        init(_ award: PublishedAward) { provider = award.provider; pricePence = award.price?.pence; decidedAt = instant(award.decidedAt) }
    }

    /// A specification in a list: enough to decide whether to read on.
    struct Summary: Encodable {
        let id: String; let url: String; let publicUrl: String?; let title: String; let status: String
        let totalValuePence: Int64; let routes: [RouteLine]; let servicePeriod: Period; let closes: Closing; let award: Award?

        init(_ spec: Specification, published: Bool, slug: String, now: Date, routes: [UUID: Route], award: PublishedAward?) {
            id = spec.id.uuidString.lowercased(); url = SiteMap.API.specification.path(slug, id)
            publicUrl = published ? SiteMap.Public.specification.path(slug, id) : nil
            title = spec.title; status = spec.status(at: now).rawValue; totalValuePence = spec.totalValue.pence
            self.routes = RouteLine.lines(spec, routes: routes); servicePeriod = Period(spec.servicePeriod)
            closes = Closing(spec); self.award = award.map(Award.init)
        }
    }

    struct SpecificationList: Encodable { let tenant: String; let specifications: [Summary] }

    struct Authority: Encodable { let name: String; let gssCode: String }
    struct QuestionLine: Encodable { let id: String; let text: String; let weightPercent: Double; let characterLimit: Int }
    struct Criteria: Encodable {
        let qualityPercent: Double; let pricePercent: Double; let socialValuePercent: Double; let priceFormula: String
    }
    struct ScalePoint: Encodable { let score: Int; let label: String }
    struct Clarification: Encodable { let question: String; let answer: String; let answeredAt: String? }

    /// One specification whole, as its page shows it: the summary's fields and these beside them,
    /// never who asked a question, nor anything of the bids.
    struct Detail: Encodable {
        let summary: Summary
        let particulars: Particulars

        init(_ details: SpecificationDetails, published: Bool, slug: String, now: Date) {
            summary = Summary(details.spec, published: published, slug: slug, now: now, routes: details.routes, award: details.award)
            particulars = Particulars(details)
        }

        /// One flat object: both parts write into the same container.
        func encode(to encoder: any Encoder) throws {
            try summary.encode(to: encoder)
            try particulars.encode(to: encoder)
        }
    }

    struct Particulars: Encodable {
        let context: String; let servicesRequired: String; let localAuthorities: [Authority]
        let valueSplit: String; let goLive: String; let termTimeDelivery: Bool; let pricing: String
        let questions: [QuestionLine]; let criteria: Criteria; let scale: [ScalePoint]
        let kpis: [String]; let attachments: [String]; let clarifications: [Clarification]

        init(_ details: SpecificationDetails) {
            let spec = details.spec
            context = spec.context; servicesRequired = spec.servicesRequired
            localAuthorities = details.authorities.map { Authority(name: $0.name, gssCode: $0.gssCode) }
            valueSplit = switch spec.valueSplit { case .proportionalToCost: "proportional_to_cost"; case .statedShares: "stated_shares" }
            goLive = spec.goLive.iso; termTimeDelivery = spec.termTimeDelivery
            pricing = switch spec.pricing { case .total: "total"; case .perRoute: "per_route" }
            questions = spec.questions.map {
                QuestionLine(id: $0.id.uuidString.lowercased(), text: $0.text, weightPercent: percent($0.weight), characterLimit: $0.characterLimit)
            }
            let formula = switch spec.criteria.priceFormula { case .lowestOverBid: "lowest_over_bid"; case .relativeToBudget: "relative_to_budget" }
            criteria = Criteria(qualityPercent: percent(spec.criteria.quality), pricePercent: percent(spec.criteria.price),
                                socialValuePercent: percent(spec.criteria.socialValue), priceFormula: formula)
            scale = spec.scale.labels.enumerated().map { ScalePoint(score: $0.offset, label: $0.element) }
            kpis = spec.kpis; attachments = spec.attachments
            clarifications = details.answered.map {
                Clarification(question: $0.question, answer: $0.answer ?? "", answeredAt: $0.answeredAt.map(instant))
            }
        }
    }

    /// A counted bid as the seal lets the caller read it: the submission that counts, whole.
    struct BidLine: Encodable {
        struct Answer: Encodable { let questionId: String; let answer: String }
        struct RoutePrice: Encodable { let code: String; let pricePence: Int64 }
        let id: String; let bidder: String; let version: Int; let submittedAt: String; let pricePence: Int64
        let routePrices: [RoutePrice]; let proposedRoutes: [String]; let answers: [Answer]; let socialValue: String

        init(_ bid: Bid, counted: BidVersion, bidder: String, spec: Specification, codes: [UUID: String]) {
            let content = counted.content
            id = bid.id.uuidString.lowercased(); self.bidder = bidder; version = counted.number
            submittedAt = instant(counted.submittedAt); pricePence = content.price.total.pence
            routePrices = spec.routeIDs.compactMap { route in
                content.price.perRoute[route].map { RoutePrice(code: codes[route] ?? "", pricePence: $0.pence) }
            }
            proposedRoutes = spec.routeIDs.filter(content.proposedRouteIDs.contains).compactMap { codes[$0] }
            answers = spec.questions.map { Answer(questionId: $0.id.uuidString.lowercased(), answer: content.answers[$0.id] ?? "") }
            socialValue = content.socialValue
        }
    }

    struct BidList: Encodable { let specificationId: String; let closes: Closing; let bids: [BidLine] }

    /// The calls for bids open now (no sign-in): each in the list's shape, with its public page.
    struct CallList: Encodable { let tenant: String; let calls: [Summary] }

    static func percent(_ weight: Weight) -> Double { Double(weight.basisPoints) / 100 }
}
