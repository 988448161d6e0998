import Fluent
import Foundation
import WaymarkDomain

extension FundingSourceImport {
    /// Writes a validated plan inside the caller's transaction, so the file lands whole or
    /// not at all. Each status step goes through `FundingStatusChanging`, the one place a
    /// status moves, which records who moved it, when, and the day it took effect.
    static func apply(_ changes: [Change], _ context: TenantContext) async throws {
        let now = context.now
        for change in changes {
            guard let record = change.existing, let before = change.before else {
                // A new source starts at its first step and takes each later one on its day.
                var first = change.source
                first.status = change.steps.first?.status ?? change.source.status
                let record = try await FundingSourceRecord.insert(first, funderID: change.funderID, conditions: change.conditions,
                                                                  documents: change.documents, in: context, at: now,
                                                                  effective: change.steps.first?.day)
                for step in change.steps.dropFirst() {
                    try await FundingStatusChanging.move(record, to: step.status, in: context, at: now, effective: step.day)
                }
                try await context.audit("funding_source.imported", "funding_source", record.id!.uuidString, after: change.after)
                continue
            }
            guard before != change.after || !change.steps.isEmpty else { continue }
            record.assign(change.source, funderID: change.funderID, conditions: change.conditions, documents: change.documents)
            if change.steps.isEmpty {
                // Claiming the row refuses an edit form opened before the import.
                try await VersionGuard.claim(table: FundingSourceRecord.schema, id: record.id!, expected: record.version, on: context.db)
                record.version += 1
                try await record.save(on: context.db)
            }
            for step in change.steps {
                try await FundingStatusChanging.move(record, to: step.status, in: context, at: now, effective: step.day)
            }
            try await context.audit("funding_source.updated_by_import", "funding_source", record.id!.uuidString,
                                    before: before, after: change.after)
        }
    }
}
