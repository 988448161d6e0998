import Foundation
import WaymarkDomain

/// The returns API's JSON bodies (snake_case on the wire, see APIJSON).
enum ReturnsAPIBodies {
    struct Summary: Encodable {
        let contractReference: String; let month: String; let dueDate: String; let status: String; let timeliness: String; let url: String
    }

    struct ReturnList: Encodable { let tenant: String; let asOf: String; let returns: [Summary] }

    struct Line: Encodable {
        let routeCode: String; let schoolDays: Int; let sessionsPlanned: Int; let chaperoneHours: Double; let counts: [String: Int]

        init(_ line: RouteReturnLine, code: String) {
            routeCode = code; schoolDays = line.schoolDays; sessionsPlanned = line.sessionsPlanned; chaperoneHours = line.chaperoneHours
            counts = Dictionary(uniqueKeysWithValues: ReturnCount.allCases.map { ($0.rawValue, line[$0]) })
        }
    }

    struct Version: Encodable {
        let number: Int; let submittedAt: String; let submittedBy: String; let channel: String
        let narrative: String; let caseStudy: String?; let lines: [Line]
    }

    struct Review: Encodable { let versionNumber: Int; let step: String; let note: String; let comments: [String: String]; let reviewedAt: String }

    struct Detail: Encodable {
        let contractId: String; let contractReference: String; let month: String; let status: String; let dueDate: String
        /// The edit version to send back with a submission.
        let version: Int
        let expectedRoutes: [ExpectedRoute]
        let versions: [Version]; let reviews: [Review]
    }

    struct ExpectedRoute: Encodable { let routeCode: String; let schoolDays: Int; let sessionsPlanned: Int }

    struct Problem: Encodable { let routeCode: String?; let field: String?; let message: String }
    struct Refusal: Encodable { let error: String; let message: String; let status: Int; let problems: [Problem] }

    /// A submission: the figures of each route by the template's column names.
    struct Submission: Decodable {
        struct Line: Decodable {
            let routeCode: String?
            let chaperoneHours: Double?
            let counts: [String: Int]?
        }
        let version: Int?
        /// True once the caller has checked text the personal-data warning flagged.
        let personalDataChecked: Bool?
        let narrative: String?
        let caseStudy: String?
        let lines: [Line]?
    }
}
