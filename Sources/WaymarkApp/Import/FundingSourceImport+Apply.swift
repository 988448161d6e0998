import Fluent
import Foundation
import WaymarkDomain

extension FundingSourceImport {
    /// Writes a validated plan inside the caller's transaction, so the file lands whole or
    /// not at all. A changed status goes through `FundingStatusChanging`, the one place a
    /// status moves, which records who moved it and when.
    static func apply(_ changes: [Change], _ context: TenantContext) async throws {
        let now = Date()
        for change in changes {
            guard let record = change.existing, let before = change.before else {
                let record = try await FundingSourceRecord.insert(change.source, funderID: change.funderID, conditions: change.conditions,
                                                                  documents: change.documents, in: context, at: now)
                try await context.audit("funding_source.imported", "funding_source", record.id!.uuidString, after: change.after)
                continue
            }
            guard before != change.after else { continue }
            record.assign(change.source, funderID: change.funderID, conditions: change.conditions, documents: change.documents)
            if change.source.status != record.sourceStatus {
                try await FundingStatusChanging.move(record, to: change.source.status, in: context, at: now)
            } else {
                // Claiming the row refuses an edit form opened before the import.
                try await VersionGuard.claim(table: FundingSourceRecord.schema, id: record.id!, expected: record.version, on: context.db)
                record.version += 1
                try await record.save(on: context.db)
            }
            try await context.audit("funding_source.updated_by_import", "funding_source", record.id!.uuidString,
                                    before: before, after: change.after)
        }
    }
}
