import Foundation

/// Something that happened which people should hear about, described by the facts that decide
/// who hears: the organisations and people it concerns, and the row it is about (which the read
/// rule must let each recipient read). `NotificationRules` says who that is.
public enum WorkflowEvent: Hashable, Sendable {
    // Funding
    /// A route's funding status changed; `funders` are the organisations paying for it now.
    case routeStatusChanged(localAuthority: String, funders: Set<UUID>)
    /// A grant enters its 180, 90 or 30 days before ending.
    case grantEnding(funder: UUID)
    /// A partner pledged money: the commissioners decide.
    case pledgeMade(organisation: UUID)
    /// The partner withdrew it before a decision.
    case pledgeWithdrawn(organisation: UUID)
    /// The commissioner confirmed or declined it.
    case pledgeDecided(organisation: UUID)
    // Commissioning
    case specificationPublished
    /// Published and closing within days: for providers who may bid.
    case deadlineNear
    /// An answer published to every bidder: the organisations with a bid and the one that asked.
    case clarificationAnswered(bidders: Set<UUID>)
    /// The deadline passed: the panel may declare and score.
    case bidsReadyToScore(panel: Set<UUID>)
    /// The award: the winner hears it won, every other bidder that it did not.
    case bidWon(bidder: UUID)
    case bidLost(bidder: UUID)
    // Contracts and returns
    case contractVaried(provider: UUID)
    case paymentMade(provider: UUID)
    /// A monthly return is due soon or overdue.
    case returnReminder(provider: UUID)
    /// The commissioner approved, queried or sent back a return.
    case returnReviewed(provider: UUID)
    // Forecasts
    case forecastFinished(ranBy: UUID, shared: Bool)

    public var kind: NoticeKind {
        switch self {
        case .routeStatusChanged: .routeStatus
        case .grantEnding: .grantEnding
        case .pledgeMade, .pledgeWithdrawn: .pledgeToDecide
        case .pledgeDecided: .pledgeDecided
        case .specificationPublished, .deadlineNear: .callForBids
        case .clarificationAnswered: .clarification
        case .bidsReadyToScore: .scoring
        case .bidWon, .bidLost: .award
        case .contractVaried, .paymentMade: .contract
        case .returnReminder: .returnReminder
        case .returnReviewed: .returnReview
        case .forecastFinished: .forecast
        }
    }
}

/// The kinds a person turns email on or off for; the inbox always has everything.
public enum NoticeKind: String, CaseIterable, Sendable, Codable, Hashable {
    case routeStatus = "route_status"
    case grantEnding = "grant_ending"
    case pledgeToDecide = "pledge_to_decide"
    case pledgeDecided = "pledge_decided"
    case callForBids = "call_for_bids"
    case clarification
    case scoring
    case award
    case contract
    case returnReminder = "return_reminder"
    case returnReview = "return_review"
    case forecast

    /// How the preferences page names it.
    public var label: String {
        switch self {
        case .routeStatus: "A route's funding status changes"
        case .grantEnding: "A grant is ending (180, 90 and 30 days before)"
        case .pledgeToDecide: "A pledge awaits your decision, or was withdrawn"
        case .pledgeDecided: "Your pledge was confirmed or declined"
        case .callForBids: "A specification is published, or its deadline is near"
        case .clarification: "A clarification question was answered"
        case .scoring: "Bids are ready for you to score"
        case .award: "A contract was awarded on a specification you bid for"
        case .contract: "Your contract was varied, or a payment was made"
        case .returnReminder: "A monthly return is due or overdue"
        case .returnReview: "Your monthly return was approved, queried or sent back"
        case .forecast: "Your forecast finished"
        }
    }
}
