import Foundation

/// The one place that says which event goes to whom: each event names the people it concerns
/// (its audiences) and the row it is about; a person hears of it when they are in an audience
/// and the read rule lets them read that row. So nobody is told of what they may not see.
public enum NotificationRules {
    public enum Audience: Hashable, Sendable {
        /// Everyone holding the role in the tenant.
        case everyone(Role)
        /// Those holding the role in one of these organisations.
        case members(Role, of: Set<UUID>)
        /// These people, whatever their roles (a panel, the person who ran a forecast).
        case people(Set<UUID>)

        func includes(_ reader: Reader) -> Bool {
            switch self {
            case .everyone(let role): reader.roles.contains(role)
            case let .members(role, organisations):
                reader.organisations.contains { organisations.contains($0.id) && $0.roles.contains(role) }
            case .people(let people): people.contains(reader.personID)
            }
        }
    }

    public struct Routing: Hashable, Sendable {
        public let audiences: [Audience]
        /// What the notice is about, which each recipient must be allowed to read.
        public let row: ReadableRow
    }

    public static func routing(_ event: WorkflowEvent) -> Routing {
        let published = ReadableRow.specification(published: true)
        switch event {
        case let .routeStatusChanged(authority, funders):
            return Routing(audiences: [.everyone(.commissioner), .members(.partner, of: funders)], row: .route(localAuthority: authority))
        case .grantEnding(let funder):
            return Routing(audiences: [.everyone(.commissioner), .members(.partner, of: [funder])], row: .fundingSource(funder: funder))
        case .pledgeMade(let organisation), .pledgeWithdrawn(let organisation):
            return Routing(audiences: [.everyone(.commissioner)], row: .pledge(organisation: organisation))
        case .pledgeDecided(let organisation):
            return Routing(audiences: [.members(.partner, of: [organisation])], row: .pledge(organisation: organisation))
        case .specificationPublished, .deadlineNear:
            return Routing(audiences: [.everyone(.provider)], row: published)
        case .clarificationAnswered(let bidders):
            return Routing(audiences: [.members(.provider, of: bidders)], row: published)
        case .bidsReadyToScore(let panel):
            return Routing(audiences: [.people(panel)], row: published)
        case .bidWon(let bidder), .bidLost(let bidder):
            return Routing(audiences: [.members(.provider, of: [bidder])], row: published)
        case .contractVaried(let provider), .paymentMade(let provider):
            return Routing(audiences: [.members(.provider, of: [provider])], row: .contract(provider: provider))
        case .returnReminder(let provider), .returnReviewed(let provider):
            return Routing(audiences: [.members(.provider, of: [provider])], row: .monthlyReturn(provider: provider, fundedByReader: false))
        case let .forecastFinished(ranBy, shared):
            return Routing(audiences: [.people([ranBy])], row: .scenario(sharedWithPartners: shared))
        }
    }

    /// The people among the tenant's `readers` who hear of `event`, each once, in the order given.
    public static func recipients(_ event: WorkflowEvent, among readers: [Reader]) -> [UUID] {
        let routing = routing(event)
        var seen = Set<UUID>()
        return readers.filter { reader in
            routing.audiences.contains { $0.includes(reader) } && ReadRule.allows(reader, routing.row)
        }.map(\.personID).filter { seen.insert($0).inserted }
    }
}

/// What a person chose to receive by email. The inbox always has everything.
public struct NoticePreferences: Hashable, Sendable {
    /// Kinds they want no email for.
    public var emailOff: Set<NoticeKind>
    /// One email a week listing the week's notices, instead of one email each.
    public var weeklyDigest: Bool

    public init(emailOff: Set<NoticeKind> = [], weeklyDigest: Bool = false) {
        self.emailOff = emailOff
        self.weeklyDigest = weeklyDigest
    }

    public static let standard = NoticePreferences()

    /// Whether a notice of `kind` is emailed as it happens.
    public func emailsAtOnce(_ kind: NoticeKind) -> Bool { !weeklyDigest && !emailOff.contains(kind) }
    /// Whether it goes in the weekly digest.
    public func digests(_ kind: NoticeKind) -> Bool { weeklyDigest && !emailOff.contains(kind) }
}
