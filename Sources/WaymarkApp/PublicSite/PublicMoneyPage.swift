import Foundation
import Vapor
import WaymarkDomain

/// The public money page: funding received by funder, committed and paid by provider, paid by
/// quarter and by local authority, and each payment at or above the tenant's threshold.
enum PublicMoneyPage {
    struct Line: Encodable, Sendable { let label: String; let amount: String }
    struct ProviderLine: Encodable, Sendable { let provider: String; let committed: String; let paid: String }
    struct PaymentLine: Encodable, Sendable {
        let paidOn: String; let provider: String; let reference: String; let href: String; let period: String; let amount: String
    }

    struct Page: Encodable, Sendable {
        let frame: PublicFrame
        let received: [Line]
        let receivedTotal: String
        let providers: [ProviderLine]
        let quarters: [Line]
        let authorities: [Line]
        let paidTotal: String
        let payments: [PaymentLine]
        let threshold: String
        let csvHref: String
        let moneyCSVHref: String
    }

    @Sendable static func show(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let money = PublicMoney(data)
        let slug = data.tenant.slug
        let page = Page(
            frame: PublicFrame(req, tenant: data.tenant, day: data.day, page: SiteMap.Public.money),
            received: data.received.map { Line(label: $0.funder, amount: $0.amount.display) },
            receivedTotal: data.received.reduce(Money.zero) { $0 + $1.amount }.display,
            providers: money.byProvider.map { ProviderLine(provider: $0.provider, committed: $0.committed.display, paid: $0.paid.display) },
            quarters: money.byQuarter.map { Line(label: $0.quarter.label, amount: $0.paid.display) },
            authorities: money.byAuthority.map { Line(label: $0.authority, amount: $0.paid.display) },
            paidTotal: money.paidToDate.display,
            payments: money.listedPayments.map {
                PaymentLine(paidOn: $0.paidOn.display, provider: $0.provider, reference: $0.reference,
                            href: SiteMap.Public.contract.path(slug, $0.contractID.uuidString), period: $0.period.display, amount: $0.amount.display)
            },
            threshold: data.tenant.paymentThreshold.display, csvHref: SiteMap.Public.paymentsCSV.path(slug),
            moneyCSVHref: SiteMap.Public.moneyCSV.path(slug))
        return try await PageRenderer.render(req, "public/money", title: "Money: \(data.tenant.name)", page, sessionFree: true)
    }
}
