import Fluent
import Vapor
import WaymarkDomain

/// One funding source: what it is, its status history, where its money stands as of a
/// day (amount, allocated, drawn to date, remaining, lapsing) and the routes it pays for.
enum FundingSourceDetail {
    struct Page: Encodable {
        struct Fact: Encodable { let key: String; let value: String }
        /// `on`: the day it took effect; `recorded`: when Waymark was told.
        struct Change: Encodable { let on: String; let from: String; let to: String; let by: String; let recorded: String }
        struct Line: Encodable {
            let routeCode: String; let routeName: String; let routeHref: String?; let amount: String; let period: String
            let drawnToDate: String; let remaining: String; let lapsing: String; let editHref: String; let removeAction: String
        }
        struct Option: Encodable { let value: String; let label: String; var selected = false }
        let id: String
        let heading: String
        let funder: String
        let statusLabel: String
        let statusTag: String
        let facts: [Fact]
        let position: [Fact]
        let positionNote: String?
        let known: Bool
        let history: [Change]
        let lines: [Line]
        let canEdit: Bool
        let nextStatuses: [Option]
        /// The status form's day as sent, when it came back with a problem.
        let typedOn: String
        let version: String
        let statusAction: String
        let editHref: String
        let allocateHref: String
        let csvHref: String
        let pledgeHref: String?
        /// What contracts commit of the source, and any over-commitment warning.
        let commitment: SourceCommitmentSection?
        let backHref: String
        let asOf: String
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let record = try await FundingQueries.source(context, id: req.parameters.get("id"))
        return try await render(req, context, record, errors: [])
    }

    @Sendable static func csv(req: Request, context: TenantContext) async throws -> Response {
        let record = try await FundingQueries.source(context, id: req.parameters.get("id"))
        let asOf = try req.asOfDay()
        let lines = try await allocationLines(context, record, positions: try await SourcePositions.load(context, asOf: asOf))
        return CSVResponse.stream(
            headers: ["route_code", "route_name", "as_of", "amount", "start_day", "end_day", "drawn_to_date", "remaining", "lapsed", "will_lapse"],
            rows: lines.map { line in
                [line.route?.code ?? "", line.route?.name ?? "", asOf.iso, line.allocation.domain.amount.decimalString,
                 line.allocation.startDay, line.allocation.endDay, line.position?.drawnToDate.decimalString ?? "",
                 line.position?.remaining.decimalString ?? "", line.position?.lapsed.decimalString ?? "",
                 line.position?.willLapse.decimalString ?? ""]
            }, filename: "\(context.tenant.slug)-source-\(record.id!.uuidString.prefix(8).lowercased())-routes.csv")
    }

    struct AllocationLine {
        let allocation: AllocationRecord
        let route: Route?
        let visible: Bool
        let position: AllocationPosition?
    }

    /// Each allocation of one source with its position on the walk that counts the source.
    static func allocationLines(_ context: TenantContext, _ record: FundingSourceRecord,
                                positions: SourcePositions) async throws -> [AllocationLine] {
        allocationLines(try await FundingQueries.allocations(context, sourceID: record.id!),
                        visible: try await visibleRouteIDs(context), positions: positions)
    }

    static func visibleRouteIDs(_ context: TenantContext) async throws -> Set<UUID> {
        Set(try await RouteQueries.visibleRoutes(context).compactMap(\.id))
    }

    /// The same for allocations already loaded (of any sources), with no further queries. Only
    /// allocations agreed by the day count as of it (`Reading`).
    static func allocationLines(_ allocations: [AllocationRecord], visible: Set<UUID>,
                                positions: SourcePositions) -> [AllocationLine] {
        let asOf = positions.snapshot.asOf
        return allocations.filter { Reading.asOf(asOf).includes(effective: $0.agreedOn, recorded: $0.enteredAt) }.map { allocation in
            let basis = positions.status(of: allocation.sourceID).flatMap(SourcePosition.basis(for:))
            let coverage = positions.snapshot.results[allocation.routeID]?.coverage
            let position = basis.flatMap { basis in
                coverage.flatMap { coverage in
                    coverage.allocationIndex(of: allocation.id!).flatMap { coverage.walk(basis).position(ofAllocationAt: $0, asOf: asOf) }
                }
            }
            return AllocationLine(allocation: allocation, route: positions.routes[allocation.routeID],
                                  visible: visible.contains(allocation.routeID), position: position)
        }.sorted { ($0.route?.code ?? "", $0.allocation.startDay) < ($1.route?.code ?? "", $1.allocation.startDay) }
    }

