import Fluent
import Foundation

/// A saved scenario and its last result (both JSON text, see docs/scenario-format.md).
final class ScenarioRecord: Model, TenantOwned, @unchecked Sendable {
    static let schema = "scenarios"

    @ID(key: .id) var id: UUID?
    @Field(key: "tenant_id") var tenantID: UUID
    @Field(key: "name") var name: String
    @Field(key: "as_of_day") var asOfDay: String
    @Field(key: "spec_json") var specJSON: String
    @OptionalField(key: "result_json") var resultJSON: String?
    @OptionalField(key: "result_at") var resultAt: Date?
    @Field(key: "shared_with_partners") var sharedWithPartners: Bool
    @Field(key: "created_by") var createdBy: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?
    @Field(key: "version") var version: Int

    init() {}

    init(tenantID: UUID, name: String, asOfDay: String, specJSON: String, createdBy: String) {
        self.tenantID = tenantID
        self.name = name
        self.asOfDay = asOfDay
        self.specJSON = specJSON
        self.sharedWithPartners = false
        self.createdBy = createdBy
        self.version = 1
    }
}
