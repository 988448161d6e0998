/// Every URL of the site, in one place.
enum SiteMap {
    static let home = PathTemplate("/")
    static let signIn = PathTemplate("/sign-in")
    static let signOut = PathTemplate("/sign-out")
    static let account = PathTemplate("/account")
    static let changePassword = PathTemplate("/account/password")
    static let help = PathTemplate("/help")
    static let accessibility = PathTemplate("/accessibility")
    static let healthz = PathTemplate("/healthz")

    enum Tenant {
        static let home = PathTemplate("/t/:tenant")
        static let routes = PathTemplate("/t/:tenant/routes")
        static let routesCSV = PathTemplate("/t/:tenant/routes.csv")
        static let route = PathTemplate("/t/:tenant/routes/:code")
        static let routeEdit = PathTemplate("/t/:tenant/routes/:code/edit")
        static let organisations = PathTemplate("/t/:tenant/organisations")
        static let organisationsCSV = PathTemplate("/t/:tenant/organisations.csv")
        static let organisation = PathTemplate("/t/:tenant/organisations/:id")
        static let organisationMembers = PathTemplate("/t/:tenant/organisations/:id/members")
        static let localAuthorities = PathTemplate("/t/:tenant/local-authorities")
        static let localAuthoritiesCSV = PathTemplate("/t/:tenant/local-authorities.csv")
        static let localAuthority = PathTemplate("/t/:tenant/local-authorities/:gss")
        static let calendarCSV = PathTemplate("/t/:tenant/local-authorities/:gss/calendar.csv")
        static let audit = PathTemplate("/t/:tenant/audit")
        static let auditCSV = PathTemplate("/t/:tenant/audit.csv")
        static let imports = PathTemplate("/t/:tenant/imports")
        static let importKind = PathTemplate("/t/:tenant/imports/:kind")
        static let importTemplateCSV = PathTemplate("/t/:tenant/imports/:kind/template.csv")
        static let importTemplateXLSX = PathTemplate("/t/:tenant/imports/:kind/template.xlsx")
        static let tokens = PathTemplate("/t/:tenant/tokens")
        static let tokenRevoke = PathTemplate("/t/:tenant/tokens/:id/revoke")
    }

    /// The operator console: platform-wide, operators only.
    enum Admin {
        static let home = PathTemplate("/admin")
        static let tenants = PathTemplate("/admin/tenants")
        static let tenant = PathTemplate("/admin/tenants/:slug")
        static let tenantOrganisations = PathTemplate("/admin/tenants/:slug/organisations")
        static let tenantMembers = PathTemplate("/admin/tenants/:slug/members")
        static let membershipRemove = PathTemplate("/admin/tenants/:slug/members/:id/remove")
        static let people = PathTemplate("/admin/people")
        static let person = PathTemplate("/admin/people/:id")
        static let personResetPassword = PathTemplate("/admin/people/:id/reset-password")
        static let audit = PathTemplate("/admin/audit")
    }

    enum API {
        static let openAPI = PathTemplate("/api/v1/openapi.json")
        static let routes = PathTemplate("/api/v1/t/:tenant/routes")
        static let route = PathTemplate("/api/v1/t/:tenant/routes/:code")
    }
}
