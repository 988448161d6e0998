import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// Finding specifications as the asker may see them: commissioners every one, everyone else
/// only those that have been published (a draft, or one cancelled before publishing, answers
/// "not found" to them, as if it did not exist).
enum SpecificationQueries {
    /// A specification as it stood at the moment it was read: `spec.status` is its status then.
    struct Found {
        let record: SpecificationRecord
        let spec: Specification
        var status: SpecificationStatus { spec.status }

        init(record: SpecificationRecord, status: SpecificationStatus) throws {
            self.record = record
            var spec = try record.specification
            spec.status = status
            self.spec = spec
        }
    }

    /// Its status at `moment`, if the context may see it then: commissioners from when it was
    /// written, everyone else from when it was published.
    static func status(_ record: SpecificationRecord, at moment: Date, to context: TenantContext) -> SpecificationStatus? {
        let timeline = record.timeline
        guard let status = timeline.status(at: moment) else { return nil }
        let published = timeline.published.map { $0 <= moment } == true
        // The public (no organisation in the tenant) reads what the commissioners publish.
        if context.reader.organisations.isEmpty {
            return PublicationRule.allows(.specification(published: published, record.publicationChoice), asOf: Day(moment, in: London.timeZone))
                ? status : nil
        }
        return context.mayRead(.specification(published: published)) ? status : nil
    }

    /// The specification as it stood at `moment` (now, unless a page reads another day).
    static func find(_ context: TenantContext, id text: String?, at moment: Date? = nil) async throws -> Found {
        guard let record = try await context.find(SpecificationRecord.self, text.flatMap(UUID.init(uuidString:))),
              let status = status(record, at: moment ?? context.now, to: context) else { throw WaymarkError.notFound }
        return try Found(record: record, status: status)
    }

    static func list(_ context: TenantContext, at moment: Date) async throws -> [Found] {
        try await context.query(SpecificationRecord.self).sort(\.$closesAt, .descending).all()
            .compactMap { record in
                try status(record, at: moment, to: context).map { try Found(record: record, status: $0) }
            }
    }

    /// Route ids to "WLV-01 City Centre: …" for messages and pages (every route of the tenant:
    /// a specification's routes are public once it is published).
    static func routeNames(_ context: TenantContext) async throws -> [UUID: String] {
        let routes = try await context.query(Route.self).all()
        return Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0.code) })
    }

    /// The tenant's routes by id, for lists that name each specification's routes.
    static func routes(_ context: TenantContext) async throws -> [UUID: Route] {
        Dictionary(uniqueKeysWithValues: try await context.query(Route.self).all().map { ($0.id!, $0) })
    }

    /// The organisations the person bids through: those they are a provider in.
    static func providerOrganisations(_ context: TenantContext) -> [Organisation] {
        context.organisations(as: .provider)
    }
}

/// Bids with their submissions, and the panel of a specification.
enum BidQueries {
    struct Loaded {
        let record: BidRecord
        let bid: Bid
    }

    static func bids(_ context: TenantContext, specificationID: UUID) async throws -> [Loaded] {
        let records = try await context.query(BidRecord.self).filter(\.$specificationID == specificationID).all()
        guard !records.isEmpty else { return [] }
        let versions = try await context.query(BidVersionRecord.self).filter(\.$bidID ~~ records.map { $0.id! }).all()
        return try records.map { Loaded(record: $0, bid: try $0.bid(versions: versions)) }
    }

    static func bid(_ context: TenantContext, specificationID: UUID, organisationID: UUID) async throws -> Loaded? {
        guard let record = try await context.query(BidRecord.self).filter(\.$specificationID == specificationID)
            .filter(\.$providerOrganisationID == organisationID).first() else { return nil }
        let versions = try await context.query(BidVersionRecord.self).filter(\.$bidID == record.id!).all()
        return Loaded(record: record, bid: try record.bid(versions: versions))
    }

    /// The bidders whose bids count (a submission in time, not withdrawn): the organisations
    /// assessors declare for and the seal keeps apart.
    static func countedBidders(_ bids: [Loaded], spec: Specification) -> Set<UUID> {
        Set(bids.filter { $0.bid.counted(closesAt: spec.closesAt) != nil }.map(\.bid.providerOrganisationID))
    }

    static func panel(_ context: TenantContext, specificationID: UUID) async throws -> EvaluationPanel {
        let assessors = try await context.query(PanelAssessorRecord.self).filter(\.$specificationID == specificationID).all()
        let declarations = try await context.query(ConflictDeclarationRecord.self)
            .filter(\.$specificationID == specificationID).sort(\.$declaredAt).all()
        return EvaluationPanel(specificationID: specificationID, assessorIDs: Set(assessors.map(\.personID)),
                               declarations: declarations.map(\.declaration))
    }

    static func award(_ context: TenantContext, specificationID: UUID) async throws -> AwardRecord? {
        try await context.query(AwardRecord.self).filter(\.$specificationID == specificationID).first()
    }

    static func moderated(_ context: TenantContext, specificationID: UUID) async throws -> [ModeratedScore] {
        try await context.query(ModeratedScoreRecord.self).filter(\.$specificationID == specificationID)
            .sort(\.$moderatedAt).all().compactMap(\.moderatedScore)
    }

    static func assessorScores(_ context: TenantContext, specificationID: UUID) async throws -> [AssessorScore] {
        try await context.query(AssessorScoreRecord.self).filter(\.$specificationID == specificationID)
            .sort(\.$scoredAt).all().compactMap(\.assessorScore)
    }

    /// The seal's view of the person asking (`BidAccess.decide`).
    static func reader(_ context: TenantContext, panel: EvaluationPanel, bidders: Set<UUID>) -> BidReader {
        BidReader(roles: context.roles, organisationIDs: Set(context.memberships.map(\.organisationID)),
                  isOperator: context.person.isOperator, panel: panel.standing(of: context.personID, among: bidders))
    }
}
