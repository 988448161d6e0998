import Fluent
import Foundation
import WaymarkDomain

/// Writes `DemoCommissioning`'s story into the demo tenant, through the domain's rules.
struct DemoCommissioningLoader {
    let context: TenantContext

    init(tenant: Tenant, db: any Database) {
        context = .system(tenant: tenant, db: db, job: "demo@waymark")
    }

    struct StoryBroken: Error, CustomStringConvertible { let description: String }

    func load() async throws {
        let db = context.db, tenantID = context.tenantID
        let routes = try await context.query(Route.self).filter(\.$code ~~ ["WLV-01", "WLV-02"]).sort(\.$code).all()
        guard routes.count == 2, let authority = routes.first?.localAuthorityID else { throw StoryBroken(description: "WLV-01 and WLV-02 are missing") }
        let schedules = try await RouteSchedules.build(context, routes: routes)
        let period = DemoCommissioning.servicePeriod
        let costs = Dictionary(uniqueKeysWithValues: routes.compactMap { route in schedules[route.id!]?.cost(in: period).map { (route.id!, $0) } })
        let spec = DemoCommissioning.specification(routeIDs: routes.map { $0.id! }, authorityID: authority, costs: costs)
        try check(SpecificationRules.problems(spec).map(\.message))

        let people = try await Person.query(on: db).all()
        func person(_ email: String) throws -> UUID {
            guard let id = people.first(where: { $0.email == email })?.id else { throw StoryBroken(description: "\(email) is missing") }
            return id
        }
        let organisations = try await context.query(Organisation.self).all()
        func organisation(_ name: String) throws -> UUID {
            guard let id = organisations.first(where: { $0.name == name })?.id else { throw StoryBroken(description: "\(name) is missing") }
            return id
        }
        let commissioner = try person("amara.okafor@wmvrp.example")
        let record = try SpecificationRecord(tenantID: tenantID, specification: spec, createdBy: "Amara Okafor <amara.okafor@wmvrp.example>",
                                             at: DemoCommissioning.instant("2023-05-10T10:00:00Z"))
        record.publishedAt = DemoCommissioning.instant("2023-05-15T09:00:00Z")
        record.evaluationBeganAt = DemoCommissioning.instant("2023-06-19T09:30:00Z")
        record.awardedAt = DemoCommissioning.awardedAt
        try await record.create(on: db)

        let question = ClarificationRecord(tenantID: tenantID, specificationID: spec.id,
                                           question: "May a bid propose to serve only one of the two routes?",
                                           organisationID: try organisation("Kestrel Youth Outreach"),
                                           personID: try person("dwayne.campbell@kestrelyouth.example"),
                                           at: DemoCommissioning.instant("2023-05-22T13:30:00Z"))
        question.answer = "Yes. A bid may propose either route or both; its price is then for the routes it proposes, and the value split shows each route's part."
        question.answeredBy = "Amara Okafor <amara.okafor@wmvrp.example>"
        question.answeredAt = DemoCommissioning.instant("2023-05-24T10:00:00Z")
        try await question.create(on: db)

        var bids: [Bid] = []
        for demo in DemoCommissioning.bids {
            let content = BidContent(answers: Dictionary(uniqueKeysWithValues: zip(spec.questions.map(\.id), demo.answers)),
                                     price: BidPrice(total: demo.price), proposedRouteIDs: Set(spec.routeIDs), socialValue: demo.socialValue)
            var bid = Bid(specificationID: spec.id, providerOrganisationID: try organisation(demo.organisation))
            // Lanternway resubmitted: the first version is kept, the last one counts.
            if demo.organisation == "Lanternway Youth Trust" {
                var first = content
                first.price = BidPrice(total: Money(pounds: 90_100))
                bid = bid.submitting(first, at: DemoCommissioning.instant("2023-06-09T15:20:00Z"), by: try person(demo.submitter))
            }
            bid = bid.submitting(content, at: demo.submittedAt, by: try person(demo.submitter))
            try check(BidRules.contentProblems(content, for: spec).map(\.message))
            let row = BidRecord(tenantID: tenantID, specificationID: spec.id, providerOrganisationID: bid.providerOrganisationID, at: bid.versions[0].submittedAt)
            row.id = bid.id
            try await row.create(on: db)
            for version in bid.versions { try await BidVersionRecord(tenantID: tenantID, bidID: bid.id, version: version).create(on: db) }
            bids.append(bid)
        }
        try await evaluate(spec: spec, bids: bids, person: person, organisation: organisation, commissioner: commissioner)
    }

