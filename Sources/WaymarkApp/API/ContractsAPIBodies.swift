import Foundation
import WaymarkDomain

/// The contracts API's JSON bodies (snake_case on the wire, see APIJSON). Money is integer
/// pence; days are ISO dates.
enum ContractsAPIBodies {
    struct Contract: Encodable {
        let id: String; let url: String; let reference: String; let title: String; let provider: String
        let routes: [String]; let valuePence: Int64; let startDate: String; let endDate: String; let status: String

        init(_ row: ContractRow, slug: String) {
            id = row.id.lowercased(); url = SiteMap.API.contract.path(slug, id); reference = row.reference; title = row.title
            provider = row.provider; routes = row.routes; valuePence = row.valuePence
            startDate = row.startISO; endDate = row.endISO; status = row.state
        }
    }

    struct ContractList: Encodable { let tenant: String; let asOf: String; let contracts: [Contract] }

    struct Route: Encodable { let routeCode: String; let valuePence: Int64; let fromDate: String; let untilDate: String? }

    struct Terms: Encodable {
        let startDate: String; let endDate: String; let terminated: Bool; let valuePence: Int64; let routes: [Route]

        init(_ terms: ContractTerms, names: ContractNames) {
            startDate = terms.start.iso; endDate = terms.end.iso; terminated = terms.terminated; valuePence = terms.value.pence
            routes = terms.routes.map { .init(routeCode: names.route($0.routeID), valuePence: $0.value.pence, fromDate: $0.from.iso,
                                              untilDate: $0.until?.iso) }
        }
    }

    struct FundingLink: Encodable {
        let sourceId: String; let allocationId: String?; let amountPence: Int64

        init(_ link: WaymarkDomain.FundingLink) {
            sourceId = link.sourceID.uuidString.lowercased(); allocationId = link.allocationID?.uuidString.lowercased()
            amountPence = link.amount.pence
        }
    }

    struct Version: Encodable {
        let number: Int; let kind: String; let change: String; let reason: String; let effectiveDate: String
        let approvedBy: String; let approvedAt: String; let terms: Terms
    }

    struct PaymentLine: Encodable {
        let id: String; let contractId: String; let contractReference: String; let number: Int; let quarter: String
        let startDate: String; let endDate: String; let amountPence: Int64; let status: String
        let awaitingReturnsFor: [String]; let paidOn: String?; let paidBy: String?

        init(_ row: PaymentRow) {
            id = row.id.lowercased(); contractId = row.contractID.lowercased(); contractReference = row.contractReference
            number = row.number; quarter = row.label; startDate = row.startISO; endDate = row.endISO; amountPence = row.amountPence
            status = row.status; awaitingReturnsFor = row.awaitingMonths; paidOn = row.paidOnISO; paidBy = row.paidBy
        }
    }

    struct ContractDetail: Encodable {
        let contract: Contract; let kpis: [String]; let fundingLinks: [FundingLink]; let terms: Terms
        let versions: [Version]; let paymentLines: [PaymentLine]
    }

    struct PaymentList: Encodable { let tenant: String; let payments: [PaymentLine] }

    /// "extend", "change_values"…: a variation's kind as the API names it.
    static func kind(_ change: VariationChange?) -> String {
        switch change {
        case nil: "original"
        case .extend: "extend"
        case .changeValues: "change_values"
        case .addRoute: "add_route"
        case .removeRoute: "remove_route"
        case .terminate: "terminate"
        }
    }
}
