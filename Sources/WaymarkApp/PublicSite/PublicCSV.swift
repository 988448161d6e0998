import Foundation
import Vapor
import WaymarkDomain

/// The public site's tables as CSV: the same rows as the pages, whole.
enum PublicCSV {
    @Sendable static func contracts(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let rows = data.contracts.sorted { $0.record.reference < $1.record.reference }.map { item in
            [item.record.reference, item.record.title, item.provider?.name ?? "", item.record.letting?.rawValue ?? "",
             item.terms.value.decimalString, item.terms.start.iso, item.terms.end.iso, item.effective.iso,
             item.authorities.map(\.gssCode).joined(separator: ";"), item.routes.map(\.route.code).joined(separator: ";"),
             String(item.loaded.contract.variations.count), data.day.iso]
        }
        return CSVResponse.stream(headers: ["reference", "title", "provider", "how_let", "value", "start", "end", "signed_on",
                                                     "local_authorities", "routes", "variations", "as_of"], rows: rows,
                                  filename: "\(data.tenant.slug)-contracts.csv")
    }

    @Sendable static func routes(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let providers = PublicMoney.providersByRoute(data)
        let rows = data.routes.map { item in
            [item.route.code, item.route.name, item.authority.name, item.authority.gssCode, String(item.route.childrenPerDay),
             providers[item.route.id!] ?? "", data.day.iso]
        }
        return CSVResponse.stream(headers: ["code", "name", "local_authority", "gss_code", "children_per_day", "provider", "as_of"],
                                  rows: rows, filename: "\(data.tenant.slug)-routes.csv")
    }

    /// Every payment at or above the threshold (`PublicationRule.payment`).
    @Sendable static func payments(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let rows = PublicMoney(data).listedPayments.map {
            [$0.paidOn.iso, $0.provider, $0.reference, $0.period.start.iso, $0.period.end.iso, $0.amount.decimalString]
        }
        return CSVResponse.stream(headers: ["paid_on", "provider", "contract", "period_start", "period_end", "amount"], rows: rows,
                                  filename: "\(data.tenant.slug)-payments.csv")
    }

    /// The money page's four tables in one long file: which table, the row's label, and the
    /// amounts (committed only where the table has it).
    @Sendable static func money(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let money = PublicMoney(data)
        var rows: [[String]] = data.received.map { ["received_by_funder", $0.funder, "", $0.amount.decimalString] }
        rows += money.byProvider.map { ["by_provider", $0.provider, $0.committed.decimalString, $0.paid.decimalString] }
        rows += money.byQuarter.map { ["paid_by_quarter", $0.quarter.label, "", $0.paid.decimalString] }
        rows += money.byAuthority.map { ["paid_by_local_authority", $0.authority, "", $0.paid.decimalString] }
        return CSVResponse.stream(headers: ["table", "label", "committed", "amount", "as_of"], rows: rows.map { $0 + [data.day.iso] },
                                  filename: "\(data.tenant.slug)-money.csv")
    }

    @Sendable static func authorities(_ req: Request, _ data: PublicSiteData) async throws -> Response {
        let rows = data.routesByAuthority.map { authority, routes in
            [authority.name, authority.gssCode, String(routes.count), String(routes.reduce(0) { $0 + $1.route.childrenPerDay }), data.day.iso]
        }
        return CSVResponse.stream(headers: ["local_authority", "gss_code", "routes", "children_per_day", "as_of"], rows: rows,
                                  filename: "\(data.tenant.slug)-local-authorities.csv")
    }
}
