import Foundation

/// One reason a proposed allocation cannot be saved, tied to the form field it is about so
/// the page's error summary can link to that field.
public struct AllocationProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Field: String, Hashable, Sendable, Codable {
        case source, route, amount, period
    }

    public let field: Field
    /// A sentence a finance officer can act on, with the figures and dates in it.
    public let message: String

    public init(field: Field, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.rawValue): \(message)" }
}

extension FundingSource {
    /// Every problem with saving `proposed` against this source, in form order (source, route,
    /// amount, period); empty when it may be saved.
    ///
    /// - Parameters:
    ///   - existing: the source's allocations as stored. Records of other sources are ignored,
    ///     and so is the stored version of `proposed` (same id) when it is being edited, so an
    ///     edit is checked as a replacement, not as extra money.
    ///   - routeLocalAuthorityID: the local authority of `proposed.routeID`, for restrictions.
    ///
    /// All checks run even when an early one fails, so a person fixes everything in one go.
    /// This is where "allocations never exceed their source" is enforced: the coverage walk
    /// sees one route at a time and trusts that the allocations it is given passed here.
    public func problems(with proposed: Allocation, existing: [Allocation],
                         routeLocalAuthorityID: UUID?) -> [AllocationProblem] {
        var problems: [AllocationProblem] = []
        if proposed.sourceID != id {
            problems.append(.init(field: .source, message: "This allocation belongs to a different funding source than \(label)."))
        }
        if status == .withdrawn {
            problems.append(.init(field: .source, message: "\(label) has been withdrawn, so nothing can be allocated from it."))
        }
        problems += routeProblems(routeID: proposed.routeID, localAuthorityID: routeLocalAuthorityID)
        problems += amountProblems(proposed, existing: existing)
        if let problem = periodProblem(proposed.period) { problems.append(problem) }
        return problems
    }

    private func routeProblems(routeID: UUID, localAuthorityID: UUID?) -> [AllocationProblem] {
        var problems: [AllocationProblem] = []
        if !restrictions.allowsRoute(routeID) {
            problems.append(.init(field: .route, message:
                "\(label) may pay only for the \(Self.count(restrictions.routeIDs.count, "route")) it names, and this route is not one of them."))
        }
        if !restrictions.allowsLocalAuthority(localAuthorityID) {
            let route = localAuthorityID == nil ? "this route has no local authority" : "this route's local authority is not one of them"
            problems.append(.init(field: .route, message:
                "\(label) may pay only for routes in \(Self.count(restrictions.localAuthorityIDs.count, "named local authority", plural: "named local authorities")), and \(route)."))
        }
        return problems
    }

    private func amountProblems(_ proposed: Allocation, existing: [Allocation]) -> [AllocationProblem] {
        guard proposed.amount.isPositive else {
            return [.init(field: .amount, message: "The amount must be more than £0.00 (it is \(proposed.amount.display)).")]
        }
        guard proposed.amount <= FundingSource.amountCeiling else {
            return [.init(field: .amount, message: "The amount must be at most \(FundingSource.amountCeiling.display).")]
        }
        let others = existing.lazy.filter { $0.sourceID == id && $0.id != proposed.id }.map(\.amount)
        guard let allocated = Money.sum(others), let total = allocated.addingReportingOverflow(proposed.amount) else {
            return [.init(field: .amount, message: "The allocations from \(label) are too large to add up.")]
        }
        guard total > amount else { return [] }
        let left = amount - allocated
        let leftText = left.isPositive ? "\(left.display) is left" : "nothing is left"
        return [.init(field: .amount, message:
            "\(proposed.amount.display) would bring allocations to \(total.display), over the source's \(amount.display) — \(leftText).")]
    }

    private func periodProblem(_ proposed: DayRange) -> AllocationProblem? {
        var faults: [String] = []
        if proposed.start < period.start { faults.append("it starts on \(proposed.start.display), before the source begins") }
        if proposed.end > period.end { faults.append("it ends on \(proposed.end.display), after the source ends") }
        guard !faults.isEmpty else { return nil }
        return .init(field: .period, message:
            "The period must fall within the source's period (\(period.display)); \(faults.joined(separator: " and ")).")
    }

    /// "1 route", "3 routes".
    static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}
