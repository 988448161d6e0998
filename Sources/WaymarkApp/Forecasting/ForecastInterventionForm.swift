import Foundation
import Vapor
import WaymarkDomain
import WaymarkSimulation

/// Adding one intervention to a scenario: a form per kind, all parsed here, each field's
/// problem named so the form comes back with the rest kept.
enum ForecastInterventionForm {
    enum Kind: String, CaseIterable, Codable, Sendable {
        case withdrawSource = "withdraw-source", scaleSource = "scale-source", addSource = "add-source"
        case changeDailyCost = "change-cost", closeRoute = "close-route", openRoute = "open-route", pooledFund = "pooled-fund"

        var title: String {
            switch self {
            case .withdrawSource: "Withdraw a source"
            case .scaleSource: "Scale a source up or down"
            case .addSource: "Add a hoped-for source"
            case .changeDailyCost: "Change a route's daily cost"
            case .closeRoute: "Close a route"
            case .openRoute: "Open a new route"
            case .pooledFund: "Add a pooled fund spent by a policy"
            }
        }

        var hint: String {
            switch self {
            case .withdrawSource: "The source pays nothing from the day you give; what it paid before stays paid."
            case .scaleSource: "Every allocation of the source, and any renewal, is multiplied: 67% is a cut of a third."
            case .addSource: "A bid or a top-up that may come, shared across the routes it may pay for in proportion to their costs."
            case .changeDailyCost: "The route costs this each school day from the day you give, in today's prices."
            case .closeRoute: "The route runs its last school day on or before the day you give."
            case .openRoute: "A route that does not run yet, on its local authority's school days. It has no money unless a source or fund reaches it."
            case .pooledFund: "One pot spent where routes are short of money, in the order the policy sets."
            }
        }
    }

    struct Form: Content {
        var source: String?, from: String?, factor: String?
        var funder_name: String?, programme: String?, name: String?, amount: String?, start_day: String?, end_day: String?
        var probability: String?, authorities: [String]?, routes: [String]?, renewable: String?
        var route: String?, daily_cost: String?, on: String?
        var code: String?, authority: String?, children: String?, closes: String?
        var policy: String?, scores: [String: String]?
    }

    /// The fields as typed, shown again beside errors.
    struct Values: Codable, Sendable {
        var source = "", from = "", factor = "", funderName = "", programme = "", name = "", amount = ""
        var startDay = "", endDay = "", probability = "100", authorities: [String] = [], routes: [String] = []
        var renewable = false, route = "", dailyCost = "", on = "", code = "", authority = "", children = "", closes = ""
        var policy = "cheapest-first", scores: [String: String] = [:]

        init() {}

        init(_ form: Form) {
            source = form.source ?? ""; from = form.from ?? ""; factor = form.factor ?? ""
            funderName = form.funder_name ?? ""; programme = form.programme ?? ""; name = form.name ?? ""
            amount = form.amount ?? ""; startDay = form.start_day ?? ""; endDay = form.end_day ?? ""
            probability = form.probability ?? ""; authorities = form.authorities ?? []; routes = form.routes ?? []
            renewable = form.renewable == "yes"; route = form.route ?? ""; dailyCost = form.daily_cost ?? ""
            on = form.on ?? ""; code = form.code ?? ""; authority = form.authority ?? ""; children = form.children ?? ""
            closes = form.closes ?? ""; policy = form.policy ?? ""; scores = form.scores ?? [:]
        }
    }

