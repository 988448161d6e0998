import Foundation
import WaymarkDomain

/// The rows of one pledge in an import. The first row says who pledged what and when;
/// a later row may leave those cells blank, but any it fills must agree with the first.
struct PledgeImportRows {
    let key: String
    let reference: String
    private(set) var rows: [Int] = []
    private var organisation: Organisation?
    private var programme: String?
    private var start: Day?, end: Day?
    /// The day the partner pledged (the letter's date); nil means today.
    private var pledgedOn: Day?
    private var notes: [String] = []
    private var lines: [(row: Int, line: PledgeRecording.Line)] = []

    /// Starts a pledge from its first row, which must name the organisation, programme and dates.
    init(_ reader: inout RowReader, _ reference: ImportReference) {
        self.reference = reader.row.value("pledge_reference") ?? ""
        key = ImportReference.key(self.reference)
        if reference.funding.sourcesByReference[key] != nil {
            reader.fail("pledge_reference", "A funding source already has the reference \(self.reference): this pledge is recorded, so leave it out or give it a new reference")
        }
        organisation = reference.funding.organisation(&reader, "organisation", required: true)
        programme = reader.text("programme", required: true, maxLength: 160)
        start = reader.day("start_day", required: true)
        end = reader.day("end_day", required: true)
        if let start, let end, end < start { reader.fail("end_day", "The end date \(end.display) is before the start date \(start.display)") }
        pledgedOn = reader.effectiveDay("pledged_on", today: reference.today)
        add(&reader, reference, first: true)
    }

    /// Adds a row's route and amount, checking the shared cells it repeats.
    mutating func add(_ reader: inout RowReader, _ reference: ImportReference, first: Bool = false) {
        let firstRow = rows.first ?? reader.row.number
        rows.append(reader.row.number)
        if !first {
            let said = reference.funding.organisation(&reader, "organisation", required: false)
            disagree(&reader, "organisation", said.map { $0.id != organisation?.id }, organisation?.name, firstRow)
            disagree(&reader, "programme", reader.text("programme", maxLength: 160).map { ImportReference.key($0) != ImportReference.key(programme ?? "") }, programme, firstRow)
            disagree(&reader, "start_day", reader.day("start_day").map { $0 != start }, start?.display, firstRow)
            disagree(&reader, "end_day", reader.day("end_day").map { $0 != end }, end?.display, firstRow)
            disagree(&reader, "pledged_on", reader.day("pledged_on").map { $0 != pledgedOn }, pledgedOn?.display, firstRow)
        }
        if let note = reader.prose("note"), !notes.contains(note) { notes.append(note) }
        let code = reader.text("route_code", required: true, maxLength: 20)
        let route = code.flatMap(reference.route(code:))
        if let code, route == nil { reader.fail("route_code", "No route has the code \(code): check the codes on the routes page") }
        if let route, let earlier = lines.first(where: { $0.line.route.id == route.id }) {
            reader.fail("route_code", "\(route.code) is already on row \(earlier.row) of pledge \(self.reference): give each route one row")
        }
        let amount = reader.money("amount", required: true)
        if let amount, !amount.isPositive { reader.fail("amount", "The amount must be more than £0.00") }
        if let route, let amount, reader.issues.isEmpty { lines.append((reader.row.number, .init(route: route, amount: amount))) }
    }

    private func disagree(_ reader: inout RowReader, _ column: String, _ differs: Bool?, _ first: String?, _ firstRow: Int) {
        guard differs == true else { return }
        reader.fail(column, "Row \(firstRow) of pledge \(reference) says \(first ?? "something else") here: every row of one pledge must agree on \(PledgeImport.sharedColumns.joined(separator: ", "))")
    }

    var isComplete: Bool { organisation != nil && programme != nil && start != nil && end != nil && lines.count == rows.count }

    /// The pledge as it will be saved, with every problem the domain finds named by its row.
    func draft(at date: Date) -> (PledgeRecording.Draft, [ImportIssue])? {
        guard let organisation, let programme, let start, let end, let period = DayRange(start: start, end: end) else { return nil }
        let (draft, problems) = PledgeRecording.draft(organisation: organisation, programme: programme, period: period,
                                                      note: notes.joined(separator: "\n"), reference: reference,
                                                      lines: lines.map(\.line), at: date, pledgedOn: pledgedOn)
        let rowOf = Dictionary(lines.map { ($0.line.route.code, $0.row) }, uniquingKeysWith: { first, _ in first })
        return (draft, problems.map { ImportIssue(row: rowOf[$0.code], column: $0.problem.field == .amount ? "amount" : "route_code",
                                                  message: $0.problem.message) })
    }
}
