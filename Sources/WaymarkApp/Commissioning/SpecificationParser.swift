import Foundation
import WaymarkDomain

/// Turns the typed form into a `Specification`, or the problems with it, each tied to the
/// field the error summary links to. Typing problems (a date that is not a date) come first;
/// the domain's rules (`SpecificationRules`) then judge the specification as a whole.
struct SpecificationParser {
    /// What the form can choose from.
    let authorities: [LocalAuthority]
    let routes: [Route]
    let schedules: [UUID: RouteSchedule]

    func parse(_ form: SpecificationFormValues, id: UUID, version: Int) -> (Specification?, [FieldError]) {
        var errors: [FieldError] = []
        func fail(_ field: String, _ message: String) { errors.append(.init(field: field, message: message)) }

        let authorityIDs = Set((form.authorities ?? []).compactMap(UUID.init(uuidString:)))
            .intersection(authorities.compactMap(\.id))
        let routesByID = Dictionary(uniqueKeysWithValues: routes.map { ($0.id!, $0) })
        var routeIDs: [UUID] = []
        for text in form.routes ?? [] {
            guard let id = UUID(uuidString: text), let route = routesByID[id] else { continue }
            if !authorityIDs.contains(route.localAuthorityID), !authorityIDs.isEmpty {
                fail("routes", "\(route.code) is outside the local authorities chosen: choose its local authority too, or leave the route out")
            }
            if !routeIDs.contains(id) { routeIDs.append(id) }
        }
        // Listed in the order the routes page lists them, so value splits and tables read alike.
        routeIDs.sort { (routesByID[$0]?.code ?? "") < (routesByID[$1]?.code ?? "") }

        let totalValue = Money(parsing: form.total_value ?? "")
        if totalValue == nil { fail("total_value", "Enter the total value in pounds, like 91,260") }
        let start = Day(entered: form.service_start ?? ""), end = Day(entered: form.service_end ?? "")
        if start == nil { fail("service_start", "Enter the first day of the service period, like 2023-09-01") }
        if end == nil { fail("service_end", "Enter the last day of the service period, like 2024-07-31") }
        var period: DayRange?
        if let start, let end {
            period = DayRange(start: start, end: end)
            if period == nil { fail("service_end", "The service period must end on or after it starts (\(start.display))") }
        }
        let goLive = Day(entered: form.go_live ?? "")
        if goLive == nil { fail("go_live", "Enter the go-live date, like 2023-09-04") }
        let closingDay = Day(entered: form.closing_day ?? "")
        if closingDay == nil { fail("closing_day", "Enter the closing date, like 2023-06-30") }
        let closing = closingDay.flatMap { LondonWallTime(day: $0, clock: (form.closing_time ?? "").trimmed) }
        if closingDay != nil, closing == nil { fail("closing_time", "Enter the closing time on a 24-hour clock, like 12:00") }
        let pricing = Specification.Pricing(rawValue: form.pricing ?? "")
        if pricing == nil { fail("pricing", "Choose whether bidders give one total price or a price per route") }

        let criteria = parseCriteria(form, fail: fail)
        let questions = parseQuestions(form, fail: fail)
        let split = parseSplit(form, routeIDs: routeIDs, period: period, routesByID: routesByID, fail: fail)
        // A specification is published to providers and the public: no personal data, ever.
        let published = [("title", "The title", form.title), ("context", "The context", form.context),
                         ("services_required", "The services required", form.services_required), ("kpis", "The KPIs", form.kpis),
                         ("attachments", "The attachments", form.attachments)]
            .map { PersonalDataCheck.Text(field: $0.0, label: $0.1, text: $0.2, audience: .published) }
            + form.questionRows.map { .init(field: "question_text-\($0.index)", label: "Question \($0.index + 1)", text: $0.text, audience: .published) }
        errors += PersonalDataCheck.problems(published, confirmed: false).map(FieldError.init)

        // The domain's rules judge whatever could be read, so every problem shows at once: a
        // value that could not be read stands in with a placeholder, and the rules that depend
        // on it are left out (its typing problem already says what to fix).
        let typed = errors
        let questionsRead = !typed.contains { $0.field.hasPrefix("question_") }
        let placeholderDay = Day(2000, 1, 1)
        let spec = Specification(
            id: id, title: (form.title ?? "").trimmed, context: (form.context ?? "").trimmed,
            servicesRequired: (form.services_required ?? "").trimmed, localAuthorityIDs: authorityIDs, routeIDs: routeIDs,
            totalValue: totalValue ?? .zero, valueSplit: split ?? .statedShares([:]),
            servicePeriod: period ?? DayRange(start: placeholderDay, end: placeholderDay)!, goLive: goLive ?? placeholderDay,
            termTimeDelivery: form.term_time == "yes", pricing: pricing ?? .total, questions: questions,
            criteria: criteria ?? EvaluationCriteria(quality: .zero, price: .zero),
            scale: .zeroToFive, closing: closing ?? LondonWallTime(day: placeholderDay, clock: "00:00")!,
            kpis: Self.lines(form.kpis), attachments: Self.lines(form.attachments), status: .draft, version: version)
        let unread: Set<SpecificationProblem.Field> = {
            var fields: Set<SpecificationProblem.Field> = []
            if totalValue == nil || split == nil || period == nil { fields.formUnion([.totalValue, .valueSplit]) }
            if period == nil || goLive == nil || closing == nil { fields.formUnion([.servicePeriod, .goLive, .closing]) }
            if criteria == nil || !questionsRead { fields.formUnion([.criteria, .questions, .scale]) }
            return fields
        }()
        let typedFields = Set(typed.map(\.field))
        errors += SpecificationRules.problems(spec)
            .filter { !unread.contains($0.field) }
            .map { FieldError(field: Self.fieldID($0.field), message: $0.message) }
            .filter { !typedFields.contains($0.field) }
        guard errors.isEmpty, totalValue != nil, period != nil, goLive != nil, closing != nil, pricing != nil, criteria != nil,
              split != nil else {
            return (nil, Self.inFormOrder(errors))
        }
        return (spec, [])
    }

