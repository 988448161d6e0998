import Foundation

/// One reason a funding source as entered cannot be saved, tied to its form field.
public struct SourceProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Field: String, Hashable, Sendable, Codable {
        case programme, amount, period, restrictions, status
    }
    public let field: Field
    public let message: String

    public init(field: Field, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field.rawValue): \(message)" }
}

extension FundingSource.Status {
    /// Money moves forward (prospective → pledged → confirmed → received), may skip steps
    /// (a grant confirmed on the day it is heard of), and may be withdrawn from any step.
    /// Nothing moves back and withdrawn is final: a funder who returns makes a new source,
    /// so the history of the old one stays true.
    public func canMove(to next: FundingSource.Status) -> Bool {
        guard self != .withdrawn, next != self else { return false }
        if next == .withdrawn { return true }
        let order = FundingSource.Status.allCases
        return order.firstIndex(of: next)! > order.firstIndex(of: self)!
    }

    /// The statuses a source in this status may move to, in order.
    public var nextStatuses: [FundingSource.Status] { FundingSource.Status.allCases.filter { canMove(to: $0) } }
}

extension FundingSource {
    /// The largest amount a source or an allocation may be: £1bn, far more than any grant,
    /// so that sums over a tenant's money can never overflow.
    public static let amountCeiling = Money(pounds: 1_000_000_000)

    /// Every problem with saving this source over the allocations it already has: a source
    /// can be corrected (a smaller amount, a shorter period, a new restriction) only while
    /// its allocations still fit, so "allocations never exceed their source" holds after
    /// any edit, not just after adding an allocation.
    ///
    /// - Parameter routeAuthorities: each allocated route's local authority, for restrictions.
    public func problems(keeping allocations: [Allocation], routeAuthorities: [UUID: UUID]) -> [SourceProblem] {
        var problems: [SourceProblem] = []
        if programmeName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.init(field: .programme, message: "Enter the programme or grant's name"))
        }
        if !amount.isPositive {
            problems.append(.init(field: .amount, message: "The amount must be more than £0.00"))
        } else if amount > FundingSource.amountCeiling {
            problems.append(.init(field: .amount, message: "The amount must be at most \(FundingSource.amountCeiling.display)"))
        }
        let mine = allocations.filter { $0.sourceID == id }
        if let allocated = Money.sum(mine.map(\.amount)), allocated > amount, amount.isPositive {
            problems.append(.init(field: .amount, message:
                "\(amount.display) is less than the \(allocated.display) already allocated to routes; reduce the allocations first"))
        }
        let outside = mine.filter { !period.contains($0.period) }
        if !outside.isEmpty {
            problems.append(.init(field: .period, message:
                "\(Self.count(outside.count, "allocation")) would fall outside \(period.display); change them first"))
        }
        let barred = mine.filter { !restrictions.allows(routeID: $0.routeID, localAuthorityID: routeAuthorities[$0.routeID]) }
        if !barred.isEmpty {
            problems.append(.init(field: .restrictions, message:
                "These restrictions would bar \(Self.count(Set(barred.map(\.routeID)).count, "route")) the source already pays for"))
        }
        return problems
    }
}
