extension SiteMap {
    /// The pages that show the world as of a day (`Reading`): the header's as-of control is on
    /// them, and links to them carry the day being looked at (`AsOfCarry`). Forms, settings and
    /// set-up pages are about today and are not listed; nor is a specification's ranking, which
    /// is the panel's scores as they stand.
    static let asOfPages: [PathTemplate] = [
        Tenant.home, Tenant.dashboard, Tenant.dashboardTable, Tenant.regionMap, Tenant.regionMapCSV,
        Tenant.routes, Tenant.routesCSV, Tenant.route, Tenant.routeFundingCSV,
        Tenant.fundingSources, Tenant.fundingSourcesCSV, Tenant.fundingSource, Tenant.fundingSourceRoutesCSV,
        Tenant.pledges, Tenant.pledgesCSV, Tenant.pledge,
        Tenant.specifications, Tenant.specificationsCSV, Tenant.specification, Tenant.bids, Tenant.bid,
        Tenant.contracts, Tenant.contractsCSV, Tenant.contract, Tenant.contractPaymentsCSV, Tenant.payments, Tenant.paymentsCSV,
        Tenant.returns, Tenant.monthlyReturn, Tenant.returnVersions, Tenant.delivery, Tenant.deliveryCSV,
        Tenant.inbox,
    ] + Public.asOfPages

    static let asOfPatterns = Set(asOfPages.map(\.pattern))
}
