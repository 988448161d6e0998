import Foundation
import WaymarkDomain

/// The rows of one contract in a contracts import. The first row says what the contract is
/// (title, provider, how let, dates, payments already made); a later row may leave those cells
/// blank, but any it fills must agree with the first. Every row names one route and its value,
/// and may add KPIs and one funding link.
struct ContractImportRows {
    let key: String
    let reference: String
    private(set) var rows: [Int] = []
    private(set) var title: String?
    private(set) var provider: Organisation?
    private(set) var letting: ContractLetting?
    private(set) var start: Day?, end: Day?, signed: Day?
    private(set) var paidThrough: Day?
    private(set) var paidOn: [Day] = []
    private(set) var kpis: [String] = []
    private(set) var routes: [(row: Int, code: String, value: Money)] = []
    private(set) var links: [(row: Int, sourceID: UUID, amount: Money)] = []
    private var clean = true

    /// Columns every row of one contract must agree on, when a later row repeats them.
    static let sharedColumns = ["title", "provider", "how_let", "start_day", "end_day", "signed_on", "paid_through", "paid_on"]

    init(_ reader: inout RowReader, _ reference: ContractImport.Reference) {
        self.reference = reader.row.value("contract_reference") ?? ""
        key = ImportReference.key(self.reference)
        if reference.existing.contains(key) {
            reader.fail("contract_reference", "A contract already has the reference \(self.reference): it is recorded, so leave it out or give it a new reference")
        }
        title = reader.text("title", required: true, maxLength: 200)
        provider = Self.provider(&reader, reference, required: true)
        letting = Self.letting(&reader, required: true)
        start = reader.day("start_day", required: true)
        end = reader.day("end_day", required: true)
        signed = reader.day("signed_on") ?? reference.today
        if let signed, signed > reference.today { reader.fail("signed_on", "\(signed.display) is in the future: a contract is recorded once signed") }
        paidThrough = reader.day("paid_through")
        paidOn = Self.days(&reader, "paid_on") ?? []
        if paidThrough != nil && paidOn.isEmpty { reader.fail("paid_on", "Enter the day the lines through paid_through were paid") }
        if paidThrough == nil && !paidOn.isEmpty { reader.fail("paid_through", "Enter the last day the payments in paid_on cover, such as 2024-03-31") }
        add(&reader, reference, first: true)
    }

    /// Adds a row's route, KPIs and funding link, checking the shared cells it repeats.
    mutating func add(_ reader: inout RowReader, _ reference: ContractImport.Reference, first: Bool = false) {
        let firstRow = rows.first ?? reader.row.number
        rows.append(reader.row.number)
        if !first {
            disagree(&reader, "title", reader.text("title", maxLength: 200).map { $0 != title }, title, firstRow)
            disagree(&reader, "provider", Self.provider(&reader, reference, required: false).map { $0.id != provider?.id }, provider?.name, firstRow)
            disagree(&reader, "how_let", Self.letting(&reader, required: false).map { $0 != letting }, letting?.rawValue, firstRow)
            disagree(&reader, "start_day", reader.day("start_day").map { $0 != start }, start?.iso, firstRow)
            disagree(&reader, "end_day", reader.day("end_day").map { $0 != end }, end?.iso, firstRow)
            disagree(&reader, "signed_on", reader.day("signed_on").map { $0 != signed }, signed?.iso, firstRow)
            disagree(&reader, "paid_through", reader.day("paid_through").map { $0 != paidThrough }, paidThrough?.iso ?? "nothing", firstRow)
            disagree(&reader, "paid_on", Self.days(&reader, "paid_on").map { $0 != paidOn }, paidOn.map(\.iso).joined(separator: "; "), firstRow)
        }
        for kpi in reader.list("kpis", separators: [";"]) ?? [] where !kpis.contains(kpi) { kpis.append(kpi) }
        let code = reader.text("route_code", required: true, maxLength: 20)
        let route = code.flatMap { reference.routesByCode[ImportReference.key($0)] }
        if let code, route == nil { reader.fail("route_code", "No route has the code \(code): check the codes on the routes page") }
        if let route, let earlier = routes.first(where: { $0.code == route.code }) {
            reader.fail("route_code", "\(route.code) is already on row \(earlier.row) of contract \(self.reference): give each route one row")
        }
        let value = reader.money("route_value", required: true)
        if let route, let value { routes.append((reader.row.number, route.code, value)) }
        link(&reader, reference)
        if !reader.issues.isEmpty { clean = false }
    }

    /// A funding link on this row: a source by its reference and the amount it pays.
    private mutating func link(_ reader: inout RowReader, _ reference: ContractImport.Reference) {
        let named = reader.text("funding_source", maxLength: 80), amount = reader.money("funding_amount")
        if named == nil && amount == nil { return }
        guard let named else { return reader.fail("funding_source", "Enter the reference of the funding source the amount comes from") }
        guard let amount else { return reader.fail("funding_amount", "Enter how much of \(named) pays for the contract, in pounds") }
        let matches = reference.sourcesByReference[ImportReference.key(named)] ?? []
        guard matches.count == 1, let id = matches[0].id else {
            return reader.fail("funding_source", matches.isEmpty
                ? "No funding source has the reference \(named): check the funding sources page"
                : "\(matches.count) funding sources have the reference \(named): give them different references first")
        }
        links.append((reader.row.number, id, amount))
    }

    private func disagree(_ reader: inout RowReader, _ column: String, _ differs: Bool?, _ first: String?, _ firstRow: Int) {
        guard differs == true else { return }
        reader.fail(column, "Row \(firstRow) of contract \(reference) says \(first ?? "something else") here: every row of one contract must agree on \(Self.sharedColumns.joined(separator: ", "))")
    }

    var isComplete: Bool { clean && title != nil && provider != nil && letting != nil && start != nil && end != nil && signed != nil }

    private static func provider(_ reader: inout RowReader, _ reference: ContractImport.Reference, required: Bool) -> Organisation? {
        guard let name = reader.text("provider", required: required) else { return nil }
        guard let organisation = reference.organisationsByName[ImportReference.key(name)] else {
            reader.fail("provider", "No organisation called '\(name)' in Waymark: add it on the organisations page, or check the spelling")
            return nil
        }
        guard organisation.organisationKind == .provider else {
            reader.fail("provider", "\(organisation.name) is not a provider organisation: a contract is with a provider")
            return nil
        }
        return organisation
    }

    private static func letting(_ reader: inout RowReader, required: Bool) -> ContractLetting? {
        reader.named("how_let", ContractLetting.self, required: required) { $0 == .awardedInWaymark ? [] : [$0.rawValue, $0.label] }
    }

    /// Days separated by semicolons: one for every paid line, or one each in line order.
    private static func days(_ reader: inout RowReader, _ column: String) -> [Day]? {
        guard let items = reader.list(column, separators: [";"]) else { return nil }
        let days = items.map { ImportDates.parse($0) }
        if let bad = zip(items, days).first(where: { $0.1 == nil }) {
            reader.fail(column, "'\(bad.0)' is not a date: write it as 2024-09-02 or 02/09/2024, several separated by ;")
            return nil
        }
        return days.compactMap { $0 }
    }
}