    /// The fields in the order the form shows them, so the error summary reads down the page.
    static let formOrder = ["title", "context", "services_required", "authorities", "total_value", "split", "share-", "routes",
                            "service_start", "service_end", "go_live", "term_time", "closing_day", "closing_time", "quality", "price",
                            "social_value", "price_formula", "pricing", "questions", "question_", "kpis", "attachments"]

    static func inFormOrder(_ errors: [FieldError]) -> [FieldError] {
        func rank(_ error: FieldError) -> Int { formOrder.firstIndex { error.field.hasPrefix($0) } ?? formOrder.count }
        return errors.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    private func parseCriteria(_ form: SpecificationFormValues, fail: (String, String) -> Void) -> EvaluationCriteria? {
        func weight(_ text: String?, _ field: String, _ name: String) -> Weight? {
            let trimmed = (text ?? "").trimmed
            guard let weight = Weight(parsingPercent: trimmed.isEmpty ? "0" : trimmed) else {
                fail(field, "Enter the \(name) weight as a percentage, like 40 or 12.5")
                return nil
            }
            return weight
        }
        let quality = weight(form.quality, "quality", "quality")
        let price = weight(form.price, "price", "price")
        let social = weight(form.social_value, "social_value", "social value")
        let formula = PriceFormula(rawValue: form.price_formula ?? "")
        if formula == nil { fail("price_formula", "Choose how a price becomes points") }
        guard let quality, let price, let social, let formula else { return nil }
        return EvaluationCriteria(quality: quality, price: price, socialValue: social, priceFormula: formula)
    }

    private func parseQuestions(_ form: SpecificationFormValues, fail: (String, String) -> Void) -> [Question] {
        var questions: [Question] = []
        for row in form.questionRows where !row.text.trimmed.isEmpty || !row.weight.trimmed.isEmpty {
            let number = questions.count + 1
            guard let weight = Weight(parsingPercent: row.weight) else {
                fail("question_weight-\(row.index)", "Enter question \(number)'s weight as a percentage of the whole score, like 10")
                continue
            }
            let limitText = row.limit.trimmed.replacingOccurrences(of: ",", with: "")
            guard let limit = limitText.isEmpty ? Question.defaultCharacterLimit : Int(limitText) else {
                fail("question_limit-\(row.index)", "Enter question \(number)'s answer limit as a number of characters, like 5000")
                continue
            }
            questions.append(Question(text: row.text.trimmed, weight: weight, characterLimit: limit))
        }
        return questions
    }

    private func parseSplit(_ form: SpecificationFormValues, routeIDs: [UUID], period: DayRange?,
                            routesByID: [UUID: Route], fail: (String, String) -> Void) -> ValueSplit? {
        switch form.split {
        case "shares":
            var shares: [UUID: Int] = [:]
            for id in routeIDs {
                guard let code = routesByID[id]?.code else { continue }
                guard let share = Weight(parsingPercent: form.shares?[code] ?? "") else {
                    fail("share-\(code)", "Enter \(code)'s share of the value as a percentage, like 50")
                    continue
                }
                shares[id] = share.basisPoints
            }
            return .statedShares(shares)
        case "cost":
            guard let period else { return nil }
            var costs: [UUID: Money] = [:]
            for id in routeIDs {
                guard let code = routesByID[id]?.code else { continue }
                guard let cost = schedules[id]?.cost(in: period) else {
                    fail("split", "\(code) has school days in the service period without a known daily cost: set its cost on the route's page, or split the value by stated shares")
                    continue
                }
                costs[id] = cost
            }
            return .proportionalToCost(costs)
        default:
            fail("split", "Choose how the value splits across the routes")
            return nil
        }
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// The form field each of the domain's problems is about.
    static func fieldID(_ field: SpecificationProblem.Field) -> String {
        switch field {
        case .title: "title"
        case .servicesRequired: "services_required"
        case .localAuthorities: "authorities"
        case .routes: "routes"
        case .totalValue: "total_value"
        case .valueSplit: "split"
        case .servicePeriod: "service_start"
        case .goLive: "go_live"
        case .questions: "questions"
        case .criteria: "quality"
        case .scale: "questions"
        case .closing: "closing_day"
        case .kpis: "kpis"
        case .attachments: "attachments"
        case .status: "status"
        }
    }
}
