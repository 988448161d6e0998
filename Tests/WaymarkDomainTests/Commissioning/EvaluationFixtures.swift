import Foundation
@testable import WaymarkDomain

/// The worked example, scored by hand (quality 4 × 10, price 50, social value 10, scale 0–5):
///
/// | bidder          | price      | Q1–Q4 agreed | quality | price points                      | SV agreed | total |
/// |-----------------|------------|--------------|---------|-----------------------------------|-----------|-------|
/// | Safe Steps CIC  | £88,000.00 | 3, 3, 4, 3   | 26.00   | 88,000 ÷ 88,000 × 50 = 50.00      | 3 → 6.00  | 82.00 |
/// | Youth Links     | £91,260.00 | 4, 4, 5, 4   | 34.00   | 88,000 ÷ 91,260 × 50 = 48.2139…   | 4 → 8.00  | 90.21 |
/// | Guardians Trust | £96,000.00 | 5, 4, 4, 4   | 34.00   | 88,000 ÷ 96,000 × 50 = 45.8333…   | 3 → 6.00  | 85.83 |
///
/// Ranking: Youth Links 90.21, Guardians Trust 85.83, Safe Steps CIC 82.00.
enum Worked {
    static let chair = id(700)
    static let assessorA = id(701), assessorB = id(702)
    static let safeStepsBid = id(511), youthLinksBid = id(512), guardiansBid = id(513)

    static var spec: Specification { Demo.specification(status: .inEvaluation) }

    static let bids: [BidForScoring] = [
        BidForScoring(bidID: safeStepsBid, providerID: Bidders.safeSteps, providerName: "Safe Steps CIC",
                      price: pounds(88_000), submittedAt: instant("2024-03-20T10:00:00Z")),
        BidForScoring(bidID: youthLinksBid, providerID: Bidders.youthLinks, providerName: "Youth Links",
                      price: Money(pence: 9_126_000), submittedAt: instant("2024-03-28T10:42:00Z")),
        BidForScoring(bidID: guardiansBid, providerID: Bidders.guardians, providerName: "Guardians Trust",
                      price: pounds(96_000), submittedAt: instant("2024-03-25T15:00:00Z")),
    ]

    static let agreedScores: [UUID: [Int]] = [
        safeStepsBid: [3, 3, 4, 3, 3],
        youthLinksBid: [4, 4, 5, 4, 4],
        guardiansBid: [5, 4, 4, 4, 3],
    ]

    /// Agreed scores for every item of every bid: the four questions then social value.
    static func agreed(_ table: [UUID: [Int]] = agreedScores, spec: Specification = spec) -> [ModeratedScore] {
        table.flatMap { bidID, scores in
            zip(spec.scoredItems, scores).map { item, score in
                ModeratedScore(bidID: bidID, item: item, score: score, note: "Agreed after discussion of the evidence.",
                               moderatedBy: chair, moderatedAt: instant("2024-04-10T14:00:00Z"))
            }
        }
    }

    static func ranking(_ bids: [BidForScoring] = bids, agreed: [ModeratedScore] = agreed(), spec: Specification = spec) -> Ranking? {
        guard case .ranked(let ranking) = Scoring.rank(bids, agreed: agreed, for: spec) else { return nil }
        return ranking
    }

    /// The stored bids behind the worked example (one version each, in time).
    static func storedBid(_ bidID: UUID) -> Bid {
        guard let scoring = bids.first(where: { $0.bidID == bidID }) else { fatalError("no such bid") }
        return Bid(id: bidID, specificationID: spec.id, providerOrganisationID: scoring.providerID, versions: [
            BidVersion(number: 1, content: Bidders.content(price: scoring.price), submittedAt: scoring.submittedAt, submittedBy: Bidders.submitter),
        ])
    }
}