    static func render(_ req: Request, _ context: TenantContext, _ record: FundingSourceRecord, errors: [FieldError],
                       status: HTTPStatus? = nil) async throws -> Response {
        let asOf = try req.asOfDay()
        let slug = context.tenant.slug, id = record.id!.uuidString
        // The status form as sent, kept when it comes back with a problem.
        let typed = req.url.path == SiteMap.Tenant.fundingSourceStatus.path(slug, id) ? try? req.content.decode(FundingStatusChanging.Form.self) : nil
        let names = try await FundingQueries.funderNames(context)
        let positions = try await SourcePositions.load(context, asOf: asOf)
        let position = positions.position(of: record.id!)
        let asOfStatus = positions.status(of: record.id!)
        let lines = try await allocationLines(context, record, positions: positions)
        let changes = try await context.query(FundingStatusChange.self).filter(\.$sourceID == record.id!).all()
            .sorted { ($0.effectiveDay, $0.changedAt) < ($1.effectiveDay, $1.changedAt) }
        let pledge = try await context.query(Pledge.self).filter(\.$sourceID == record.id!).first()
        let authorities = try await context.query(LocalAuthority.self).all()
        let restrictions = record.restrictions
        let restrictedTo = authorities.filter { restrictions.localAuthorityIDs.contains($0.id!) }.map(\.name).sorted()
            + positions.routes.values.filter { restrictions.routeIDs.contains($0.id!) }.map(\.code).sorted()
        var facts: [Page.Fact] = [
            .init(key: "Kind", value: record.sourceKind.displayName),
            .init(key: "Amount", value: record.amount.display),
            .init(key: "May be spent", value: record.period.display),
            .init(key: "May pay for", value: restrictedTo.isEmpty ? "Any route" : restrictedTo.joined(separator: ", ")),
            .init(key: "Renewable", value: record.renewable ? "Yes, the funder may renew it" : "No"),
        ]
        if !record.reference.isEmpty { facts.append(.init(key: "Reference", value: record.reference)) }
        if !record.conditions.isEmpty { facts.append(.init(key: "Conditions", value: record.conditions)) }
        if !record.documents.isEmpty { facts.append(.init(key: "Documents", value: record.documents)) }
        let positionFacts: [Page.Fact] = position.map { p in [
            .init(key: "Allocated to routes", value: p.allocated.display + (p.overAllocated ? " (more than the source: reduce the allocations)" : "")),
            .init(key: "Not yet allocated", value: p.unallocated.display),
            .init(key: "Drawn to date", value: p.drawnToDate.display),
            .init(key: "Remaining in allocations", value: p.remaining.display),
            .init(key: "Already lapsed unspent", value: p.lapsed.display),
            .init(key: "Will lapse if nothing changes", value: p.willLapse.display),
        ] } ?? []
        let note: String? = switch asOfStatus {
        case nil: "Waymark had no record of this source on \(asOf.display)."
        case .some(let status) where SourcePosition.basis(for: status) == nil:
            "\(status.displayName) money pays for nothing until it is pledged or confirmed, so nothing is drawn from it."
        case .some(.pledged): "Pledged money counts only in projected coverage, so these figures are what it would pay if it comes."
        default: nil
        }
        let canEdit = context.can(.editFunding)
        let page = Page(
            id: id, heading: record.programme, funder: names[record.funderOrganisationID] ?? "",
            statusLabel: asOfStatus?.displayName ?? "Not yet recorded", statusTag: FundingDisplay.tag(asOfStatus), facts: facts,
            position: positionFacts, positionNote: note, known: position != nil,
            history: changes.map { change in
                .init(on: change.effectiveDay.display,
                      from: change.fromStatus.flatMap(FundingSource.Status.init(rawValue:))?.displayName ?? "—",
                      to: FundingSource.Status(rawValue: change.toStatus)?.displayName ?? change.toStatus, by: change.changedBy,
                      recorded: London.format(change.changedAt))
            },
            lines: lines.filter(\.visible).map { line in
                let allocationID = line.allocation.id!.uuidString
                return .init(routeCode: line.route?.code ?? "", routeName: line.route?.name ?? "",
                             routeHref: line.route.map { SiteMap.Tenant.route.path(slug, $0.code) },
                             amount: line.allocation.domain.amount.display, period: line.allocation.domain.period.display,
                             drawnToDate: line.position?.drawnToDate.display ?? "—", remaining: line.position?.remaining.display ?? "—",
                             lapsing: line.position.map { ($0.lapsed + $0.willLapse).display } ?? "—",
                             editHref: SiteMap.Tenant.allocationEdit.path(slug, id, allocationID),
                             removeAction: SiteMap.Tenant.allocationRemove.path(slug, id, allocationID))
            },
            canEdit: canEdit,
            nextStatuses: record.sourceStatus.nextStatuses.map { .init(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == typed?.status) },
            typedOn: typed?.on ?? "",
            version: String(record.version), statusAction: SiteMap.Tenant.fundingSourceStatus.path(slug, id),
            editHref: SiteMap.Tenant.fundingSourceEdit.path(slug, id), allocateHref: SiteMap.Tenant.allocationNew.path(slug, id),
            csvHref: SiteMap.Tenant.fundingSourceRoutesCSV.path(slug, id),
            pledgeHref: pledge.map { SiteMap.Tenant.pledge.path(slug, $0.id!.uuidString) },
            commitment: try await SourceCommitmentSection.load(context, source: record, asOf: asOf),
            backHref: SiteMap.Tenant.fundingSources.path(slug), asOf: asOf.display)
        return try await PageRenderer.render(req, "funding/source", title: record.programme, page, errors: errors,
                                             status: status ?? (errors.isEmpty ? .ok : .unprocessableEntity))
    }
}
