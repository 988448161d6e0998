import Foundation
import Vapor
import WaymarkDomain

/// A contract form's fields as typed, and how they become a `Contract`: shared by the form
/// that makes a contract from an award and the one that records a contract let elsewhere,
/// which differ only in their `ContractChoices`.
enum ContractForm {
    struct Form: Content {
        var reference: String?
        var title: String?
        var provider: String?
        var value: String?
        var start_day: String?
        var end_day: String?
        var kpis: String?
        var route_values: [String: String]?
        var link_source: [String: String]?
        var link_amount: [String: String]?
    }

    struct Link: Encodable, Sendable { var source = ""; var amount = "" }

    struct Values: Encodable, Sendable {
        var reference = "", title = "", provider = "", value = "", startDay = "", endDay = "", kpis = ""
        var routeValues: [String: String] = [:]
        /// In line order; blank lines are kept so the form shows them where they were.
        var links: [Link] = []
        /// The person ticked "I have checked" for text that looked personal (`PersonalDataGate`);
        /// an import never has.
        var personalDataChecked = false
        /// How the values came: a form and the API can confirm, an import cannot.
        var channel = PersonalDataCheck.Channel.importFile

        init() {}

        /// What a form or an API body sent, with its personal-data confirmation.
        init(_ req: Request) throws {
            self.init(try req.content.decode(Form.self))
            personalDataChecked = PersonalDataGate.confirmed(req)
            channel = PersonalDataGate.channel(req)
        }

        init(_ form: Form) {
            reference = form.reference ?? ""; title = form.title ?? ""; provider = form.provider ?? ""
            value = form.value ?? ""; startDay = form.start_day ?? ""; endDay = form.end_day ?? ""; kpis = form.kpis ?? ""
            routeValues = form.route_values ?? [:]
            let sources = form.link_source ?? [:], amounts = form.link_amount ?? [:]
            let numbers = Set(sources.keys).union(amounts.keys).compactMap { Int($0) }.filter { (1...50).contains($0) }
            links = (0..<(numbers.max() ?? 0)).map { index in
                Link(source: sources[String(index + 1)] ?? "", amount: amounts[String(index + 1)] ?? "")
            }
        }

