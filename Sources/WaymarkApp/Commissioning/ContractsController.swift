import Fluent
import Vapor
import WaymarkDomain

/// Contracts: made from an award, listed, each with its history and payment schedule,
/// varied by commissioners and paid by finance. Providers see only their own.
struct ContractsController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.contractFromAward, .runEvaluations, ContractFromAward.show)
        routes.post(SiteMap.Tenant.contractFromAward, .runEvaluations, ContractFromAward.create)
        routes.get(SiteMap.Tenant.contractNew, .recordContracts, ExistingContractForm.show)
        routes.post(SiteMap.Tenant.contractNew, .recordContracts, ExistingContractForm.create)
        routes.get(SiteMap.Tenant.contracts, .viewContracts, Self.list)
        routes.get(SiteMap.Tenant.contractsCSV, .viewContracts, Self.csv)
        routes.get(SiteMap.Tenant.contract, .viewContracts, Self.detail)
        routes.get(SiteMap.Tenant.contractPaymentsCSV, .viewContracts, Self.paymentsCSV)
        routes.get(SiteMap.Tenant.contractVariationNew, .varyContracts, ContractVariations.show)
        routes.post(SiteMap.Tenant.contractVariationNew, .varyContracts, ContractVariations.create)
        routes.post(SiteMap.Tenant.paymentPaid, .recordPayments, PaymentMarking.markPaid)
        routes.get(SiteMap.Tenant.contractPublication, .recordContracts, PublicationPages.showContract)
        routes.post(SiteMap.Tenant.contractPublication, .recordContracts, PublicationPages.saveContract)
        routes.get(SiteMap.Tenant.payments, .viewContracts, PaymentsPage.list)
        routes.get(SiteMap.Tenant.paymentsCSV, .viewContracts, PaymentsPage.csv)
    }

    struct ListPage: Encodable {
        let contracts: [ContractRow]
        let sortHeaders: [TableSort<ContractRow>.Header]
        let pager: Pager.Links
        let today: String
        let csvHref: String
        /// Where a commissioner records a contract let before or outside Waymark, if they may.
        let newHref: String?
        var wide = true
    }

    /// The contracts that existed in `reading`, with the terms in force on its day.
    static func rows(_ context: TenantContext, reading: Reading) async throws -> [ContractRow] {
        let names = try await ContractNames.load(context)
        return try await ContractQueries.visible(context, in: reading).map {
            ContractRow($0, today: reading.day, names: names, slug: context.tenant.slug)
        }
    }

    static let columns: [TableSort<ContractRow>.Column] = [
        .init(key: "reference", label: "Reference") { $0.reference < $1.reference },
        .init(key: "provider", label: "Provider") { $0.provider < $1.provider },
        .init(key: "routes", label: "Routes") { $0.routes.lexicographicallyPrecedes($1.routes) },
        .init(key: "value", label: "Value now", numeric: true) { $0.valuePence < $1.valuePence },
        .init(key: "starts", label: "Starts") { $0.startISO < $1.startISO },
        .init(key: "ends", label: "Ends") { $0.endISO < $1.endISO },
        .init(key: "status", label: "Status") { $0.stateLabel < $1.stateLabel },
    ]

    @Sendable static func list(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading(), today = reading.day
        let sort = TableSort<ContractRow>(req, columns: Self.columns, defaultKey: "reference")
        let contracts = sort.sorted(try await Self.rows(context, reading: reading)), pager = Pager(req)
        let page = ListPage(contracts: pager.rows(contracts), sortHeaders: sort.headers(req),
                            pager: pager.links(req, total: contracts.count, noun: "contracts"),
                            today: today.display,
                            csvHref: SiteMap.Tenant.contractsCSV.path(context.tenant.slug),
                            newHref: context.can(.recordContracts) ? SiteMap.Tenant.contractNew.path(context.tenant.slug) : nil)
        return try await PageRenderer.render(req, "contracts/list", title: "Contracts", page)
    }

    @Sendable static func csv(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading(), today = reading.day
        let rows = try await Self.rows(context, reading: reading)
        return CSVResponse.stream(
            headers: ["reference", "title", "provider", "routes", "value", "start_day", "end_day", "status", "as_of"],
            rows: rows.map { [$0.reference, $0.title, $0.provider, $0.routes.joined(separator: " "), $0.valueDecimal,
                              $0.startISO, $0.endISO, $0.state, today.iso] }, filename: "\(context.tenant.slug)-contracts.csv")
    }

    @Sendable static func detail(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading()
        let loaded = try await ContractQueries.find(context, id: req.parameters.get("id"), in: reading)
        let page = try await ContractPage.build(context, loaded, reading: reading)
        return try await PageRenderer.render(req, "contracts/contract", title: loaded.record.reference, page)
    }

    /// A reference as typed may hold anything; a file name (in a header) keeps letters, digits and dashes.
    static func fileSafe(_ text: String) -> String {
        String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
    }

    @Sendable static func paymentsCSV(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading()
        let loaded = try await ContractQueries.find(context, id: req.parameters.get("id"), in: reading)
        let rows = try await PaymentsPage.rows(context, [loaded], paidBy: reading.day)
        return CSVResponse.stream(headers: PaymentRow.csvHeaders, rows: rows.map(\.csvRow),
                                  filename: "\(context.tenant.slug)-\(fileSafe(loaded.record.reference))-payments.csv")
    }
}

