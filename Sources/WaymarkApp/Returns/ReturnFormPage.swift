import Foundation
import Vapor
import WaymarkDomain

/// The return's web form: a group of figures per route, the narrative and case study, and
/// the personal-data warning that must be acknowledged before text that looks like it holds
/// a name, address, phone number, email or date of birth is saved.
struct ReturnFormPage: Encodable, Sendable {
    struct Input: Encodable, Sendable { let id: String; let name: String; let label: String; let value: String; let error: String?; let decimal: Bool }
    struct RouteGroup: Encodable, Sendable { let legend: String; let hint: String; let id: String; let error: String?; let inputs: [Input] }

    let caption: String
    let heading: String
    let action: String
    let cancelHref: String
    let version: Int
    let routes: [RouteGroup]
    let narrative: String
    let caseStudy: String
    let narrativeError: String?
    let caseStudyError: String?

    static func build(_ context: TenantContext, _ file: ReturnFile, values: ReturnFormValues,
                      problems: [ReturnProblem] = [], flagged: [FieldError] = []) -> ReturnFormPage {
        let slug = context.tenant.slug, contractID = file.contract.id!.uuidString, month = file.month.description
        var errors: [String: String] = [:]
        for problem in problems { errors[ReturnFormValues.anchor(problem, file: file)] = errors[ReturnFormValues.anchor(problem, file: file)] ?? problem.message }
        for error in flagged where errors[error.field] == nil { errors[error.field] = error.message }
        let groups = file.expectation.routes.map { route -> RouteGroup in
            let typed = values.lines[route.code] ?? [:]
            let inputs = ReturnFormValues.columns.map { column -> Input in
                let id = ReturnFormValues.fieldID(code: route.code, column: column)
                let label = ReturnCount(rawValue: column)?.label ?? "Chaperone hours"
                return Input(id: id, name: "lines[\(route.code)][\(column)]", label: label, value: typed[column] ?? "",
                             error: errors[id], decimal: column == "chaperone_hours")
            }
            return RouteGroup(legend: "\(route.code) \(file.routeNames[route.routeID] ?? "")",
                              hint: "\(route.schoolDays) school days from the calendar, so \(route.schoolDays * RouteReturnLine.sessionsPerSchoolDay) sessions planned. Leave a figure blank for none.",
                              id: "route-\(route.code)", error: errors["lines"], inputs: inputs)
        }
        return ReturnFormPage(
            caption: "\(file.contract.reference) · \(file.providerName)",
            heading: "Monthly return: \(file.month.longDisplay)",
            action: SiteMap.Tenant.returnForm.path(slug, contractID, month),
            cancelHref: SiteMap.Tenant.monthlyReturn.path(slug, contractID, month),
            version: values.version, routes: groups, narrative: values.narrative, caseStudy: values.caseStudy,
            narrativeError: errors["narrative"], caseStudyError: errors["case_study"])
    }

    /// The field errors for the layout's error summary, each linking to its input.
    static func fieldErrors(_ problems: [ReturnProblem], file: ReturnFile) -> [FieldError] {
        problems.map { FieldError(field: ReturnFormValues.anchor($0, file: file), message: $0.message) }
    }
}