    private func evaluate(spec: Specification, bids: [Bid], person: (String) throws -> UUID, organisation: (String) throws -> UUID,
                          commissioner: UUID) async throws {
        let db = context.db, tenantID = context.tenantID
        let declaredAt = DemoCommissioning.instant("2023-06-19T09:00:00Z")
        let conflicted = (try person(DemoCommissioning.conflicted.assessor), try organisation(DemoCommissioning.conflicted.organisation))
        for email in DemoCommissioning.assessors {
            let assessor = try person(email)
            try await PanelAssessorRecord(tenantID: tenantID, specificationID: spec.id, personID: assessor,
                                          assignedBy: "Amara Okafor <amara.okafor@wmvrp.example>", at: DemoCommissioning.instant("2023-06-16T13:00:00Z")).create(on: db)
            for bid in bids {
                let isConflict = (assessor, bid.providerOrganisationID) == conflicted
                try await ConflictDeclarationRecord(tenantID: tenantID, specificationID: spec.id, declaration: ConflictDeclaration(
                    assessorID: assessor, bidderID: bid.providerOrganisationID, conflicted: isConflict,
                    reason: isConflict ? DemoCommissioning.conflicted.reason : "", declaredAt: declaredAt)).create(on: db)
            }
        }
        var agreed: [ModeratedScore] = []
        var forScoring: [BidForScoring] = []
        for (bid, demo) in zip(bids, DemoCommissioning.bids) {
            for (index, item) in spec.scoredItems.enumerated() {
                let score = demo.agreed[index]
                for (offset, email) in DemoCommissioning.assessors.enumerated() {
                    let assessor = try person(email)
                    if (assessor, bid.providerOrganisationID) == conflicted { continue }
                    // The two assessors differ by a point now and then; moderation settles it.
                    let own = max(0, min(5, score + ((index + offset) % 3 == 0 ? offset : 0)))
                    try await AssessorScoreRecord(tenantID: tenantID, specificationID: spec.id, score: AssessorScore(
                        assessorID: assessor, bidID: bid.id, item: item, score: own,
                        justification: "Scored \(own): \(ScoringScale.zeroToFive.label(of: own) ?? "")",
                        scoredAt: DemoCommissioning.instant("2023-06-2\(2 + offset)T14:00:00Z"))).create(on: db)
                }
                let moderated = ModeratedScore(bidID: bid.id, item: item, score: score,
                                               note: "The panel agreed \(score): \(ScoringScale.zeroToFive.label(of: score) ?? "")",
                                               moderatedBy: commissioner, moderatedAt: DemoCommissioning.instant("2023-06-28T11:00:00Z"))
                agreed.append(moderated)
                try await ModeratedScoreRecord(tenantID: tenantID, specificationID: spec.id, moderated: moderated).create(on: db)
            }
            if let scoring = BidForScoring(bid: bid, providerName: demo.organisation, closesAt: spec.closesAt) {
                forScoring.append(scoring)
            }
        }
        guard case .ranked(let ranking) = Scoring.rank(forScoring, agreed: agreed, for: spec), let first = ranking.first else {
            throw StoryBroken(description: "the demo bids cannot be ranked")
        }
        let decision = AwardDecision(specificationID: spec.id, winningBidID: first.evaluation.bid.bidID,
                                     reasons: "Lanternway Youth Trust ranked first with the strongest local networks, spaces on both routes and an established safeguarding link with the schools, at a price within the budget.",
                                     decidedBy: commissioner, decidedAt: DemoCommissioning.awardedAt)
        var inEvaluation = spec
        inEvaluation.status = .inEvaluation
        try check(AwardRules.problems(decision, for: inEvaluation, ranking: ranking).map(\.message))
        try await AwardRecord(tenantID: tenantID, decision: decision).create(on: db)
        try await makeContract(spec: spec, decision: decision, bid: bids.first { $0.id == decision.winningBidID }!)
    }

    private func makeContract(spec: Specification, decision: AwardDecision, bid: Bid) async throws {
        let db = context.db, tenantID = context.tenantID
        let source = try await context.query(FundingSourceRecord.self).filter(\.$programme == "Step Together 2023/24").first()
        let price = bid.counted(closesAt: spec.closesAt)?.content.price.total ?? .zero
        let links = source.map { [FundingLink(sourceID: $0.id!, amount: price)] } ?? []
        guard let contract = Contract.fromAward(decision, bid: bid, specification: spec, fundingLinks: links) else {
            throw StoryBroken(description: "the award makes no contract")
        }
        try check(ContractRules.problems(contract).map(\.message))
        try await ContractRecord(tenantID: tenantID, reference: DemoCommissioning.contractReference,
                                 title: "Step Together chaperones, Wolverhampton 2023 to 2024", contract: contract,
                                 createdBy: "Amara Okafor <amara.okafor@wmvrp.example>", at: DemoCommissioning.instant("2023-07-10T10:00:00Z"),
                                 signedOn: Day(decision.decidedAt, in: London.timeZone)).create(on: db)
        let schedules = try await RouteSchedules.build(context, routes: try await context.query(Route.self).filter(\.$id ~~ spec.routeIDs).all())
        let schoolDays = Set(schedules.values.flatMap(\.days))
        for line in PaymentSchedule.quarterlyInArrears(for: contract, weighting: .schoolDays(schoolDays)) ?? [] {
            try await PaymentLineRecord(tenantID: tenantID, contractID: contract.id, line: line).create(on: db)
        }
    }

    private func check(_ problems: [String]) throws {
        if !problems.isEmpty { throw StoryBroken(description: problems.joined(separator: "; ")) }
    }
}
