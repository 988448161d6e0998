import Foundation
import Vapor
import WaymarkDomain

/// The bid form as typed. Answers and route prices are keyed by question id and route code.
struct BidFormValues: Content {
    var organisation: String?
    var answers: [String: String]?
    var price: String?
    var prices: [String: String]?
    var routes: [String]?
    var social_value: String?
    var opened_version: String?
    var action: String?

    init() {}

    /// The form filled from saved content (a draft or the latest submission).
    init(_ content: BidContent, organisation: UUID, openedVersion: Int?, codes: [UUID: String]) {
        self.organisation = organisation.uuidString
        answers = Dictionary(uniqueKeysWithValues: content.answers.map { ($0.key.uuidString, $0.value) })
        price = content.price.total.isZero ? "" : content.price.total.decimalString
        prices = Dictionary(uniqueKeysWithValues: content.price.perRoute.compactMap { id, money in codes[id].map { ($0, money.decimalString) } })
        routes = content.proposedRouteIDs.map(\.uuidString)
        social_value = content.socialValue
        opened_version = openedVersion.map(String.init)
    }

    /// The content typed, and the fields that are not even the right kind of value. Amounts
    /// may be negative or zero here: the bid rules then say why that is not a price.
    func content(for spec: Specification, codes: [UUID: String]) -> (BidContent, [FieldError]) {
        var errors: [FieldError] = []
        var answerTexts: [UUID: String] = [:]
        for (key, text) in answers ?? [:] {
            guard let id = UUID(uuidString: key) else { continue }
            let trimmed = text.trimmed
            if !trimmed.isEmpty { answerTexts[id] = trimmed }
        }
        let priceText = (price ?? "").trimmed
        let total = priceText.isEmpty ? Money.zero : Money(parsing: priceText, allowNegative: true)
        if total == nil { errors.append(.init(field: "price", message: "Enter your price in pounds, like 89,400")) }
        var perRoute: [UUID: Money] = [:]
        let idsByCode = Dictionary(codes.map { ($0.value, $0.key) }, uniquingKeysWith: { first, _ in first })
        for (code, text) in prices ?? [:] where !text.trimmed.isEmpty {
            guard let id = idsByCode[code] else { continue }
            guard let money = Money(parsing: text.trimmed, allowNegative: true) else {
                errors.append(.init(field: "price-\(code)", message: "Enter the price for \(code) in pounds, like 44,700"))
                continue
            }
            perRoute[id] = money
        }
        let proposed = Set((routes ?? []).compactMap(UUID.init(uuidString:)))
        // What could be read comes back even beside typing problems (an unreadable price as
        // £0), so the bid rules can judge the rest at once; it is saved only without problems.
        return (BidContent(answers: answerTexts, price: BidPrice(total: total ?? .zero, perRoute: spec.pricing == .perRoute ? perRoute : [:]),
                           proposedRouteIDs: proposed, socialValue: (social_value ?? "").trimmed), errors)
    }

    /// The form field each of the bid rules' problems is about.
    static func fieldID(_ problem: BidProblem) -> String {
        switch problem.field {
        case .answers: problem.questionID.map { "answer-\($0.uuidString)" } ?? "answers"
        case .price: "price"
        case .routePrices: "prices"
        case .routes: "routes"
        case .socialValue: "social_value"
        case .deadline, .specification: "deadline"
        case .version: "version"
        }
    }
}
