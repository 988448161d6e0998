import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// Everything about one contract's return for one month, loaded once for a page or an action:
/// the contract, what the return must cover (routes and school days), the stored return if
/// there is one, its versions and its reviews. A contract the person may not read, or a month
/// outside its period, is "not found".
struct ReturnFile: Sendable {
    let contract: ContractRecord
    let terms: ContractTerms
    let month: CalendarMonth
    let expectation: ReturnExpectation
    let record: MonthlyReturnRecord?
    let versions: [ReturnVersionRecord]
    let reviews: [ReturnReviewRecord]
    let routeCodes: [UUID: String]
    let routeNames: [UUID: String]
    let providerName: String
    /// Due day before any extension.
    let scheduledDue: Day
    /// Whose lines the reader may see (partners: only the routes they fund).
    let scope: ReturnScope

    /// Whether the reader sees this route's line.
    func shows(_ routeID: UUID) -> Bool { scope.sees(line: routeID, of: contract) }

    var status: ReturnStatus? { record?.status }
    var due: Day { record?.due ?? scheduledDue }
    var editVersion: Int { record?.version ?? 0 }
    var latest: ReturnVersionRecord? { versions.last }

    func code(_ routeID: UUID) -> String { routeCodes[routeID] ?? "a route no longer in Waymark" }

    var target: ReturnTarget { ReturnTarget(contractReference: contract.reference, month: month, expectation: expectation) }

    /// The content the provider is working on: the draft, else the latest submission, else
    /// an empty line per route.
    var workingContent: ReturnContent {
        if let draft = record?.draftContent { return draft }
        if let latest, let content = try? latest.content { return content }
        return ReturnContent(month: month, lines: expectation.blankLines, narrative: "")
    }

    static func load(_ req: Request, _ context: TenantContext) async throws -> ReturnFile {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)),
              let month = req.parameters.get("month").flatMap(CalendarMonth.init(iso:)) else { throw WaymarkError.notFound }
        return try await load(context, contractID: id, month: month)
    }

    static func load(_ context: TenantContext, contractID: UUID, month: CalendarMonth) async throws -> ReturnFile {
        guard let contract = try await context.find(ContractRecord.self, contractID) else { throw WaymarkError.notFound }
        let variations = try await context.query(ContractVariationRecord.self).filter(\.$contractID == contractID).all()
        let terms = try contract.contract(variations: variations).current
        let scope = try await ReturnScope.of(context)
        guard scope.sees(contract, routes: terms.routes.map(\.routeID)),
              ReturnExpectation.months(of: terms).contains(month) else { throw WaymarkError.notFound }
        let routes = try await context.query(Route.self).filter(\.$id ~~ terms.routes.map(\.routeID)).all()
        let schedules = try await RouteSchedules.build(context, routes: routes)
        let codes = Dictionary(uniqueKeysWithValues: routes.compactMap { route in route.id.map { ($0, route.code) } })
        let expectation = ReturnExpectation.of(terms, month: month, codes: codes) { routeID, range in
            schedules[routeID].map { $0.indexes(in: range).count } ?? 0
        }
        let record = try await context.query(MonthlyReturnRecord.self)
            .filter(\.$contractID == contractID).filter(\.$monthText == month.description).first()
        var versions: [ReturnVersionRecord] = []
        var reviews: [ReturnReviewRecord] = []
        if let returnID = record?.id {
            versions = try await context.query(ReturnVersionRecord.self).filter(\.$returnID == returnID).sort(\.$number).all()
            reviews = try await context.query(ReturnReviewRecord.self).filter(\.$returnID == returnID).sort(\.$reviewedAt).all()
        }
        let provider = try await context.find(Organisation.self, contract.providerOrganisationID)
        return ReturnFile(contract: contract, terms: terms, month: month, expectation: expectation, record: record,
                          versions: versions, reviews: reviews, routeCodes: codes,
                          routeNames: Dictionary(uniqueKeysWithValues: routes.compactMap { route in route.id.map { ($0, route.name) } }),
                          providerName: provider?.name ?? "An organisation no longer in Waymark",
                          scheduledDue: ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay).due(for: month), scope: scope)
    }

    /// Whether this person files returns for this contract's provider.
    func canFile(_ context: TenantContext) -> Bool {
        context.can(.fileReturns)
            && SpecificationQueries.providerOrganisations(context).contains { $0.id == contract.providerOrganisationID }
    }
}

/// What a return's figures are checked against: its contract, its month, and the routes the
/// contract served that month with their school days.
struct ReturnTarget: Sendable {
    let contractReference: String
    let month: CalendarMonth
    let expectation: ReturnExpectation
}
