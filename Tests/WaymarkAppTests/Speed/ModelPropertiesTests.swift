import FluentKit
import XCTest
@testable import WaymarkApp

/// Every model lists its fields by hand (`ModelProperties.swift`) so that Fluent need not
/// reflect on each row; each list must be exactly the fields reflection finds, in order, or a
/// field would silently go unread and unwritten.
final class ModelPropertiesTests: XCTestCase {
    static let models: [any Model.Type] = [
        InboxMessage.self, OutboxEmail.self, AlertKey.self, RouteAlertState.self, AuditChainCheck.self, AuditEntry.self,
        APIToken.self, Person.self, SignInAttempt.self, WebSession.self, LocalAuthority.self, TermCalendarRecord.self,
        TermPeriod.self, Area.self, School.self, BidRecord.self, BidVersionRecord.self, ContractRecord.self,
        ContractVariationRecord.self, PaymentLineRecord.self, PanelAssessorRecord.self, ConflictDeclarationRecord.self,
        AssessorScoreRecord.self, ModeratedScoreRecord.self, AwardRecord.self, SpecificationRecord.self,
        ClarificationRecord.self, ForecastScenarioRecord.self, FundingSourceRecord.self, FundingStatusChange.self,
        AllocationRecord.self, Pledge.self, Job.self, Invitation.self, MonthlyReturnRecord.self, ReturnVersionRecord.self,
        ReturnReviewRecord.self, Route.self, RouteSchool.self, RouteCostRecord.self, FeedbackMessage.self,
        Organisation.self, Membership.self, Tenant.self,
    ]

    /// The database keys of a model's fields, as listed and as reflection finds them.
    func keys(_ type: any Model.Type) -> (listed: [[FieldKey]], reflected: [[FieldKey]]) {
        let model = type.init()
        let listed = model.properties.compactMap { ($0 as? any AnyDatabaseProperty)?.keys }
        let reflected = Mirror(reflecting: model).children.compactMap { ($0.value as? any AnyDatabaseProperty)?.keys }
        return (listed, reflected)
    }

    func testEveryModelListsExactlyTheFieldsReflectionFinds() {
        for type in Self.models {
            let (listed, reflected) = keys(type)
            XCTAssertFalse(reflected.isEmpty, "\(type)")
            XCTAssertEqual(listed, reflected, "\(type): the listed fields must be the declared ones, in order")
        }
    }

    func testEveryModelInTheAppIsListedHere() throws {
        // Each model's schema is a table the migrations create; a model missing from the list
        // above would still work, through reflection, but slowly: keep the two lists together.
        let schemas = Set(Self.models.map { $0.schema })
        XCTAssertEqual(schemas.count, Self.models.count, "one model per table")
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/WaymarkApp")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        var declared: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            declared += text.matches(of: try Regex(#"final class (\w+): Model\b"#)).map { String($0.output[1].substring!) }
        }
        XCTAssertEqual(Set(declared), Set(Self.models.map { String(describing: $0) }))
    }
}
