import Foundation
import Vapor
import WaymarkDomain

/// The specification form as typed: every field as text, so a refused form comes back exactly
/// as it was sent. Questions are numbered rows (`question_text[0]`…); a row left blank is
/// ignored, which is how a question is removed without JavaScript.
struct SpecificationFormValues: Content {
    var title: String?
    var context: String?
    var services_required: String?
    var authorities: [String]?
    var routes: [String]?
    var total_value: String?
    var split: String?
    var shares: [String: String]?
    var service_start: String?
    var service_end: String?
    var go_live: String?
    var term_time: String?
    var pricing: String?
    var question_text: [String: String]?
    var question_weight: [String: String]?
    var question_limit: [String: String]?
    var quality: String?
    var price: String?
    var social_value: String?
    var price_formula: String?
    var closing_day: String?
    var closing_time: String?
    var kpis: String?
    var attachments: String?
    var version: String?

    /// Rows shown for questions: those typed plus two empty ones to add more.
    static let spareQuestionRows = 2

    struct QuestionRow: Encodable {
        let index: Int
        let text: String
        let weight: String
        let limit: String
    }

    var questionRows: [QuestionRow] {
        let keys = Set((question_text ?? [:]).keys).union((question_weight ?? [:]).keys).union((question_limit ?? [:]).keys)
        let typed = keys.compactMap(Int.init).sorted().map { index in
            QuestionRow(index: index, text: question_text?["\(index)"] ?? "", weight: question_weight?["\(index)"] ?? "",
                        limit: question_limit?["\(index)"] ?? "")
        }.filter { !($0.text.trimmed.isEmpty && $0.weight.trimmed.isEmpty && $0.limit.trimmed.isEmpty) }
        let next = (typed.map(\.index).max() ?? -1) + 1
        let spare = (0..<Self.spareQuestionRows).map { QuestionRow(index: next + $0, text: "", weight: "", limit: "") }
        return typed + spare
    }

    /// The form filled from a stored specification, for editing.
    init(_ spec: Specification, routeCodes: [UUID: String]) {
        title = spec.title
        context = spec.context
        services_required = spec.servicesRequired
        authorities = spec.localAuthorityIDs.map(\.uuidString)
        routes = spec.routeIDs.map(\.uuidString)
        total_value = spec.totalValue.decimalString
        switch spec.valueSplit {
        case .proportionalToCost: split = "cost"
        case .statedShares(let stated):
            split = "shares"
            shares = Dictionary(uniqueKeysWithValues: stated.compactMap { id, points in
                routeCodes[id].map { ($0, Weight(basisPoints: points).points) }
            })
        }
        service_start = spec.servicePeriod.start.iso
        service_end = spec.servicePeriod.end.iso
        go_live = spec.goLive.iso
        term_time = spec.termTimeDelivery ? "yes" : nil
        pricing = spec.pricing.rawValue
        question_text = [:]; question_weight = [:]; question_limit = [:]
        for (index, question) in spec.questions.enumerated() {
            question_text?["\(index)"] = question.text
            question_weight?["\(index)"] = question.weight.points
            question_limit?["\(index)"] = String(question.characterLimit)
        }
        quality = spec.criteria.quality.points
        price = spec.criteria.price.points
        social_value = spec.criteria.socialValue.points
        price_formula = spec.criteria.priceFormula.rawValue
        closing_day = spec.closing.day.iso
        closing_time = spec.closing.clock
        kpis = spec.kpis.joined(separator: "\n")
        attachments = spec.attachments.joined(separator: "\n")
        version = String(spec.version)
    }

    /// A new specification's starting point: Step Together's criteria and the usual settings.
    static var blank: SpecificationFormValues {
        var values = SpecificationFormValues()
        values.split = "cost"
        values.term_time = "yes"
        values.pricing = Specification.Pricing.total.rawValue
        values.quality = "40"
        values.price = "50"
        values.social_value = "10"
        values.price_formula = PriceFormula.lowestOverBid.rawValue
        values.closing_time = "12:00"
        return values
    }

    init() {}
}
