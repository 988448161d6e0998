import Fluent
import Vapor
import WaymarkDomain

/// Local authorities and their term calendars, with school days counted by the
/// domain's rules (TermCalendar) so the page shows what the coverage engine uses.
struct LocalAuthoritiesController: Sendable {
    struct ListPage: Encodable {
        struct Line: Encodable { let name: String; let gssCode: String; let calendar: String; let routes: Int; let href: String }
        let authorities: [Line]
        let csvHref: String
        let addHref: String?
    }

    struct DetailPage: Encodable {
        struct Period: Encodable { let kind: String; let dates: String }
        struct YearBlock: Encodable { let label: String; let schoolDays: Int; let periods: [Period] }
        let name: String
        let gssCode: String
        let calendar: String
        let years: [YearBlock]
        let problems: [String]
        let csvHref: String
        let backHref: String
        /// The commissioner's set-up forms; nil for everyone else.
        let manage: LocalAuthoritySetUpController.Manage?
    }

    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.localAuthorities, .viewCalendars, list)
        routes.get(SiteMap.Tenant.localAuthoritiesCSV, .viewCalendars, listCSV)
        routes.get(SiteMap.Tenant.localAuthority, .viewCalendars, detail)
        routes.get(SiteMap.Tenant.calendarCSV, .viewCalendars, calendarCSV)
    }

    /// The authorities the person may read (a council's partner: their own), with their routes.
    func lines(_ context: TenantContext) async throws -> [ListPage.Line] {
        let authorities = try await context.query(LocalAuthority.self).sort(\.$name).all()
            .filter { context.mayRead(.localAuthority(gss: $0.gssCode)) }
        let calendars = try await context.query(TermCalendarRecord.self).all()
        let routes = try await context.query(Route.self).all()
        let calendarNames = Dictionary(uniqueKeysWithValues: calendars.map { ($0.id!, $0.name) })
        return authorities.map { authority in
            .init(name: authority.name, gssCode: authority.gssCode,
                  calendar: authority.calendarID.flatMap { calendarNames[$0] } ?? "None",
                  routes: routes.filter { $0.localAuthorityID == authority.id }.count,
                  href: SiteMap.Tenant.localAuthority.path(context.tenant.slug, authority.gssCode))
        }
    }

    func list(req: Request, context: TenantContext) async throws -> Response {
        try await PageRenderer.render(req, "calendars/list", title: "Local authorities", ListPage(
            authorities: try await lines(context), csvHref: SiteMap.Tenant.localAuthoritiesCSV.path(context.tenant.slug),
            addHref: context.can(.editCalendars) ? SiteMap.Tenant.localAuthorityAdd.path(context.tenant.slug) : nil))
    }

    func listCSV(req: Request, context: TenantContext) async throws -> Response {
        let rows = try await lines(context).map { [$0.name, $0.gssCode, $0.calendar, String($0.routes)] }
        return CSVResponse.stream(headers: ["name", "gss_code", "calendar", "routes"], rows: rows,
                                  filename: "\(context.tenant.slug)-local-authorities.csv")
    }

    func detail(req: Request, context: TenantContext) async throws -> Response {
        try await renderDetail(req, context)
    }

    /// The page, with the set-up forms for commissioners; a form posted from it comes back
    /// here with its problems and what was typed.
    func renderDetail(_ req: Request, _ context: TenantContext, errors: [FieldError] = [],
                      typed: LocalAuthoritySetUpController.Typed = .init(), status: HTTPStatus = .ok) async throws -> Response {
        let (authority, calendar, periods) = try await load(req, context)
        let domain = CalendarBuilder.termCalendar(authority: authority.name, periods: periods)
        let years = Dictionary(grouping: periods, by: \.academicYear).sorted { $0.key < $1.key }.map { label, periods in
            let span = AcademicYear(label: label)?.range
            return DetailPage.YearBlock(
                label: label, schoolDays: span.map { domain.countSchoolDays(in: $0) } ?? 0,
                periods: periods.sorted { ($0.startDay, $0.kind) < ($1.startDay, $1.kind) }.map { period in
                    let start = Day(iso: period.startDay), end = Day(iso: period.endDay)
                    let dates = start == end ? (start?.display ?? period.startDay)
                        : "\(start?.display ?? period.startDay) to \(end?.display ?? period.endDay)"
                    return .init(kind: TermPeriod.Kind(rawValue: period.kind)?.label ?? period.kind, dates: dates)
                })
        }
        let slug = context.tenant.slug
        return try await PageRenderer.render(req, "calendars/detail", title: authority.name, DetailPage(
            name: authority.name, gssCode: authority.gssCode, calendar: calendar?.name ?? "No calendar", years: years,
            problems: domain.validate(), csvHref: SiteMap.Tenant.calendarCSV.path(slug, authority.gssCode),
            backHref: SiteMap.Tenant.localAuthorities.path(slug),
            manage: context.can(.editCalendars) ? try await LocalAuthoritySetUpController.manage(context, authority, typed: typed) : nil),
            errors: errors, status: status)
    }

    func calendarCSV(req: Request, context: TenantContext) async throws -> Response {
        let (authority, calendar, periods) = try await load(req, context)
        // The columns of the calendar import, so a downloaded calendar can be edited and imported back.
        let calendarName = calendar?.name ?? ""
        let rows = periods.sorted { ($0.startDay, $0.kind) < ($1.startDay, $1.kind) }.enumerated()
            .map { index, period in [calendarName, period.academicYear, period.kind, period.startDay, period.endDay, index == 0 ? authority.gssCode : ""] }
        return CSVResponse.stream(headers: CalendarImport.columns.map(\.name), rows: rows,
                                  filename: "\(context.tenant.slug)-\(authority.gssCode)-calendar.csv")
    }

    func load(_ req: Request, _ context: TenantContext) async throws -> (LocalAuthority, TermCalendarRecord?, [TermPeriod]) {
        guard let authority = try await context.query(LocalAuthority.self)
            .filter(\.$gssCode == (req.parameters.get("gss") ?? "")).first(),
              context.mayRead(.localAuthority(gss: authority.gssCode)) else { throw WaymarkError.notFound }
        let calendar = try await context.find(TermCalendarRecord.self, authority.calendarID)
        var periods: [TermPeriod] = []
        if let calendarID = calendar?.id {
            periods = try await context.query(TermPeriod.self).filter(\.$calendarID == calendarID).all()
        }
        return (authority, calendar, periods)
    }
}

