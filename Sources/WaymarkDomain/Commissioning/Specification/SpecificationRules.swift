import Foundation

/// What must hold of a specification before it can be saved and published. Every check runs
/// even when an early one fails, so the commissioner fixes everything in one go; problems come
/// in form order.
public enum SpecificationRules {
    /// The largest total value a specification may have: £1bn, the same ceiling as a funding
    /// source, so sums over a tenant's contracts can never overflow.
    public static let valueCeiling = FundingSource.amountCeiling

    /// Every problem with the specification as it stands; empty when it may be published.
    public static func problems(_ spec: Specification) -> [SpecificationProblem] {
        var problems: [SpecificationProblem] = []
        if Wording.isBlank(spec.title) { problems.append(.init(field: .title, message: "Enter a title")) }
        if Wording.isBlank(spec.servicesRequired) {
            problems.append(.init(field: .servicesRequired, message: "Describe the services required"))
        }
        if spec.localAuthorityIDs.isEmpty {
            problems.append(.init(field: .localAuthorities, message: "Choose at least one local authority"))
        }
        problems += routeProblems(spec)
        problems += valueProblems(spec)
        problems += dateProblems(spec)
        problems += evaluationProblems(spec)
        problems += listProblems(spec.kpis, field: .kpis, noun: "KPI")
        problems += listProblems(spec.attachments, field: .attachments, noun: "Attachment reference")
        return problems
    }

    private static func routeProblems(_ spec: Specification) -> [SpecificationProblem] {
        if spec.routeIDs.isEmpty { return [.init(field: .routes, message: "Choose at least one route")] }
        let repeated = spec.routeIDs.count - Set(spec.routeIDs).count
        guard repeated > 0 else { return [] }
        return [.init(field: .routes, message: "\(Wording.count(repeated, "route is", plural: "routes are")) listed more than once")]
    }

    private static func dateProblems(_ spec: Specification) -> [SpecificationProblem] {
        var problems: [SpecificationProblem] = []
        let period = spec.servicePeriod
        if !Day.acceptedRange.contains(period) {
            problems.append(.init(field: .servicePeriod, message:
                "The service period must fall between \(Day.acceptedRange.start.display) and \(Day.acceptedRange.end.display)"))
        }
        if !period.contains(spec.goLive) {
            problems.append(.init(field: .goLive, message:
                "The go-live date must fall within the service period (\(period.display)); it is \(spec.goLive.display)"))
        }
        // Closing on the go-live day itself would leave no time to evaluate, award and mobilise,
        // so the closing date must be an earlier day.
        if spec.closing.day >= spec.goLive {
            problems.append(.init(field: .closing, message:
                "Bids must close before the go-live date (\(spec.goLive.display)); the closing date is \(spec.closing.day.display)"))
        }
        return problems
    }

    private static func listProblems(_ items: [String], field: SpecificationProblem.Field, noun: String) -> [SpecificationProblem] {
        items.indices.filter { Wording.isBlank(items[$0]) }.map {
            .init(field: field, message: "\(noun) \($0 + 1) is blank: enter it or remove it")
        }
    }
}

// MARK: - Status changes

extension SpecificationRules {
    /// Every problem with moving `spec` to `next` at `now`; empty when the move may be made.
    ///
    /// Publishing needs a specification with no problems and a deadline still ahead; closing
    /// waits for the deadline, because until then providers may still submit. (Awarding is
    /// checked by `AwardRules`, which needs the ranking.)
    public static func problems(moving spec: Specification, to next: SpecificationStatus, at now: Date) -> [SpecificationProblem] {
        guard spec.status.canMove(to: next) else {
            let allowed = spec.status.nextStatuses.map { $0.displayName.lowercased() }
            let options = allowed.isEmpty ? "it cannot change status again" : "it can only become \(allowed.joinedAsList(or: true))"
            return [.init(field: .status, message:
                "A specification that is \(spec.status.displayName.lowercased()) cannot become \(next.displayName.lowercased()): \(options)")]
        }
        switch next {
        case .published:
            var problems = problems(spec)
            if spec.bidWindow.hasClosed(at: now) {
                problems.append(.init(field: .closing, message:
                    "The closing time, \(spec.closing.display), has already passed: set a later one before publishing"))
            }
            return problems
        case .closed where spec.bidWindow.isOpen(at: now):
            return [.init(field: .status, message:
                "Bids are open until \(spec.closing.display); the specification closes then, not before")]
        default:
            return []
        }
    }
}

extension Array where Element == String {
    /// "A", "A or B", "A, B or C".
    func joinedAsList(or: Bool) -> String {
        guard or else { return joinedAsList() }
        return count <= 1 ? (first ?? "") : dropLast().joined(separator: ", ") + " or " + (last ?? "")
    }
}
