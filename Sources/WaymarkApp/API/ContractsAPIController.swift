import Fluent
import Vapor
import WaymarkDomain

/// The contracts API: contracts with their terms now, their versions and payment lines, and
/// every payment line — the same data, and the same visibility, as the pages (a provider
/// sees only their own organisations' contracts; another's is not found).
struct ContractsAPIController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.API.contracts, .viewContracts, Self.contracts)
        routes.post(SiteMap.API.contracts, .recordContracts, ContractsAPIRecording.record)
        routes.get(SiteMap.API.contract, .viewContracts, Self.contract)
        routes.get(SiteMap.API.payments, .viewContracts, Self.payments)
    }

    @Sendable static func contracts(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading(), today = reading.day
        let rows = try await ContractsController.rows(context, reading: reading)
        return try APIJSON.response(ContractsAPIBodies.ContractList(
            tenant: context.tenant.slug, asOf: today.iso, contracts: rows.map { .init($0, slug: context.tenant.slug) }))
    }

    @Sendable static func contract(req: Request, context: TenantContext) async throws -> Response {
        try await detail(req, context, try await ContractQueries.find(context, id: req.parameters.get("id"), in: try req.reading()))
    }

    static func detail(_ req: Request, _ context: TenantContext, _ loaded: ContractQueries.Loaded, status: HTTPStatus = .ok) async throws -> Response {
        let today = try req.reading().day
        let people = Set(loaded.contract.variations.map(\.approvedBy))
        let names = try await ContractNames.load(context, people: people)
        let row = ContractRow(loaded, today: today, names: names, slug: context.tenant.slug)
        let history = ContractHistoryRow.rows(loaded, names: names)
        let versions = zip(loaded.contract.versions, history).map { version, row in
            ContractsAPIBodies.Version(number: version.number, kind: ContractsAPIBodies.kind(version.variation?.change), change: row.change,
                                       reason: row.reason, effectiveDate: row.effectiveISO, approvedBy: row.approvedBy,
                                       approvedAt: row.approvedAtISO, terms: .init(version.terms, names: names))
        }
        let lines = try await PaymentsPage.rows(context, [loaded], paidBy: today)
        return try APIJSON.response(ContractsAPIBodies.ContractDetail(
            contract: .init(row, slug: context.tenant.slug), kpis: loaded.contract.kpis,
            fundingLinks: loaded.contract.fundingLinks.map(ContractsAPIBodies.FundingLink.init),
            terms: .init(loaded.contract.snapshot(on: today).terms, names: names), versions: versions, paymentLines: lines.map(ContractsAPIBodies.PaymentLine.init)),
            status: status)
    }

    @Sendable static func payments(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading()
        let rows = PaymentsPage.ordered(try await PaymentsPage.rows(context, try await ContractQueries.visible(context, in: reading), paidBy: reading.day))
        return try APIJSON.response(ContractsAPIBodies.PaymentList(tenant: context.tenant.slug, payments: rows.map(ContractsAPIBodies.PaymentLine.init)))
    }
}