/// Stored term periods → the domain's TermCalendar.
enum CalendarBuilder {
    static func termCalendar(authority: String, periods: [TermPeriod]) -> TermCalendar {
        let byYear = Dictionary(grouping: periods, by: \.academicYear)
        let years = byYear.compactMap { label, periods -> TermCalendar.Year? in
            guard let year = AcademicYear(label: label) else { return nil }
            func range(_ p: TermPeriod) -> DayRange? {
                guard let start = Day(iso: p.startDay), let end = Day(iso: p.endDay) else { return nil }
                return DayRange(start: start, end: end)
            }
            let halfTerms = periods.filter { $0.kind == TermPeriod.Kind.halfTerm.rawValue }.compactMap(range)
            let terms = periods.filter { $0.kind == TermPeriod.Kind.term.rawValue }.compactMap(range).sorted { $0.start < $1.start }
                .enumerated().map { index, dates in
                    TermCalendar.Term(name: "Term \(index + 1)", dates: dates, halfTerms: halfTerms.filter { dates.contains($0.start) })
                }
            let inset = periods.filter { $0.kind == TermPeriod.Kind.inset.rawValue }.compactMap { Day(iso: $0.startDay) }
            return TermCalendar.Year(academicYear: year, terms: terms, insetDays: inset)
        }
        return TermCalendar(authority: authority, years: years)
    }
}
