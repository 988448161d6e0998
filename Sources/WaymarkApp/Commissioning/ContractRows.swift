import Foundation
import WaymarkDomain

/// Where a contract stands on a day, as the list says it.
enum ContractState: String, Sendable {
    case notStarted = "not_started", running, ended, terminated

    init(_ terms: ContractTerms, on day: Day) {
        if day < terms.start { self = .notStarted }
        else if day <= terms.end { self = .running }
        else { self = terms.terminated ? .terminated : .ended }
    }

    var label: String {
        switch self {
        case .notStarted: "Not started"
        case .running: "Running"
        case .ended: "Ended"
        case .terminated: "Terminated"
        }
    }

    var tag: String {
        switch self {
        case .notStarted: "wm-tag--blue"
        case .running: "wm-tag--green"
        case .ended: "wm-tag--grey"
        case .terminated: "wm-tag--red"
        }
    }
}

/// One contract as the list and its CSV show it: the terms in force on the day shown (a
/// variation approved to take effect later is not in force yet).
struct ContractRow: Encodable, Sendable {
    let id: String
    let reference: String
    let title: String
    let provider: String
    /// Route codes still on the contract (removed routes are left out).
    let routes: [String]
    let value: String
    let valueDecimal: String
    let valuePence: Int64
    let start: String
    let startISO: String
    let end: String
    let endISO: String
    let state: String
    let stateLabel: String
    let stateTag: String
    let href: String

    init(_ loaded: ContractQueries.Loaded, today: Day, names: ContractNames, slug: String) {
        let terms = loaded.contract.snapshot(on: today).terms
        let state = ContractState(terms, on: today)
        id = loaded.id.uuidString
        reference = loaded.record.reference
        title = loaded.record.title
        provider = names.organisation(loaded.contract.providerOrganisationID)
        routes = terms.routes.filter { $0.until == nil }.map { names.route($0.routeID) }.sorted()
        value = terms.value.display
        valueDecimal = terms.value.decimalString
        valuePence = terms.value.pence
        start = terms.start.display
        startISO = terms.start.iso
        end = terms.end.display
        endISO = terms.end.iso
        self.state = state.rawValue
        stateLabel = state.label
        stateTag = state.tag
        href = SiteMap.Tenant.contract.path(slug, loaded.id.uuidString)
    }
}

/// The names contract pages show for ids: organisations, routes and people.
struct ContractNames: Sendable {
    let organisations: [UUID: String]
    let routes: [UUID: String]
    let people: [UUID: String]

    static func load(_ context: TenantContext, people ids: Set<UUID> = []) async throws -> ContractNames {
        ContractNames(organisations: try await ContractQueries.organisationNames(context),
                      routes: try await SpecificationQueries.routeNames(context),
                      people: try await ContractQueries.personNames(context, ids))
    }

    func organisation(_ id: UUID) -> String { organisations[id] ?? "An organisation no longer in Waymark" }
    func route(_ id: UUID) -> String { routes[id] ?? "A route no longer in Waymark" }
    func person(_ id: UUID) -> String { people[id] ?? "Someone no longer in Waymark" }

    /// "Amara Okafor" from a stored actor label "Amara Okafor <amara.okafor@…>".
    static func name(ofActor label: String) -> String {
        label.range(of: " <").map { String(label[..<$0.lowerBound]) } ?? label
    }
}
