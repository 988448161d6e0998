import Foundation
import WaymarkDomain

/// A bid's content as pages show it: each question with its answer, the price (per route when
/// asked), the routes proposed and the social value statement.
struct BidContentView: Encodable {
    struct Answer: Encodable { let number: Int; let question: String; let answer: String; let length: String }
    struct RoutePrice: Encodable { let code: String; let price: String }

    let answers: [Answer]
    let price: String
    let routePrices: [RoutePrice]
    let routes: String
    let socialValue: String?

    init(_ content: BidContent, spec: Specification, codes: [UUID: String]) {
        answers = spec.questions.enumerated().map { index, question in
            let text = content.answers[question.id] ?? ""
            return Answer(number: index + 1, question: question.text, answer: text,
                          length: "\(text.count.formatted()) of \(question.characterLimit.formatted()) characters")
        }
        price = content.price.total.display
        routePrices = spec.routeIDs.compactMap { id in
            content.price.perRoute[id].map { RoutePrice(code: codes[id] ?? "?", price: $0.display) }
        }
        routes = spec.routeIDs.filter(content.proposedRouteIDs.contains).compactMap { codes[$0] }.joined(separator: ", ")
        socialValue = spec.criteria.socialValue.isPositive ? content.socialValue : nil
    }
}

/// A submission in a bid's history.
struct BidVersionLine: Encodable {
    let number: Int
    let submittedAt: String
    let withdrawnAt: String?
    let counts: Bool

    static func lines(_ bid: Bid, closesAt: Date) -> [BidVersionLine] {
        let counted = bid.counted(closesAt: closesAt)?.number
        return bid.versions.sorted { $0.number > $1.number }.map {
            BidVersionLine(number: $0.number, submittedAt: $0.submittedAt.londonDisplay,
                           withdrawnAt: $0.withdrawnAt?.londonDisplay, counts: $0.number == counted)
        }
    }
}
