import Fluent
import Foundation
import WaymarkDomain

/// The tenant's audit entries as the read rule lets a person read them (`ReadableRow.auditEntry`):
/// the bid seal holds in the log too, so the entries about a bid (submitted, withdrawn, read)
/// are left out until its specification's deadline has passed, and who asked a clarification
/// question is never shown (docs/roles.md), here as everywhere.
struct AuditReading: Sendable {
    /// Bids whose entries the person may not read yet, as the log names them.
    let sealedBidIDs: [String]

    static let askerWithheld = "A provider (who asks is never shown)"

    static func of(_ context: TenantContext) async throws -> AuditReading {
        let specs = try await context.query(SpecificationRecord.self).all()
        let sealedSpecs = specs.filter { !context.mayRead(.auditEntry(.bid(deadlinePassed: context.now >= $0.closesAt))) }
            .compactMap(\.id)
        guard !sealedSpecs.isEmpty else { return AuditReading(sealedBidIDs: []) }
        let bids = try await context.query(BidRecord.self).filter(\.$specificationID ~~ sealedSpecs).all()
        return AuditReading(sealedBidIDs: bids.compactMap { $0.id?.uuidString })
    }

    /// The chain's entries, less the sealed ones, filtered in the database so pages stay whole.
    func entries(_ query: QueryBuilder<AuditEntry>) -> QueryBuilder<AuditEntry> {
        guard !sealedBidIDs.isEmpty else { return query }
        return query.group(.or) { either in
            either.filter(\.$entity != "bid").filter(\.$entityID !~ sealedBidIDs)
        }
    }

    /// Who the entry says acted, unless that must not be shown.
    static func actor(of entry: AuditEntry) -> String {
        entry.action == "clarification.asked" ? askerWithheld : entry.actorLabel
    }
}
