import Foundation
import Vapor
import WaymarkDomain

/// The return's web form as typed: every figure kept as text so a refused form comes back
/// exactly as it was sent, and read into the domain's `ReturnContent`.
///
/// Fields are `lines[ROUTE-CODE][column]`, the column being the template's heading, so the
/// form, the upload and the API name each figure the same way.
struct ReturnFormValues: Sendable {
    struct Sent: Content {
        var lines: [String: [String: String]]?
        var narrative: String?
        var case_study: String?
        var version: Int?
        var action: String?
    }

    /// Typed text by route code, then column.
    var lines: [String: [String: String]]
    var narrative: String
    var caseStudy: String
    var version: Int
    var submitting: Bool

    /// The figures a provider types, in the form's order: hours, then every count.
    static let columns: [String] = ["chaperone_hours"] + ReturnCount.allCases.map(\.rawValue)

    init(_ req: Request) throws {
        let sent = try req.content.decode(Sent.self)
        lines = sent.lines ?? [:]
        narrative = sent.narrative ?? ""
        caseStudy = sent.case_study ?? ""
        version = sent.version ?? 0
        submitting = sent.action == "submit"
    }

    /// Figures as the API sends them, read by the same rules as the form.
    init(lines: [String: [String: String]], narrative: String, caseStudy: String, version: Int) {
        self.lines = lines
        self.narrative = narrative
        self.caseStudy = caseStudy
        self.version = version
        submitting = true
    }

    /// The form filled from stored content (blank where a count is nought and never typed).
    init(_ content: ReturnContent, file: ReturnFile) {
        var lines: [String: [String: String]] = [:]
        for line in content.lines {
            var values: [String: String] = [:]
            if line.chaperoneHours != 0 { values["chaperone_hours"] = ReturnRules.format(line.chaperoneHours) }
            for (count, value) in line.counts { values[count.rawValue] = String(value) }
            lines[file.code(line.routeID)] = values
        }
        self.lines = lines
        narrative = content.narrative
        caseStudy = content.caseStudy ?? ""
        version = file.editVersion
        submitting = false
    }

    /// The content as typed, and every problem with it at once: figures that are not numbers
    /// (read as nought in the content), and, when it is to be submitted, what `ReturnRules` says
    /// of the rest. School days come from the calendar whatever the form says; a blank figure is
    /// nought. It is saved only when there are no problems.
    func judged(for file: ReturnFile, submitting: Bool) -> (content: ReturnContent, problems: [ReturnProblem]) {
        var problems: [ReturnProblem] = []
        var result: [RouteReturnLine] = []
        for route in file.expectation.routes {
            let typed = lines[route.code] ?? [:]
            var line = RouteReturnLine(routeID: route.routeID, schoolDays: route.schoolDays)
            for count in ReturnCount.allCases {
                let raw = typed[count.rawValue]?.trimmingCharacters(in: .whitespaces) ?? ""
                guard !raw.isEmpty else { continue }
                guard let value = Int(raw.replacingOccurrences(of: ",", with: "")) else {
                    problems.append(ReturnProblem(routeID: route.routeID, field: .count(count),
                                                  message: "\(route.code): \(count.label) must be a whole number, like 12"))
                    continue
                }
                line[count] = value
            }
            let hours = typed["chaperone_hours"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if !hours.isEmpty {
                if let value = Double(hours), value.isFinite { line.chaperoneHours = value } else {
                    problems.append(ReturnProblem(routeID: route.routeID, field: .chaperoneHours,
                                                  message: "\(route.code): chaperone hours must be a number, like 37.5"))
                }
            }
            result.append(line)
        }
        let caseStudy = self.caseStudy.trimmingCharacters(in: .whitespacesAndNewlines)
        let content = ReturnContent(month: file.month, lines: result, narrative: narrative.trimmingCharacters(in: .whitespacesAndNewlines),
                                    caseStudy: caseStudy.isEmpty ? nil : caseStudy)
        if submitting {
            // A figure that could not be read already says so; the rules would only judge its nought.
            let unread = Set(problems.map { UnreadFigure(routeID: $0.routeID, field: $0.field) })
            problems += ReturnRules.problems(content, expected: file.expectation)
                .filter { !unread.contains(UnreadFigure(routeID: $0.routeID, field: $0.field)) }
        }
        return (content, problems)
    }

    private struct UnreadFigure: Hashable { let routeID: UUID?; let field: ReturnProblem.Field }

    /// The id of a figure's input: "WLV-01-sessions_delivered".
    static func fieldID(code: String, column: String) -> String { "\(code)-\(column)" }

    /// Where an error summary link lands for a problem.
    static func anchor(_ problem: ReturnProblem, file: ReturnFile) -> String {
        switch problem.field {
        case .narrative: return "narrative"
        case .caseStudy: return "case_study"
        case .month: return "due"
        default:
            guard let routeID = problem.routeID, file.routeCodes[routeID] != nil else { return "lines" }
            let column = problem.field.column.flatMap { columns.contains($0) ? $0 : nil } ?? columns[1]
            return fieldID(code: file.code(routeID), column: column)
        }
    }
}
