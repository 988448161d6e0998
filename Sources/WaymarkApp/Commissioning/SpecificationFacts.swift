import Fluent
import Foundation
import WaymarkDomain

/// What a specification says once it is published, whoever reads it — the signed-in page, the
/// public page and the API all start here: its routes and local authorities, the clarification
/// questions answered so far (never who asked, never the unanswered ones) and the award.
/// Bids, scores and assessors are not in it.
struct SpecificationDetails: Sendable {
    let spec: Specification
    let routes: [UUID: Route]
    let authorities: [LocalAuthority]
    let answered: [ClarificationRecord]
    let award: PublishedAward?

    /// What was known at `moment` (now by default): the questions answered by then, the award if decided.
    static func load(_ context: TenantContext, _ spec: Specification, at moment: Date? = nil) async throws -> SpecificationDetails {
        let moment = moment ?? context.now
        let routes = try await context.query(Route.self).filter(\.$id ~~ spec.routeIDs).all()
        let authorities = try await context.query(LocalAuthority.self).filter(\.$id ~~ Array(spec.localAuthorityIDs)).all()
            .sorted { $0.name < $1.name }
        let answered = try await context.query(ClarificationRecord.self).filter(\.$specificationID == spec.id)
            .filter(\.$answer != nil).sort(\.$askedAt).all()
            .filter { ($0.answeredAt ?? $0.askedAt) <= moment }
        let award = try await PublishedAward.load(context, try await BidQueries.award(context, specificationID: spec.id))
            .flatMap { $0.decidedAt <= moment ? $0 : nil }
        return SpecificationDetails(spec: spec, routes: Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0) }),
                                    authorities: authorities, answered: answered, award: award)
    }
}

/// An award as the world may know it: who won, for how much, and when.
struct PublishedAward: Sendable {
    let provider: String
    let providerID: UUID
    let price: Money?
    let decidedAt: Date

    /// "Awarded to Lanternway Youth Trust for £89,400.00 on 21 Jul 2023": the day in London, as
    /// a decision is dated (the time of day would read "on 12:00 on …").
    var text: String { "Awarded to \(provider)\(price.map { " for \($0.display)" } ?? "") on \(LondonWallTime(decidedAt).day.display)" }

    static func load(_ context: TenantContext, _ award: AwardRecord?) async throws -> PublishedAward? {
        guard let award, let bid = try await context.find(BidRecord.self, award.winningBidID),
              let organisation = try await context.find(Organisation.self, bid.providerOrganisationID) else { return nil }
        let versions = try await context.query(BidVersionRecord.self).filter(\.$bidID == bid.id!).all()
        let spec = try await context.find(SpecificationRecord.self, award.specificationID)?.specification
        let price = try spec.flatMap { try bid.bid(versions: versions).counted(closesAt: $0.closesAt)?.content.price.total }
        return PublishedAward(provider: organisation.name, providerID: organisation.id!, price: price, decidedAt: award.decidedAt)
    }

    /// Every award of the tenant, by specification, for lists.
    static func bySpecification(_ context: TenantContext) async throws -> [UUID: PublishedAward] {
        var awards: [UUID: PublishedAward] = [:]
        for record in try await context.query(AwardRecord.self).all() { awards[record.specificationID] = try await load(context, record) }
        return awards
    }
}

/// The details in words, for the pages: the same sections on the signed-in page and the public
/// one (`commissioning/specification-facts.leaf`).
struct SpecificationFacts: Encodable {
    struct Answered: Encodable { let question: String; let answer: String; let answeredOn: String }

    let title: String; let status: String; let statusTag: String
    /// "Open for bids until …" or "Bids closed at …"; `closing` is the bare "12:00 on 30 Jun 2023", UK time.
    let deadline: String; let closing: String
    /// Nil when the commissioner gave no background (an empty string reads as true in Leaf).
    let context: String?
    let servicesRequired: String; let authorities: String
    let servicePeriod: String; let goLive: String; let termTime: String
    let totalValue: String; let split: String; let pricing: String; let routes: [SpecificationDisplay.RouteLine]
    let criteria: String; let formula: String; let questions: [SpecificationDisplay.QuestionLine]; let scale: [String]
    let kpis: [String]; let attachments: [String]
    let answered: [Answered]; let awardText: String?

    init(_ details: SpecificationDetails, now: Date) {
        let spec = details.spec, status = spec.status(at: now)
        title = spec.title
        self.status = status.displayName
        statusTag = SpecificationDisplay.tag(status)
        deadline = SpecificationDisplay.deadline(spec, now: now)
        closing = spec.closing.display
        context = spec.context.isEmpty ? nil : spec.context
        servicesRequired = spec.servicesRequired
        authorities = details.authorities.map(\.name).joined(separator: ", ")
        servicePeriod = spec.servicePeriod.display
        goLive = spec.goLive.display
        termTime = spec.termTimeDelivery ? "Yes: school days only" : "No: all year"
        totalValue = spec.totalValue.display
        split = SpecificationDisplay.splitText(spec)
        pricing = SpecificationDisplay.pricingText(spec.pricing)
        routes = SpecificationDisplay.routeLines(spec, routes: details.routes)
        criteria = SpecificationDisplay.criteriaText(spec.criteria)
        formula = spec.criteria.priceFormula.displayName
        questions = SpecificationDisplay.questionLines(spec)
        scale = spec.scale.labels.enumerated().map { "\($0.offset): \($0.element)" }
        kpis = spec.kpis
        attachments = spec.attachments
        answered = details.answered.map {
            Answered(question: $0.question, answer: $0.answer ?? "", answeredOn: $0.answeredAt?.londonDisplay ?? "")
        }
        awardText = details.award?.text
    }
}