/// Every payment line across the contracts the person may see, payable first: finance's
/// work queue, and the commissioners' view of what is owed.
enum PaymentsPage {
    struct Page: Encodable {
        let payable: [PaymentRow]
        let others: [PaymentRow]
        let payableSort: TableSort<PaymentRow>.Headers
        let othersSort: TableSort<PaymentRow>.Headers
        let payablePager: Pager.Links
        let othersPager: Pager.Links
        /// The day asked about, if one was.
        let asOf: String?
        let canRecordPayments: Bool
        let csvHref: String
        var wide = true
    }

    /// Paid means paid on or before `paidBy`: the day the page reads (a paid-on day is never
    /// after the day it was entered, so today every recorded payment counts); payable means
    /// every month's return approved by then.
    static func rows(_ context: TenantContext, _ contracts: [ContractQueries.Loaded], paidBy: Day?) async throws -> [PaymentRow] {
        let names = try await ContractNames.load(context, people: PaymentRow.payers(contracts))
        let approved = try await ApprovedReturns.months(context, contractIDs: contracts.map(\.id), in: paidBy.map(Reading.asOf))
        return PaymentRow.rows(contracts, approved: approved, names: names, slug: context.tenant.slug, paidBy: paidBy)
    }

    static let paymentColumns: [TableSort<PaymentRow>.Column] = [
        .init(key: "contract", label: "Contract") { ($0.contractReference, $0.number) < ($1.contractReference, $1.number) },
        .init(key: "provider", label: "Provider") { $0.provider < $1.provider },
        .init(key: "quarter", label: "Quarter") { ($0.startISO, $0.contractReference) < ($1.startISO, $1.contractReference) },
        .init(key: "period", label: "Period") { ($0.startISO, $0.contractReference) < ($1.startISO, $1.contractReference) },
        .init(key: "amount", label: "Amount", numeric: true) { $0.amountPence < $1.amountPence },
    ]
    static let statusColumn = TableSort<PaymentRow>.Column(key: "status", label: "Status") { $0.statusText < $1.statusText }

    /// Payable lines first, then the rest by period and contract.
    static func ordered(_ rows: [PaymentRow]) -> [PaymentRow] {
        rows.sorted { ($0.isPayable ? 0 : 1, $0.startISO, $0.contractReference) < ($1.isPayable ? 0 : 1, $1.startISO, $1.contractReference) }
    }

    @Sendable static func list(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading()
        let rows = ordered(try await rows(context, try await ContractQueries.visible(context, in: reading), paidBy: reading.day))
        let asked = try req.askedAsOfDay() ?? (reading.isAsRecorded ? reading.day : nil)
        // Two tables, each sorted on its own (the second's choices are prefixed "others_").
        let payableSort = TableSort<PaymentRow>(req, columns: paymentColumns, defaultKey: "period")
        let othersSort = TableSort<PaymentRow>(req, columns: paymentColumns + [statusColumn], defaultKey: "period", prefix: "others_")
        let payable = payableSort.sorted(rows.filter(\.isPayable)), others = othersSort.sorted(rows.filter { !$0.isPayable })
        let payablePager = Pager(req), othersPager = Pager(req, prefix: "others_")
        let page = Page(payable: payablePager.rows(payable), others: othersPager.rows(others),
                        payableSort: .init(sortHeaders: payableSort.headers(req)), othersSort: .init(sortHeaders: othersSort.headers(req)),
                        payablePager: payablePager.links(req, total: payable.count, noun: "payable payments"),
                        othersPager: othersPager.links(req, total: others.count, noun: "other payments"),
                        asOf: asked?.display,
                        canRecordPayments: context.can(.recordPayments), csvHref: SiteMap.Tenant.paymentsCSV.path(context.tenant.slug))
        return try await PageRenderer.render(req, "contracts/payments", title: "Payments", page)
    }

    @Sendable static func csv(req: Request, context: TenantContext) async throws -> Response {
        let reading = try req.reading()
        let rows = ordered(try await rows(context, try await ContractQueries.visible(context, in: reading), paidBy: reading.day))
        return CSVResponse.stream(headers: PaymentRow.csvHeaders, rows: rows.map(\.csvRow),
                                  filename: "\(context.tenant.slug)-payments.csv")
    }
}
