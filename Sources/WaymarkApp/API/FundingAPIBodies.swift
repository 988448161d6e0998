import Foundation
import WaymarkDomain

/// The funding API's JSON bodies (snake_case on the wire, see APIJSON). Money is integer
/// pence, like every amount Waymark stores.
enum FundingAPIBodies {
    struct Figures: Encodable {
        let fullyCovered: Int; let partlyCovered: Int; let uncovered: Int; let unknownCostDays: Int
        let costPence: Int64; let paidPence: Int64; let gapPence: Int64

        init(_ figures: MonthCoverage.Figures) {
            fullyCovered = figures.fullyCovered; partlyCovered = figures.partlyCovered; uncovered = figures.uncovered
            unknownCostDays = figures.unknownCostDays
            costPence = figures.cost.pence; paidPence = figures.paid.pence; gapPence = figures.gap.pence
        }
    }

    struct Month: Encodable {
        let month: String; let from: String; let to: String; let schoolDays: Int; let secured: Figures; let projected: Figures

        init(_ month: MonthCoverage) {
            self.month = String(format: "%04d-%02d", month.year, month.month)
            from = month.firstDay.iso; to = month.lastDay.iso; schoolDays = month.schoolDays
            secured = Figures(month.secured); projected = Figures(month.projected)
        }
    }

    struct RouteMonths: Encodable { let code: String; let name: String; let fundingStatus: String; let months: [Month] }
    struct Coverage: Encodable { let tenant: String; let asOf: String; let from: String; let to: String; let routes: [RouteMonths] }

    struct Source: Encodable {
        let id: String; let url: String; let funder: String; let programme: String; let kind: String
        let status: String?; let startDate: String; let endDate: String; let amountPence: Int64
        let allocatedPence: Int64; let drawnToDatePence: Int64; let remainingPence: Int64; let lapsedPence: Int64
        let willLapsePence: Int64; let renewable: Bool; let reference: String; let knownOnAsOf: Bool

        init(_ row: FundingSourcesController.Row, url: String) {
            id = row.id.lowercased(); self.url = url; funder = row.funder; programme = row.programme; kind = row.kind
            status = row.status.isEmpty ? nil : row.status; startDate = row.startDay; endDate = row.endDay
            amountPence = row.amount.pence; allocatedPence = row.allocated.pence; drawnToDatePence = row.drawnToDate.pence
            remainingPence = row.remaining.pence; lapsedPence = row.lapsed.pence; willLapsePence = row.willLapse.pence
            renewable = row.renewable; reference = row.reference; knownOnAsOf = row.known
        }
    }

    struct SourceList: Encodable { let tenant: String; let asOf: String; let sources: [Source] }

    struct AllocationLine: Encodable {
        let id: String; let sourceId: String; let routeCode: String; let amountPence: Int64; let startDate: String; let endDate: String
        let drawnToDatePence: Int64?; let remainingPence: Int64?; let lapsedPence: Int64?; let willLapsePence: Int64?

        init(_ line: FundingSourceDetail.AllocationLine) {
            id = line.allocation.id!.uuidString.lowercased(); sourceId = line.allocation.sourceID.uuidString.lowercased()
            routeCode = line.route?.code ?? ""; amountPence = line.allocation.amountPence
            startDate = line.allocation.startDay; endDate = line.allocation.endDay
            drawnToDatePence = line.position?.drawnToDate.pence; remainingPence = line.position?.remaining.pence
            lapsedPence = line.position?.lapsed.pence; willLapsePence = line.position?.willLapse.pence
        }
    }

    struct SourceDetail: Encodable { let asOf: String; let source: Source; let allocations: [AllocationLine] }
    struct AllocationList: Encodable { let tenant: String; let asOf: String; let allocations: [AllocationLine] }

    struct Pledge: Encodable {
        struct Line: Encodable { let routeCode: String; let amountPence: Int64 }
        let id: String; let organisation: String; let programme: String; let state: String; let amountPence: Int64
        let startDate: String; let endDate: String; let routes: [Line]; let pledgedAt: String; let decisionReason: String?
        let sourceId: String

        init(_ row: PledgeRow) {
            id = row.id.lowercased(); organisation = row.organisation; programme = row.programme; state = row.state
            amountPence = row.amountPence; startDate = row.startDay; endDate = row.endDay
            routes = row.lines.map { .init(routeCode: $0.routeCode, amountPence: $0.amountPence) }
            pledgedAt = row.pledgedAtISO; decisionReason = row.decisionReason.isEmpty ? nil : row.decisionReason
            sourceId = row.sourceID.lowercased()
        }
    }

    struct PledgeList: Encodable { let tenant: String; let pledges: [Pledge] }

    struct Alert: Encodable {
        let id: String; let kind: String; let headline: String; let body: String; let link: String; let asOf: String
        let receivedAt: String; let read: Bool

        init(_ line: InboxController.Line) {
            id = line.id.lowercased(); kind = line.kind; headline = line.headline; body = line.body; link = line.href
            asOf = line.asOfISO; receivedAt = ISO8601DateFormatter().string(from: line.receivedAt); read = !line.unread
        }
    }

    static let alertsPerPage = 200

    struct AlertList: Encodable {
        let tenant: String; let total: Int; let page: Int; let pages: Int
        /// The next page's address; null on the last.
        let next: String?
        let alerts: [Alert]

        func encode(to encoder: any Encoder) throws {
            // `next` is written as null on the last page, not left out: the schema says it is always there.
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(tenant, forKey: .tenant)
            try container.encode(total, forKey: .total)
            try container.encode(page, forKey: .page)
            try container.encode(pages, forKey: .pages)
            try container.encode(next, forKey: .next)
            try container.encode(alerts, forKey: .alerts)
        }

        enum CodingKeys: String, CodingKey { case tenant, total, page, pages, next, alerts }
    }
}