    static func parse(_ kind: Kind, _ values: Values, choices: ForecastChoices, scenario: Scenario) -> Result<Intervention, FieldErrors> {
        var errors: [FieldError] = []
        func fail(_ field: String, _ message: String) { errors.append(.init(field: field, message: message)) }
        func day(_ text: String, _ field: String, _ what: String) -> Day? {
            guard let day = Day(entered: text) else { fail(field, "Enter \(what) as a date, like 2023-04-01"); return nil }
            return day
        }
        func money(_ text: String, _ field: String, _ what: String, ceiling: Money) -> Money? {
            guard let amount = Money(parsing: text), amount.isPositive, amount <= ceiling else {
                fail(field, "Enter \(what) in pounds, more than £0 and at most \(ceiling.display)"); return nil
            }
            return amount
        }
        func chance(_ text: String) -> Double? {
            guard let value = Percent.parse(text), (0...1).contains(value) else {
                fail("probability", "Enter the chance the money comes as a percentage from 0 to 100"); return nil
            }
            return value
        }
        func period() -> DayRange? {
            let start = day(values.startDay, "start_day", "the first day the money may pay for")
            let end = day(values.endDay, "end_day", "the last day the money may pay for")
            guard let start, let end else { return nil }
            guard let range = DayRange(start: start, end: end) else {
                fail("end_day", "The last day (\(end.display)) must be on or after the first (\(start.display))"); return nil
            }
            return range
        }
        let sourceIDs = Set(choices.sources.map(\.id)).union(scenario.interventions.compactMap {
            if case .addSource(let s) = $0 { s.id } else { nil } })
        let routeIDs = Set(choices.routes.map(\.id)).union(scenario.interventions.compactMap {
            if case .openRoute(let r) = $0 { r.id } else { nil } })
        func source() -> UUID? {
            guard let id = UUID(uuidString: values.source), sourceIDs.contains(id) else { fail("source", "Choose the source"); return nil }
            return id
        }
        func route() -> UUID? {
            guard let id = UUID(uuidString: values.route), routeIDs.contains(id) else { fail("route", "Choose the route"); return nil }
            return id
        }
        func eligible() -> (authorities: [UUID], routes: [UUID]) {
            let authorities = values.authorities.compactMap(UUID.init(uuidString:)).filter { id in choices.authorities.contains { $0.id == id } }
            let routes = values.routes.compactMap(UUID.init(uuidString:)).filter(routeIDs.contains)
            if authorities.count != values.authorities.count { fail("authorities", "Choose local authorities from the list") }
            if routes.count != values.routes.count { fail("routes", "Choose routes from the list") }
            return (authorities, routes)
        }

        var intervention: Intervention?
        switch kind {
        case .withdrawSource:
            let id = source(), from = day(values.from, "from", "the day the source stops paying")
            if let id, let from { intervention = .withdrawSource(sourceID: id, from: from) }
        case .scaleSource:
            let id = source()
            let factor = Percent.parse(values.factor)
            if factor.map({ !(0...Scenario.factorCeiling).contains($0) }) ?? true {
                fail("factor", "Enter the new amount as a percentage of the old, from 0 to 1000, like 67")
            }
            if let id, let factor, errors.isEmpty { intervention = .scaleSource(sourceID: id, factor: factor) }
        case .addSource:
            let funder = values.funderName.trimmed
            if funder.isEmpty || funder.count > 200 { fail("funder_name", "Enter the funder's name, up to 200 characters") }
            let amount = money(values.amount, "amount", "the amount", ceiling: Scenario.moneyCeiling)
            let period = period(), probability = chance(values.probability), (authorities, routes) = eligible()
            if let amount, let period, let probability, errors.isEmpty {
                intervention = .addSource(source: HypotheticalSource(
                    id: UUID(), funderName: funder, programmeName: String(values.programme.trimmed.prefix(200)), amount: amount,
                    period: period, probability: probability, localAuthorityIDs: authorities, routeIDs: routes, renewable: values.renewable))
            }
        case .changeDailyCost:
            let id = route(), from = day(values.from, "from", "the day the new cost starts")
            let cost = money(values.dailyCost, "daily_cost", "the cost of a school day", ceiling: Scenario.dailyCostCeiling)
            if let id, let from, let cost { intervention = .changeDailyCost(routeID: id, dailyCost: cost, from: from) }
        case .closeRoute:
            let id = route(), on = day(values.on, "on", "the day the route closes")
            if let id, let on { intervention = .closeRoute(routeID: id, on: on) }
        case .openRoute:
            intervention = openRoute(values, choices: choices, scenario: scenario, report: fail, day: day, money: money)
            if !errors.isEmpty { intervention = nil }
        case .pooledFund:
            let amount = money(values.amount, "amount", "the fund's amount", ceiling: Scenario.moneyCeiling)
            let period = period(), probability = chance(values.probability), (authorities, routes) = eligible()
            let policy = ForecastPoolPolicy.parse(values, routeIDs: routeIDs, errors: &errors)
            if values.name.count > 200 { fail("name", "The fund's name must be 200 characters or fewer") }
            if let amount, let period, let probability, let policy, errors.isEmpty {
                intervention = .pooledFund(fund: PooledFund(
                    id: UUID(), name: values.name.trimmed, amount: amount, period: period, probability: probability,
                    policy: policy, localAuthorityIDs: authorities, routeIDs: routes))
            }
        }
        guard errors.isEmpty, let intervention else { return .failure(FieldErrors(errors)) }
        return .success(intervention)
    }

