import Foundation

/// The rules on what a bid says: every question answered within its limit, routes from the
/// specification, and a price that is more than zero and, per route, adds up.
extension BidRules {
    /// Every problem with the bid's content, whatever the date: the "check your bid" page can
    /// show these on a draft before the provider submits.
    public static func contentProblems(_ content: BidContent, for spec: Specification,
                                       routeNames: [UUID: String] = [:]) -> [BidProblem] {
        answerProblems(content, spec) + routeProblems(content, spec, routeNames)
            + priceProblems(content, spec, routeNames) + socialValueProblems(content, spec)
    }

    private static func answerProblems(_ content: BidContent, _ spec: Specification) -> [BidProblem] {
        var problems: [BidProblem] = []
        for (index, question) in spec.questions.enumerated() {
            let answer = content.answers[question.id] ?? ""
            if Wording.isBlank(answer) {
                problems.append(.init(field: .answers, questionID: question.id,
                                      message: "Answer question \(index + 1): “\(question.text)”"))
            } else if answer.count > question.characterLimit {
                problems.append(.init(field: .answers, questionID: question.id, message:
                    "Your answer to question \(index + 1) is \(Wording.grouped(answer.count)) characters; "
                        + "the limit is \(Wording.grouped(question.characterLimit))"))
            }
        }
        let asked = Set(spec.questions.map(\.id))
        let stray = content.answers.keys.filter { !asked.contains($0) }.count
        if stray > 0 {
            problems.append(.init(field: .answers, message:
                "\(Wording.count(stray, "answer is", plural: "answers are")) for a question this specification does not ask"))
        }
        return problems
    }

    private static func routeProblems(_ content: BidContent, _ spec: Specification, _ names: [UUID: String]) -> [BidProblem] {
        if content.proposedRouteIDs.isEmpty {
            return [.init(field: .routes, message: "Choose at least one route to serve")]
        }
        let outside = content.proposedRouteIDs.subtracting(spec.routeIDs)
        guard !outside.isEmpty else { return [] }
        let verb = outside.count == 1 ? "is" : "are"
        return [.init(field: .routes, message:
            "\(capitalised(Wording.routes(outside, names: names))) \(verb) not covered by this specification: bid only for its routes")]
    }

    private static func priceProblems(_ content: BidContent, _ spec: Specification, _ names: [UUID: String]) -> [BidProblem] {
        var problems: [BidProblem] = []
        let price = content.price
        if !price.total.isPositive {
            problems.append(.init(field: .price, message: "Enter a price more than £0.00 (it is \(price.total.display))"))
        } else if price.total > priceCeiling {
            problems.append(.init(field: .price, message: "The price must be at most \(priceCeiling.display)"))
        }
        switch spec.pricing {
        case .total:
            if !price.perRoute.isEmpty {
                problems.append(.init(field: .routePrices, message: "This specification asks for one total price, not prices per route"))
            }
        case .perRoute:
            problems += routePriceProblems(price, proposed: content.proposedRouteIDs, names)
        }
        return problems
    }

    private static func routePriceProblems(_ price: BidPrice, proposed: Set<UUID>, _ names: [UUID: String]) -> [BidProblem] {
        var problems: [BidProblem] = []
        let priced = Set(price.perRoute.keys)
        let unpriced = proposed.subtracting(priced)
        if !unpriced.isEmpty {
            problems.append(.init(field: .routePrices, message: "Give a price for \(Wording.routes(unpriced, names: names))"))
        }
        let unproposed = priced.subtracting(proposed)
        if !unproposed.isEmpty {
            problems.append(.init(field: .routePrices, message:
                "Prices are given for \(Wording.routes(unproposed, names: names)) you do not propose to serve"))
        }
        let notPositive = price.perRoute.filter { !$0.value.isPositive }
        if !notPositive.isEmpty {
            problems.append(.init(field: .routePrices, message:
                "Each route's price must be more than £0.00 (\(Wording.routes(notPositive.keys, names: names)) \(notPositive.count == 1 ? "is" : "are") not)"))
        }
        if let sum = Money.sum(price.perRoute.values), sum != price.total, notPositive.isEmpty {
            problems.append(.init(field: .routePrices, message:
                "The route prices add up to \(sum.display), not the total price \(price.total.display)"))
        }
        return problems
    }

    private static func socialValueProblems(_ content: BidContent, _ spec: Specification) -> [BidProblem] {
        guard spec.criteria.socialValue.isPositive else { return [] }
        if Wording.isBlank(content.socialValue) {
            return [.init(field: .socialValue, message: "Describe the social value your bid offers: it carries \(spec.criteria.socialValue.percentText) of the score")]
        }
        if content.socialValue.count > socialValueCharacterLimit {
            return [.init(field: .socialValue, message:
                "Your social value statement is \(Wording.grouped(content.socialValue.count)) characters; "
                    + "the limit is \(Wording.grouped(socialValueCharacterLimit))")]
        }
        return []
    }

    private static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
