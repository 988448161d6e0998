import Foundation
import WaymarkDomain

/// The money of the public site, from the published contracts only: what each provider was
/// committed and paid, by financial quarter and by local authority, and each payment at or
/// above the tenant's threshold listed by itself (`PublicationRule.payment`).
struct PublicMoney: Sendable {
    struct Payment: Sendable {
        let contractID: UUID
        let reference: String
        let provider: String
        let period: DayRange
        let paidOn: Day
        let amount: Money
    }

    /// Every payment made on a published contract by the day, listed or not.
    let payments: [Payment]
    /// Those listed one by one: at or above the threshold.
    let listedPayments: [Payment]
    let data: PublicSiteData

    init(_ data: PublicSiteData) {
        self.data = data
        var payments: [Payment] = []
        var listed: [Payment] = []
        for item in data.contracts {
            for line in item.loaded.lines.compactMap(\.line) {
                guard let paidOn = line.payment?.paidOn, paidOn <= data.day else { continue }
                let payment = Payment(contractID: item.loaded.id, reference: item.record.reference, provider: item.provider?.name ?? "",
                                      period: line.period, paidOn: paidOn, amount: line.amount)
                payments.append(payment)
                if PublicationRule.allows(.payment(contract: item.record.publicationChoice, contractEffective: item.effective, paidOn: paidOn,
                                                   amount: line.amount, threshold: data.tenant.paymentThreshold), asOf: data.day) {
                    listed.append(payment)
                }
            }
        }
        self.payments = payments.sorted { ($0.paidOn, $0.reference) > ($1.paidOn, $1.reference) }
        self.listedPayments = listed.sorted { ($0.paidOn, $0.reference) > ($1.paidOn, $1.reference) }
    }

    var paidToDate: Money { payments.reduce(.zero) { $0 + $1.amount } }

    func paid(contract id: UUID) -> Money { payments.filter { $0.contractID == id }.reduce(.zero) { $0 + $1.amount } }

    /// Each provider's committed (the contracts' values) and paid, largest commitment first.
    var byProvider: [(provider: String, committed: Money, paid: Money)] {
        var committed: [String: Money] = [:], paid: [String: Money] = [:]
        for item in data.contracts { committed[item.provider?.name ?? "", default: .zero] += item.terms.value }
        for payment in payments { paid[payment.provider, default: .zero] += payment.amount }
        return committed.keys.map { ($0, committed[$0]!, paid[$0] ?? .zero) }.sorted { ($0.committed, $1.provider) > ($1.committed, $0.provider) }
    }

    /// What was paid in each financial quarter, oldest first.
    var byQuarter: [(quarter: FinancialQuarter, paid: Money)] {
        Dictionary(grouping: payments, by: { FinancialQuarter(containing: $0.paidOn) })
            .map { ($0.key, $0.value.reduce(.zero) { $0 + $1.amount }) }.sorted { $0.quarter < $1.quarter }
    }

    /// What was paid for the routes of each local authority (`PublicSpending.shares`); the
    /// share of routes that are not published is one line of its own, so the parts add up.
    var byAuthority: [(authority: String, paid: Money)] {
        let withheld = "Routes not published"
        var totals: [String: Money] = [:]
        let contracts = Dictionary(uniqueKeysWithValues: data.contracts.map { ($0.loaded.id, $0) })
        for payment in payments {
            guard let item = contracts[payment.contractID] else { continue }
            let shown = Dictionary(uniqueKeysWithValues: item.routes.map { ($0.route.id!, $0.authority.name) })
            let values = item.terms.routes.map { (key: shown[$0.routeID] ?? withheld, value: $0.value) }
            for (authority, share) in PublicSpending.shares(of: payment.amount, by: values) { totals[authority, default: .zero] += share }
        }
        return totals.map { ($0.key, $0.value) }.sorted { ($0.authority == withheld ? 1 : 0, $0.authority) < ($1.authority == withheld ? 1 : 0, $1.authority) }
    }

    /// Names for describing a contract's variations to the public: organisations by name, the
    /// published routes by code and name, any other route only as withheld, nobody by name.
    static func contractNames(_ data: PublicSiteData) -> ContractNames {
        var routes: [UUID: String] = [:]
        for item in data.contracts {
            for route in item.terms.routes {
                routes[route.routeID] = data.namedRoutes[route.routeID].map { "\($0.route.code) \($0.route.name)" } ?? "A route not published"
            }
        }
        return ContractNames(organisations: data.organisations.mapValues(\.name), routes: routes, people: [:])
    }

    /// The provider (or providers) running each published route on the day.
    static func providersByRoute(_ data: PublicSiteData) -> [UUID: String] {
        var names: [UUID: [String]] = [:]
        for item in data.contracts where item.terms.isRunning(on: data.day) {
            for route in item.terms.routesServed(on: data.day) {
                if let provider = item.provider?.name, !(names[route.routeID]?.contains(provider) ?? false) { names[route.routeID, default: []].append(provider) }
            }
        }
        return names.mapValues { $0.sorted().joined(separator: ", ") }
    }
}
