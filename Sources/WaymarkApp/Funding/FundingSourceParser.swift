import Fluent
import Foundation
import WaymarkDomain

/// Turns the funding source form into a domain `FundingSource`, or the list of what to fix.
enum FundingSourceParser {
    struct Draft: Sendable {
        let source: FundingSource
        let funderID: UUID
        let conditions: String
        let documents: String
        let snapshot: FundingSourceForm.Snapshot
    }

    enum Result: Sendable {
        case success(Draft)
        case failure([FieldError])

        var errors: [FieldError] {
            if case .failure(let errors) = self { return errors }
            return []
        }
    }

    static func parse(_ values: FundingSourceForm.Values, context: TenantContext,
                      existing: FundingSourceRecord?) async throws -> Result {
        var errors: [FieldError] = []
        let funder = try await UUID(uuidString: values.funder).asyncFlatMap { try await context.find(Organisation.self, $0) }
        if funder == nil { errors.append(.init(field: "funder", message: "Choose the organisation giving the money")) }
        let programme = values.programme.trimmingCharacters(in: .whitespacesAndNewlines)
        if programme.count > 160 { errors.append(.init(field: "programme", message: "The programme's name must be 160 characters or fewer")) }
        let kind = FundingSource.Kind(rawValue: values.kind)
        if kind == nil { errors.append(.init(field: "kind", message: "Choose the kind of funding")) }
        let amount = Money(parsing: values.amount)
        if amount == nil {
            errors.append(.init(field: "amount", message: "Enter the amount in pounds, like £91,260 or 91260.00"))
        }
        let start = Day(entered: values.startDay), end = Day(entered: values.endDay)
        if start == nil { errors.append(.init(field: "start_day", message: "Enter the date the money starts as a real date, like 2022-11-01")) }
        if end == nil { errors.append(.init(field: "end_day", message: "Enter the date the money ends as a real date, like 2024-03-31")) }
        let period = start.flatMap { start in end.flatMap { DayRange(start: start, end: $0) } }
        if let start, let end, period == nil {
            errors.append(.init(field: "end_day", message: "The end date (\(end.display)) must be on or after the start date (\(start.display))"))
        }
        // A new source starts at its chosen status; a corrected one keeps its own, which
        // changes only through a recorded status change.
        let status = existing.map(\.sourceStatus) ?? FundingSource.Status(rawValue: values.status)
        if status == nil || (existing == nil && status == .withdrawn) {
            errors.append(.init(field: "status", message: "Choose how firm the money is"))
        }
        let authorities = try await context.query(LocalAuthority.self).all()
        let chosenAuthorities = authorities.filter { values.restrictedAuthorities.contains($0.gssCode) }
        if chosenAuthorities.count != Set(values.restrictedAuthorities).count {
            errors.append(.init(field: "restricted_authorities", message: "Choose local authorities from the list"))
        }
        let codes = values.restrictedRoutes.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        let routes = try await context.query(Route.self).all()
        let routesByCode = Dictionary(uniqueKeysWithValues: routes.map { ($0.code, $0) })
        let unknown = codes.filter { routesByCode[$0] == nil }
        if !unknown.isEmpty {
            errors.append(.init(field: "restricted_routes", message: "No route has the code \(unknown.joined(separator: ", ")); check the codes on the routes page"))
        }
        let restrictions = FundingSource.Restrictions(localAuthorityIDs: Set(chosenAuthorities.compactMap(\.id)),
                                                      routeIDs: Set(codes.compactMap { routesByCode[$0]?.id }))
        // The domain's rules judge whatever could be read, so every problem shows at once: an
        // unreadable value stands in with a placeholder, and the rules about it are left out.
        let placeholderDay = Day(2000, 1, 1)
        let source = FundingSource(id: existing?.id ?? UUID(), funderName: funder?.name ?? "", programmeName: programme, kind: kind ?? .other,
                                   amount: amount ?? Money(pence: 1), period: period ?? DayRange(start: placeholderDay, end: placeholderDay)!,
                                   status: status ?? .prospective, restrictions: restrictions,
                                   renewable: values.renewable, reference: values.reference.trimmed)
        let unread = Set(errors.map(\.field))
        let allReadable = funder != nil && kind != nil && amount != nil && period != nil && status != nil
        let judged = allReadable && existing != nil
            ? try await allocationProblems(source, context: context)
            : source.problems(keeping: [], routeAuthorities: [:])
        errors += judged.map(fieldError).filter { problem in
            !unread.contains(problem.field) && !(problem.field == "start_day" && (unread.contains("end_day") || period == nil))
        }
        guard errors.isEmpty, let funder, let kind, let amount, let period, let status else { return .failure(errors) }
        let snapshot = FundingSourceForm.Snapshot(
            funder: funder.name, programme: programme, kind: kind.rawValue, amount: amount.decimalString, period: period.display,
            status: status.rawValue, restricted_authorities: chosenAuthorities.map(\.gssCode).sorted(), restricted_routes: codes.sorted(),
            renewable: values.renewable, reference: values.reference.trimmed, conditions: values.conditions.trimmed,
            documents: values.documents.trimmed)
        return .success(Draft(source: source, funderID: funder.id!, conditions: values.conditions.trimmed,
                              documents: values.documents.trimmed, snapshot: snapshot))
    }

    /// The domain's rules for a source over the allocations it already holds.
    static func allocationProblems(_ source: FundingSource, context: TenantContext) async throws -> [SourceProblem] {
        let allocations = try await FundingQueries.allocations(context, sourceID: source.id).map(\.domain)
        let routes = try await context.query(Route.self).filter(\.$id ~~ allocations.map(\.routeID)).all()
        return source.problems(keeping: allocations, routeAuthorities: FundingQueries.routeAuthorities(routes))
    }

    static func fieldError(_ problem: SourceProblem) -> FieldError {
        switch problem.field {
        case .programme: .init(field: "programme", message: problem.message)
        case .amount: .init(field: "amount", message: problem.message)
        case .period: .init(field: "start_day", message: problem.message)
        case .restrictions: .init(field: "restricted_routes", message: problem.message)
        case .status: .init(field: "status", message: problem.message)
        }
    }
}
