import Foundation

/// What must hold for a provider to submit, resubmit or withdraw a bid. Every check runs even
/// when an early one fails, so the provider fixes everything in one go.
///
/// The deadline is the window's: `now < closesAt`, judged on the instant the request is
/// handled. After it nothing can be submitted, resubmitted or withdrawn, whatever the
/// specification's recorded status says.
public enum BidRules {
    /// No bid may ask for more than a specification may be worth (£1bn).
    public static let priceCeiling = SpecificationRules.valueCeiling
    /// The longest social-value statement accepted, in characters.
    public static let socialValueCharacterLimit = 5_000

    /// Every problem with submitting `content` as the next version of `bid` at `now`.
    ///
    /// - Parameters:
    ///   - bid: the provider's bid so far; nil (or no versions) for a first submission.
    ///   - openedVersion: the version number the provider's form was opened on (nil when it
    ///     was opened with no submission yet). If a colleague has submitted since, this one
    ///     is refused rather than silently replacing theirs.
    ///   - routeNames: route names for messages, when known; routes are counted otherwise.
    public static func submissionProblems(_ content: BidContent, bid: Bid?, openedVersion: Int?,
                                          for spec: Specification, at now: Date,
                                          routeNames: [UUID: String] = [:]) -> [BidProblem] {
        var problems = windowProblems(bid: bid, spec: spec, at: now)
        if let problem = versionProblem(bid: bid, openedVersion: openedVersion) { problems.append(problem) }
        return problems + contentProblems(content, for: spec, routeNames: routeNames)
    }

    /// Every problem with withdrawing `bid` at `now`; empty when it may be withdrawn.
    public static func withdrawalProblems(_ bid: Bid, openedVersion: Int?, for spec: Specification, at now: Date) -> [BidProblem] {
        var problems = windowProblems(bid: bid, spec: spec, at: now)
        guard let latest = bid.latest else {
            return problems + [.init(field: .version, message: "There is no submitted bid to withdraw")]
        }
        if let withdrawn = latest.withdrawnAt {
            problems.append(.init(field: .version, message: "This bid was already withdrawn at \(withdrawn.londonDisplay)"))
        } else if let problem = versionProblem(bid: bid, openedVersion: openedVersion) {
            problems.append(problem)
        }
        return problems
    }

    /// Why `spec` is not taking bids at `now` (not published, or past its deadline); empty
    /// while it is. Drafts are held to this too: after the deadline nothing is saved at all.
    public static func windowProblems(for spec: Specification, at now: Date) -> [BidProblem] {
        windowProblems(bid: nil, spec: spec, at: now)
    }

    /// The specification must be open for bids: published, and before its deadline.
    private static func windowProblems(bid: Bid?, spec: Specification, at now: Date) -> [BidProblem] {
        var problems: [BidProblem] = []
        if let bid, bid.specificationID != spec.id {
            problems.append(.init(field: .specification, message: "This bid belongs to a different specification"))
        }
        if spec.bidWindow.hasClosed(at: now) {
            problems.append(.init(field: .deadline, message:
                "Bids closed at \(spec.closing.display): nothing can be submitted, changed or withdrawn after the deadline"))
        } else if spec.status != .published {
            let why = switch spec.status {
            case .draft: "has not been published yet"
            case .cancelled: "has been cancelled"
            default: "is no longer taking bids"
            }
            problems.append(.init(field: .specification, message: "This specification \(why), so bids cannot be submitted or changed"))
        }
        return problems
    }

    private static func versionProblem(bid: Bid?, openedVersion: Int?) -> BidProblem? {
        let latest = bid?.latest
        guard latest?.number != openedVersion else { return nil }
        guard let latest else {
            return .init(field: .version, message: "The bid you opened no longer exists: reload the page and start again")
        }
        return .init(field: .version, message:
            "Your organisation's bid was changed since you opened it: version \(latest.number) was submitted at "
                + "\(latest.submittedAt.londonDisplay). Reload it and make your changes again")
    }
}

// MARK: - Submitting and withdrawing

extension Bid {
    /// This bid with `content` added as its next version. Check `BidRules.submissionProblems` first.
    public func submitting(_ content: BidContent, at now: Date, by person: UUID) -> Bid {
        var copy = self
        copy.versions.append(BidVersion(number: nextVersionNumber, content: content, submittedAt: now, submittedBy: person))
        return copy
    }

    /// This bid with its latest version stamped withdrawn. Check `BidRules.withdrawalProblems` first.
    public func withdrawing(at now: Date) -> Bid {
        var copy = self
        if let index = copy.versions.indices.max(by: { copy.versions[$0].number < copy.versions[$1].number }),
           copy.versions[index].withdrawnAt == nil {
            copy.versions[index].withdrawnAt = now
        }
        return copy
    }
}
