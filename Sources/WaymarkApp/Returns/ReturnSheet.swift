import Foundation
import WaymarkDomain

/// A return as a spreadsheet: the template (one row per route, pre-filled with what the
/// calendar decides) and the reading of an uploaded CSV or .xlsx back into a return. The
/// whole file is checked: any problem, and nothing changes; every problem is listed with its
/// row and column.
enum ReturnSheet {
    static let headers: [String] = ["contract_reference", "month", "route_code", "route_name", "school_days", "sessions_planned"]
        + ReturnFormValues.columns + ["incidents_total", "referrals_total", "narrative", "case_study"]

    /// One row per route the return covers; the figures left for the provider.
    static func templateRows(_ file: ReturnFile) -> [[String]] {
        file.expectation.routes.map { route in
            [file.contract.reference, file.month.description, route.code, file.routeNames[route.routeID] ?? "",
             String(route.schoolDays), String(route.schoolDays * RouteReturnLine.sessionsPerSchoolDay)]
                + Array(repeating: "", count: ReturnFormValues.columns.count + 4)
        }
    }

    static func templateName(_ file: ReturnFile, ext: String) -> String {
        "\(ContractsController.fileSafe(file.contract.reference))-return-\(file.month.description).\(ext)"
    }

    /// The return an uploaded table holds, or every problem with it. `narrative` is the one
    /// typed beside the upload: it comes first, before what the file's rows say.
    static func read(_ table: TabularTable, file: ReturnFile, narrative typed: String) -> Result<ReturnContent, ImportIssues> {
        do { try table.requireColumns(requiredColumns) } catch let error as TabularError {
            return .failure(ImportIssues(issues: [.file(error.message)]))
        } catch { return .failure(ImportIssues(issues: [.file("The file could not be read")])) }
        return read(table.rows, target: file.target, narrative: typed)
    }

    /// Every figure column must be there; the rest of the template's are optional.
    static let requiredColumns = ["route_code"] + ReturnFormValues.columns

    /// The rows of one return (a contract and month), read and checked.
    static func read(_ rows: [TabularRow], target file: ReturnTarget, narrative typed: String) -> Result<ReturnContent, ImportIssues> {
        var issues: [ImportIssue] = []
        var lines: [RouteReturnLine] = []
        var rowOf: [UUID: Int] = [:]
        var stated: [(RouteReturnLine, String, ReturnRules.StatedFigures)] = []
        let byCode = Dictionary(file.expectation.routes.map { ($0.code.uppercased(), $0) }, uniquingKeysWith: { first, _ in first })
        // A return has one narrative and one case study; a file may write them on any route's
        // row. Nothing is dropped: each row's text is kept, under its route's code when more
        // than one row has some, and checked (length, personal data) as a whole.
        var narratives: [(code: String, text: String)] = []
        var caseStudies: [(code: String, text: String)] = []
        for row in rows {
            var reader = RowReader(row)
            if let reference = reader.text("contract_reference"), reference != file.contractReference {
                reader.fail("contract_reference", "This file is for contract \(reference), not \(file.contractReference)")
            }
            if let month = reader.text("month"), CalendarMonth(iso: month) != file.month {
                reader.fail("month", "'\(month)' is not this return's month, \(file.month.description)")
            }
            let code = reader.text("route_code", required: true)
            var line: RouteReturnLine?
            if let code {
                if let route = byCode[code.uppercased()] {
                    line = RouteReturnLine(routeID: route.routeID, schoolDays: route.schoolDays)
                } else {
                    reader.fail("route_code", "\(code) is not one of this contract's routes in \(file.month.longDisplay)")
                }
            }
            for count in ReturnCount.allCases {
                if let value = reader.int(count.rawValue, range: Int.min / 2...Int.max / 2) { line?[count] = value }
            }
            if let hours = reader.double("chaperone_hours", range: -1_000_000...1_000_000) { line?.chaperoneHours = hours }
            let figures = ReturnRules.StatedFigures(
                sessionsPlanned: reader.int("sessions_planned", range: 0...1_000), incidentsTotal: reader.int("incidents_total", range: 0...1_000_000),
                referralsTotal: reader.int("referrals_total", range: 0...1_000_000))
            if let days = reader.int("school_days", range: 0...31), let line, days != line.schoolDays {
                reader.fail("school_days", "School days come from the term calendar: \(line.schoolDays) for \(code ?? ""), not \(days)")
            }
            if let text = reader.text("narrative", maxLength: ReturnRules.narrativeLimit + 1_000) { narratives.append((code ?? "", text)) }
            if let text = reader.text("case_study", maxLength: ReturnRules.caseStudyLimit + 1_000) { caseStudies.append((code ?? "", text)) }
            issues += reader.issues
            if let line, let code {
                rowOf[line.routeID] = rowOf[line.routeID] ?? row.number
                lines.append(line)
                stated.append((line, code, figures))
            }
        }
        let typedText = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        let narrative = ([typedText] + [joined(narratives)]).filter { !$0.isEmpty }.joined(separator: "\n\n")
        let caseStudy = joined(caseStudies)
        let content = ReturnContent(month: file.month, lines: lines, narrative: narrative, caseStudy: caseStudy.isEmpty ? nil : caseStudy)
        let problems = stated.flatMap { ReturnRules.disagreements($0.0, code: $0.1, stated: $0.2) }
            + ReturnRules.problems(content, expected: file.expectation)
        issues += problems.map { problem in
            ImportIssue(row: problem.routeID.flatMap { rowOf[$0] }, column: problem.field.column, message: problem.message)
        }
        return issues.isEmpty ? .success(content) : .failure(ImportIssues(issues: issues))
    }

    /// One row's text as it is; several rows' each under its route's code.
    private static func joined(_ texts: [(code: String, text: String)]) -> String {
        guard texts.count > 1 else { return texts.first?.text ?? "" }
        return texts.map { $0.code.isEmpty ? $0.text : "\($0.code): \($0.text)" }.joined(separator: "\n\n")
    }
}