        var kpiLines: [String] { kpis.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty } }
    }

    /// The form as the award suggests it: the winning bid's provider, routes and price, the
    /// specification's dates and KPIs.
    static func suggested(_ choices: ContractFormChoices, reference: String) -> Values {
        let spec = choices.specification.spec
        let contract = choices.winningBid.flatMap { Contract.fromAward(choices.award.decision, bid: $0.bid, specification: spec) }
        var values = Values()
        values.reference = reference
        values.title = spec.title
        values.provider = (contract?.providerOrganisationID ?? choices.winningBid?.bid.providerOrganisationID)?.uuidString ?? ""
        values.value = contract?.value.display ?? ""
        values.startDay = (contract?.original.start ?? spec.goLive).iso
        values.endDay = (contract?.original.end ?? spec.servicePeriod.end).iso
        values.kpis = spec.kpis.joined(separator: "\n")
        let codes = choices.routeNames
        for route in contract?.original.routes ?? [] {
            if let code = codes[route.routeID] { values.routeValues[code] = route.value.display }
        }
        return values
    }

    /// The contract the values describe, or every problem with them by field. `ContractRules`
    /// has the last word on the contract itself; this checks what only the form can get wrong.
    static func contract(_ values: Values, choices: some ContractChoices, id: UUID) -> (Contract?, [FieldError]) {
        var errors: [FieldError] = []
        if values.reference.trimmed.isEmpty || values.reference.trimmed.count > 40 {
            errors.append(.init(field: "reference", message: "Enter a reference of up to 40 characters, like ST-WLV-2023-01"))
        }
        if values.title.trimmed.isEmpty || values.title.trimmed.count > 200 {
            errors.append(.init(field: "title", message: "Enter a title of up to 200 characters"))
        }
        let provider = choices.providers.first { $0.id?.uuidString == values.provider }
        if provider == nil { errors.append(.init(field: "provider", message: "Choose the provider the contract is with")) }
        let value = Money(parsing: values.value)
        if value == nil { errors.append(.init(field: "value", message: "Enter the contract value in pounds, like 91,260")) }
        let start = Day(entered: values.startDay), end = Day(entered: values.endDay)
        if start == nil { errors.append(.init(field: "start_day", message: "Enter the first day of service, like 2023-09-04")) }
        if end == nil { errors.append(.init(field: "end_day", message: "Enter the last day of service, like 2024-07-31")) }
        let routes = routeValues(values, choices: choices, errors: &errors)
        let links = fundingLinks(values, choices: choices, errors: &errors)
        // The title is published with the contract; the KPIs stay inside the tenant.
        errors += PersonalDataCheck.problems([.init(field: "title", label: "The title", text: values.title, audience: .published),
                                              .init(field: "kpis", label: "The KPIs", text: values.kpis)],
                                             confirmed: values.personalDataChecked,
                                             channel: values.channel)
            .map(FieldError.init)
        // The rules run on what could be read, so every problem shows at once. A value that
        // could not be read stands in as what the routes and links add up to, and dates as one
        // day, so the rules about them stay quiet (their typing problem already speaks).
        let standInValue = value ?? max(Money.sum(routes.map(\.value)) ?? .zero, Money.sum(links.map(\.amount)) ?? .zero, Money(pence: 1))
        let standInDay = start ?? end ?? Day(2000, 1, 1)
        let contract = Contract(id: id, specificationID: choices.specificationID, awardedBidID: choices.awardedBidID,
                                providerOrganisationID: provider?.id ?? UUID(), value: standInValue, start: start ?? standInDay,
                                end: end ?? standInDay, routes: routes, kpis: values.kpiLines, fundingLinks: links)
        // A sum over a route or link the form could not read would only repeat that problem.
        let unreadRoutes = errors.contains { $0.field.hasPrefix("route") }, unreadLinks = errors.contains { $0.field.hasPrefix("link-") }
        errors += ContractRules.problems(contract, routeNames: choices.routeNames)
            .filter { !($0.field == .routes && unreadRoutes) && !($0.field == .funding && unreadLinks) }
            .filter { !($0.field == .value && value == nil) && !($0.field == .period && (start == nil || end == nil)) }
            .map { .init(field: field(of: $0.field), message: $0.message) }
        guard provider != nil, value != nil, start != nil, end != nil else { return (nil, inFormOrder(errors)) }
        return (errors.isEmpty ? contract : nil, inFormOrder(errors))
    }

    /// The error summary lists problems in the order the fields come on the page.
    private static func inFormOrder(_ errors: [FieldError]) -> [FieldError] {
        let order = ["reference", "title", "provider", "value", "start_day", "end_day", "route", "kpis", "funding", "link-"]
        func rank(_ error: FieldError) -> Int { order.firstIndex { error.field.hasPrefix($0) } ?? order.count }
        return errors.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// Route values in the choices' order; a blank value leaves the route off.
    private static func routeValues(_ values: Values, choices: some ContractChoices, errors: inout [FieldError]) -> [RouteValue] {
        let known = Set(choices.routes.map(\.code))
        for code in values.routeValues.keys.sorted() where !known.contains(code) && !values.routeValues[code]!.trimmed.isEmpty {
            errors.append(.init(field: "routes", message: "\(code) is not one of the routes this contract may serve"))
        }
        return choices.routes.compactMap { route in
            guard let text = values.routeValues[route.code], !text.trimmed.isEmpty else { return nil }
            guard let amount = Money(parsing: text) else {
                errors.append(.init(field: "route-\(route.code)", message: "Enter the value for \(route.code) in pounds, like 45,630"))
                return nil
            }
            return RouteValue(routeID: route.id!, value: amount)
        }
    }

    /// Each funding line with a source or an amount; a line with neither is ignored.
    private static func fundingLinks(_ values: Values, choices: some ContractChoices, errors: inout [FieldError]) -> [FundingLink] {
        values.links.enumerated().compactMap { index, line -> FundingLink? in
            let number = index + 1
            let chosen = line.source.trimmed, typed = line.amount.trimmed
            if chosen.isEmpty && typed.isEmpty { return nil }
            let parts = chosen.split(separator: "/").map { UUID(uuidString: String($0)) }
            let source = parts.first.flatMap { $0 }.flatMap(choices.source)
            let allocation = parts.count == 2 ? parts[1].flatMap { id in choices.allocations.first { $0.id == id } } : nil
            var ok = true
            if chosen.isEmpty {
                errors.append(.init(field: "link-\(number)-source", message: "Choose the funding source for funding line \(number)"))
                ok = false
            } else if source == nil || parts.count > 2 || (parts.count == 2 && allocation?.sourceID != source?.id) {
                errors.append(.init(field: "link-\(number)-source", message:
                    "Funding line \(number) names a funding source or allocation that does not exist: choose one from the list"))
                ok = false
            }
            let amount = Money(parsing: typed)
            if amount == nil {
                errors.append(.init(field: "link-\(number)-amount", message: "Enter the amount of funding line \(number) in pounds, like 60,000"))
                ok = false
            }
            guard ok, let source, let amount else { return nil }
            return FundingLink(sourceID: source.id!, allocationID: allocation?.id, amount: amount)
        }
    }

    private static func field(of field: ContractProblem.Field) -> String {
        switch field {
        case .value: "value"
        case .routes: "routes"
        case .period, .end: "end_day"
        case .kpis: "kpis"
        case .funding: "funding"
        default: "reference"
        }
    }
}
