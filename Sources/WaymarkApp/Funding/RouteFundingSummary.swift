import WaymarkDomain

/// A route's coverage status as its page shows it: the status, the reasons in words and
/// how far secured and projected money reach.
struct RouteFundingSummary: Encodable {
    let status: String
    let label: String
    let tag: String
    let reasons: [String]
    let securedUntil: String
    let projectedUntil: String
    let nextSchoolDay: String

    /// `reasons`: the snapshot's (`CoverageSnapshot.reasons(of:)`), delivery reasons included.
    init(_ report: RouteStatusReport, reasons: [String]) {
        status = report.status.rawValue
        label = report.status.displayName
        tag = FundingDisplay.tag(report.status)
        self.reasons = reasons
        securedUntil = report.securedFundedUntil?.display ?? "Not funded"
        projectedUntil = report.projectedFundedUntil?.display ?? "Not funded"
        nextSchoolDay = report.nextSchoolDay?.display ?? "None in the term dates"
    }
}
