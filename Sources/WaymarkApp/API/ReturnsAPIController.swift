import Foundation
import Vapor
import WaymarkDomain

/// The returns API: the returns owed, one return with every version and review, and a
/// submission as JSON, checked by the same rules as the form and the upload. The same
/// visibility as the pages: another provider's return is not found.
struct ReturnsAPIController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.API.returns, .viewReturns, Self.list)
        routes.get(SiteMap.API.monthlyReturn, .viewReturns, Self.detail)
        routes.post(SiteMap.API.monthlyReturn, .fileReturns, Self.submit)
    }

    @Sendable static func list(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading(), today = reading.day
        let owed = try await ReturnsList.rows(context, reading: reading)
        return try APIJSON.response(ReturnsAPIBodies.ReturnList(tenant: context.tenant.slug, asOf: today.iso, returns: owed.map { item in
            .init(contractReference: item.contract, month: item.month.description, dueDate: item.due.iso,
                  status: item.status?.rawValue ?? "not_started", timeliness: item.timeliness,
                  url: SiteMap.API.monthlyReturn.path(context.tenant.slug, item.contractID.uuidString.lowercased(), item.month.description))
        }))
    }

    @Sendable static func detail(req: Request, context: TenantContext) async throws -> Response {
        try APIJSON.response(try await body(context, try await ReturnFile.load(req, context).read(in: try req.reading())))
    }

    static func body(_ context: TenantContext, _ file: ReturnFile) async throws -> ReturnsAPIBodies.Detail {
        let shown = file.shows
        let versions = try file.versions.map { version -> ReturnsAPIBodies.Version in
            let content = try version.content
            return .init(number: version.number, submittedAt: ISO8601DateFormatter().string(from: version.submittedAt),
                         submittedBy: version.submittedByName, channel: version.channel, narrative: content.narrative, caseStudy: content.caseStudy,
                         lines: content.lines.filter { shown($0.routeID) }.map { .init($0, code: file.code($0.routeID)) })
        }
        let reviews = file.reviews.map { review in
            ReturnsAPIBodies.Review(versionNumber: review.versionNumber, step: review.step.rawValue, note: review.note,
                                    comments: Dictionary(uniqueKeysWithValues: review.lineComments.filter { shown($0.key) }.map { (file.code($0.key), $0.value) }),
                                    reviewedAt: ISO8601DateFormatter().string(from: review.reviewedAt))
        }
        return .init(contractId: file.contract.id!.uuidString.lowercased(), contractReference: file.contract.reference,
                     month: file.month.description, status: file.status?.rawValue ?? "not_started", dueDate: file.due.iso,
                     version: file.editVersion,
                     expectedRoutes: file.expectation.routes.filter { shown($0.routeID) }.map {
                         .init(routeCode: $0.code, schoolDays: $0.schoolDays, sessionsPlanned: $0.schoolDays * RouteReturnLine.sessionsPerSchoolDay)
                     },
                     versions: versions, reviews: reviews)
    }

    @Sendable static func submit(req: Request, context: TenantContext) async throws -> Response {
        let file = try await ReturnsController.fileable(req, context)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let sent: ReturnsAPIBodies.Submission
        do { sent = try decoder.decode(ReturnsAPIBodies.Submission.self, from: Data(buffer: req.body.data ?? ByteBuffer())) } catch {
            throw WaymarkError.badRequest("The body must be a JSON object with version, narrative, optional case_study, and lines: [{route_code, chaperone_hours, counts: {column: number}}]")
        }
        var lines: [String: [String: String]] = [:]
        var problems: [ReturnsAPIBodies.Problem] = []
        let known = Set(file.expectation.routes.map(\.code))
        for line in sent.lines ?? [] {
            guard let code = line.routeCode, known.contains(code) else {
                problems.append(.init(routeCode: line.routeCode, field: "route_code",
                                      message: "\(line.routeCode ?? "A line without a route_code") is not one of this contract's routes in \(file.month.longDisplay)"))
                continue
            }
            for (column, value) in line.counts ?? [:] {
                guard ReturnCount(rawValue: column) != nil else {
                    problems.append(.init(routeCode: code, field: column, message: "\(column) is not a figure of a return"))
                    continue
                }
                lines[code, default: [:]][column] = String(value)
            }
            if let hours = line.chaperoneHours { lines[code, default: [:]]["chaperone_hours"] = String(hours) }
        }
        let values = ReturnFormValues(lines: lines, narrative: sent.narrative ?? "", caseStudy: sent.caseStudy ?? "", version: sent.version ?? 0)
        let asProblems = { (found: [ReturnProblem]) in
            found.map { ReturnsAPIBodies.Problem(routeCode: $0.routeID.map(file.code), field: $0.field.column, message: $0.message) }
        }
        // Every problem at once: figures, the rules, and personal data in the text.
        let (content, found) = values.judged(for: file, submitting: true)
        problems += asProblems(found)
        if let warning = PersonalDataScan.warning(for: content), sent.personalDataChecked != true {
            problems.append(.init(routeCode: nil, field: "narrative", message: warning + " (send personal_data_checked: true once checked)"))
        }
        if problems.isEmpty {
            do { try await ReturnActions.submit(file, content, channel: .api, openedAt: values.version, context, at: req.now) }
            catch let refused as ReturnActions.Refused { problems += asProblems(refused.problems) }
        }
        guard problems.isEmpty else {
            return try APIJSON.response(ReturnsAPIBodies.Refusal(error: "Unprocessable Entity", message: "The return was not saved: every problem is listed",
                                                                 status: 422, problems: problems), status: .unprocessableEntity)
        }
        let saved = try await ReturnFile.load(context, contractID: file.contract.id!, month: file.month)
        return try APIJSON.response(try await body(context, saved), status: .created)
    }
}
