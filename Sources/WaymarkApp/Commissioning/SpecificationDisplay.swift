import Foundation
import WaymarkDomain

/// How a specification's facts read on every page, public ones included: one wording and one
/// tag colour per status, the deadline in UK time, the value split route by route.
enum SpecificationDisplay {
    static func tag(_ status: SpecificationStatus) -> String {
        switch status {
        case .draft: "wm-tag--grey"
        case .published: "wm-tag--green"
        case .closed: "wm-tag--yellow"
        case .inEvaluation: "wm-tag--blue"
        case .awarded: "wm-tag--secure"
        case .cancelled: "wm-tag--red"
        }
    }

    /// "Open for bids until 12:00 on 30 Jun 2023 (UK time)", or "Bids closed at …".
    static func deadline(_ spec: Specification, now: Date) -> String {
        spec.bidWindow.isOpen(at: now)
            ? "Open for bids until \(spec.closing.display) (UK time)"
            : "Bids closed at \(spec.closing.display) (UK time)"
    }

    struct RouteLine: Encodable {
        let code: String
        let name: String
        let value: String
        let share: String
    }

    static func routeLines(_ spec: Specification, routes: [UUID: Route]) -> [RouteLine] {
        let values = spec.routeValues ?? []
        return values.map { line in
            let route = routes[line.routeID]
            let share = spec.totalValue.isPositive
                ? String(format: "%.1f%%", Double(line.value.pence) / Double(spec.totalValue.pence) * 100) : ""
            return RouteLine(code: route?.code ?? "?", name: route?.name ?? "", value: line.value.display, share: share)
        }
    }

    static func splitText(_ spec: Specification) -> String {
        switch spec.valueSplit {
        case .proportionalToCost: "In proportion to each route's cost over the service period"
        case .statedShares: "By stated shares"
        }
    }

    static func pricingText(_ pricing: Specification.Pricing) -> String {
        switch pricing {
        case .total: "One total price"
        case .perRoute: "A price for each route, adding up to the total"
        }
    }

    struct QuestionLine: Encodable {
        let number: Int
        let text: String
        let weight: String
        let limit: String
    }

    static func questionLines(_ spec: Specification) -> [QuestionLine] {
        spec.questions.enumerated().map { index, question in
            QuestionLine(number: index + 1, text: question.text, weight: question.weight.percentText,
                         limit: "\(question.characterLimit.formatted()) characters")
        }
    }

    static func criteriaText(_ criteria: EvaluationCriteria) -> String {
        "Quality \(criteria.quality.percentText), price \(criteria.price.percentText), social value \(criteria.socialValue.percentText)"
    }
}
