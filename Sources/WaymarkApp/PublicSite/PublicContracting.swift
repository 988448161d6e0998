import Fluent
import Foundation
import Vapor
import WaymarkDomain

/// The tenant's contracting as OCDS: a process for each published specification (its tender,
/// award and, when published, its contract) and for each published contract let outside
/// Waymark, gathered from `PublicSiteData` and the published specifications, so only what the
/// public may read goes in.
enum PublicContracting {
    static func processes(_ context: TenantContext, _ data: PublicSiteData) async throws -> [ContractingProcess] {
        let tenant = data.tenant
        guard let prefix = tenant.ocdsPrefix else { return [] }
        let names = PublicMoney.contractNames(data)
        let buyer = party(id: tenant.orgID ?? "\(prefix)-\(tenant.slug)", name: tenant.name)
        let sourceIDs = data.contracts.flatMap { $0.loaded.contract.fundingLinks.map(\.sourceID) }
        let sources = try await context.query(FundingSourceRecord.self).filter(\.$id ~~ sourceIDs).all()
        let funderBySource = Dictionary(uniqueKeysWithValues: sources.map { ($0.id!, $0.funderOrganisationID) })
        func organisation(_ id: UUID) -> ContractingProcess.Party? {
            guard let organisation = data.organisations[id] else { return nil }
            let council = organisation.gssCode.flatMap { LocalAuthorityRegister.authority(gssCode: $0)?.orgID }
            let orgID = OrgID.of(organisation.identifiers, councilOrgID: council)
            return orgID.map { party(id: $0, name: organisation.name) }
                ?? ContractingProcess.Party(id: "\(prefix)-org-\(id.uuidString.lowercased())", name: organisation.name, scheme: nil, number: nil)
        }
        func items(_ routeIDs: [UUID]) -> [ContractingProcess.Item] {
            return routeIDs.map { id in
                data.namedRoutes[id].map(\.route).map { .init(id: $0.code, description: "\($0.code) \($0.name): chaperones for children walking to school", children: $0.childrenPerDay) }
                    ?? .init(id: "withheld-\(id.uuidString.prefix(8).lowercased())", description: "A route not published", children: 0)
            }
        }
        func contract(_ item: PublicSiteData.PublicContract) -> ContractingProcess.Contract? {
            let whole = item.loaded.contract
            guard let period = DayRange(start: whole.original.start, end: whole.original.end) else { return nil }
            var previous: ContractTerms?
            let amendments = whole.versions.compactMap { version -> ContractingProcess.Amendment? in
                defer { previous = version.terms }
                guard let variation = version.variation, let after = DayRange(start: version.terms.start, end: version.terms.end) else { return nil }
                return .init(number: version.number - 1, date: variation.approvedAt,
                             description: "\(variation.change.displayName) from \(version.effective.display): "
                                + ContractHistoryRow.describe(version, previous: previous, names: names),
                             value: version.terms.value, period: after)
            }
            let payments = item.loaded.lines.compactMap { line -> ContractingProcess.Payment? in
                guard let paidOn = line.paidOn.flatMap(Day.init(iso:)), paidOn <= data.day else { return nil }
                return .init(number: line.number, paidOn: paidOn, amount: Money(pence: line.amountPence))
            }
            return .init(reference: item.record.reference, title: item.record.title, signed: item.effective, recorded: item.record.createdAt,
                         value: whole.original.value, period: period, items: items(whole.original.routes.map(\.routeID)),
                         amendments: amendments, payments: payments, terminated: whole.current.terminated)
        }
        func funders(_ item: PublicSiteData.PublicContract) -> [ContractingProcess.Party] {
            var seen: Set<String> = []
            return item.loaded.contract.fundingLinks.compactMap { funderBySource[$0.sourceID].flatMap(organisation) }.filter { seen.insert($0.id).inserted }
        }

        var processes: [ContractingProcess] = []
        var fromSpecifications: Set<UUID> = []
        let moment = min(context.now, LondonWallTime(day: data.day, hour: 23, minute: 59)?.instant ?? context.now)
        let awards = try await PublishedAward.bySpecification(context)
        for found in try await SpecificationQueries.list(context, at: moment) {
            let spec = found.spec
            let record = found.record
            guard let published = record.publishedAt else { continue }
            let contracted = data.contracts.first { $0.record.specificationID == spec.id }
            if let contracted { fromSpecifications.insert(contracted.loaded.id) }
            var award: ContractingProcess.Award?
            if let decision = awards[spec.id], decision.decidedAt <= moment, let supplier = organisation(decision.providerID) {
                award = .init(date: decision.decidedAt, value: contracted?.loaded.contract.original.value ?? decision.price ?? spec.totalValue,
                              supplier: supplier)
            }
            let criteria = "Quality \(spec.criteria.quality.percentText), price \(spec.criteria.price.percentText)"
                + (spec.criteria.socialValue.basisPoints > 0 ? ", social value \(spec.criteria.socialValue.percentText)" : "")
            let tender = ContractingProcess.Tender(
                title: spec.title, description: spec.servicesRequired, value: spec.totalValue, items: items(spec.routeIDs),
                published: published, closes: spec.closesAt, method: "open", methodDetails: "Open invitation to bid through Waymark",
                criteria: criteria, cancelled: found.status == .cancelled ? record.cancelledAt : nil)
            processes.append(ContractingProcess(
                key: "spec-\(spec.id.uuidString.lowercased())", buyer: buyer, funders: contracted.map(funders) ?? [], tender: tender,
                award: award, contract: award == nil ? nil : contracted.flatMap(contract)))
        }
        for item in data.contracts where !fromSpecifications.contains(item.loaded.id) {
            guard let supplierParty = organisation(item.record.providerOrganisationID), let made = contract(item) else { continue }
            let letting = item.record.letting
            let tender = ContractingProcess.Tender(
                title: item.record.title, description: "Chaperones for children walking to school", value: made.value, items: made.items,
                published: nil, closes: nil, method: letting.flatMap(method), methodDetails: letting?.label ?? "Not recorded",
                criteria: nil, cancelled: nil)
            processes.append(ContractingProcess(
                key: ContractingProcess.key(contractReference: item.record.reference),
                buyer: buyer, funders: funders(item), tender: tender,
                award: .init(date: noon(made.signed), value: made.value, supplier: supplierParty), contract: made))
        }
        return processes
    }

    /// OCDS's procurement method for how a contract was let outside Waymark.
    static func method(_ letting: ContractLetting) -> String? {
        switch letting {
        case .awardedInWaymark, .openTender: "open"
        case .directAward, .grantAgreement: "direct"
        case .frameworkCallOff: "selective"
        case .other: nil
        }
    }

    static func party(id: String, name: String) -> ContractingProcess.Party {
        let parts = id.split(separator: "-", maxSplits: 2).map(String.init)
        let registered = parts.count == 3 && OrgID.registeredPrefixes.contains("\(parts[0])-\(parts[1])")
        return .init(id: id, name: name, scheme: registered ? "\(parts[0])-\(parts[1])" : nil, number: registered ? parts[2] : nil)
    }

    static func noon(_ day: Day) -> Date { LondonWallTime(day: day, hour: 12, minute: 0)?.instant ?? Date(timeIntervalSince1970: 0) }
}