    /// Problems go through `report`, as the shared `day` and `money` readers' do: handing this
    /// function the error list itself would overlap their access to it.
    private static func openRoute(_ values: Values, choices: ForecastChoices, scenario: Scenario, report: (String, String) -> Void,
                                  day: (String, String, String) -> Day?, money: (String, String, String, Money) -> Money?) -> Intervention? {
        var failed = false
        func fail(_ field: String, _ message: String) { failed = true; report(field, message) }
        let code = values.code.trimmed.uppercased()
        let taken = Set(choices.routes.map(\.code)).union(scenario.interventions.compactMap {
            if case .openRoute(let r) = $0 { r.code } else { nil } })
        if code.isEmpty || code.count > 20 {
            fail("code", "Enter a short code for the new route, up to 20 characters, like WLV-09")
        } else if taken.contains(code) {
            fail("code", "\(code) is already a route's code: choose another")
        }
        let authority = UUID(uuidString: values.authority).flatMap { id in choices.authorities.first { $0.id == id }?.id }
        if authority == nil { fail("authority", "Choose the route's local authority") }
        let children = Int(values.children.trimmed)
        if children.map({ !(0...100_000).contains($0) }) ?? true {
            fail("children", "Enter the children walked a day as a whole number from 0 to 100,000")
        }
        let cost = money(values.dailyCost, "daily_cost", "the cost of a school day", Scenario.dailyCostCeiling)
        let from = day(values.from, "from", "the route's first day")
        var closes: Day?
        if !values.closes.trimmed.isEmpty {
            closes = day(values.closes, "closes", "the day the route closes")
            if let from, let closes, closes < from {
                fail("closes", "The closing day (\(closes.display)) must be on or after the first (\(from.display))")
            }
        }
        guard !failed, let authority, let children, let cost, let from else { return nil }
        return .openRoute(route: HypotheticalRoute(id: UUID(), code: code, localAuthorityID: authority, childrenPerDay: children,
                                                   dailyCost: cost, from: from, closes: closes))
    }
}

/// The pooled fund's policy from its form: the order it spends in, with a score per route
/// when the commissioner ranks them.
enum ForecastPoolPolicy {
    static let choices: [(value: String, label: String, hint: String)] = [
        ("priority", "Highest priority score first", "Enter a score for each route below, such as a violence-risk score; routes without a score come last."),
        ("children-per-pound", "Most children per pound first", "Routes that walk the most children for each pound of their shortfall are funded first."),
        ("cheapest-first", "Cheapest first", "The smallest shortfalls are funded first, so the fund keeps the most routes running."),
        ("pro-rata", "Pro rata", "Every route short of money gets a share in proportion to its shortfall."),
    ]

    static func parse(_ values: ForecastInterventionForm.Values, routeIDs: Set<UUID>, errors: inout [FieldError]) -> PoolPolicy? {
        switch values.policy {
        case "priority":
            var scores: [RouteScore] = []
            for (key, text) in values.scores.sorted(by: { $0.key < $1.key }) where !text.trimmed.isEmpty {
                guard let id = UUID(uuidString: key), routeIDs.contains(id) else {
                    errors.append(.init(field: "scores", message: "Scores can be given only to the scenario's routes")); return nil
                }
                guard let score = Double(text.trimmed), score.isFinite, abs(score) <= 1_000_000 else {
                    errors.append(.init(field: "score-\(key)", message: "Enter the score as a number, like 7.5")); continue
                }
                scores.append(RouteScore(routeID: id, score: score))
            }
            if scores.isEmpty { errors.append(.init(field: "scores", message: "Enter a priority score for at least one route")) }
            return .priority(scores: scores)
        case "children-per-pound": return .childrenPerPound
        case "cheapest-first": return .cheapestFirst
        case "pro-rata": return .proRata
        default:
            errors.append(.init(field: "policy", message: "Choose how the fund is spent"))
            return nil
        }
    }
}
