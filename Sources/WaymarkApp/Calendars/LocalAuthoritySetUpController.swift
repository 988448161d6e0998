import Fluent
import Vapor
import WaymarkDomain

/// Commissioners choose their local authorities from the register Waymark ships (never by
/// typing a code), give each a term calendar, name its areas, and remove one nothing uses.
struct LocalAuthoritySetUpController: Sendable {
    /// The set-up part of an authority's page.
    struct Manage: Encodable {
        struct Option: Encodable { let value: String; let label: String; let selected: Bool }
        struct AreaLine: Encodable { let id: String; let name: String; let typed: String; let action: String; let field: String; let error: String? }
        let version: String
        let calendars: [Option]
        let calendarAction: String
        let importCalendarsHref: String
        let areas: [AreaLine]
        let areasAction: String
        let newArea: String
        let removeAction: String
        /// Why it cannot be removed; empty when it can.
        let removalBlockers: [String]
    }

    /// What was typed into the page's forms, kept when one comes back with a problem.
    struct Typed: Sendable {
        var newArea = ""
        var renames: [UUID: String] = [:]
        var areaErrors: [UUID: String] = [:]
    }

    struct AddPage: Encodable {
        struct Result: Encodable { let gssCode: String; let name: String; let kind: String; let orgID: String; let added: Bool }
        let query: String
        let searched: Bool
        let results: [Result]
        let action: String
        let backHref: String
    }

    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.localAuthorityAdd, .editCalendars, search)
        routes.post(SiteMap.Tenant.localAuthorityAdd, .editCalendars, add)
        routes.post(SiteMap.Tenant.localAuthorityCalendar, .editCalendars, chooseCalendar)
        routes.post(SiteMap.Tenant.localAuthorityRemove, .editCalendars, remove)
        routes.post(SiteMap.Tenant.localAuthorityAreas, .editCalendars, addArea)
        routes.post(SiteMap.Tenant.localAuthorityArea, .editCalendars, renameArea)
    }

    static func manage(_ context: TenantContext, _ authority: LocalAuthority, typed: Typed) async throws -> Manage {
        let slug = context.tenant.slug, code = authority.gssCode
        let calendars = try await context.query(TermCalendarRecord.self).sort(\.$name).all()
        let areas = try await context.query(Area.self).filter(\.$localAuthorityID == authority.id!).sort(\.$name).all()
        return Manage(
            version: String(authority.version),
            calendars: [.init(value: "", label: "No calendar yet", selected: authority.calendarID == nil)]
                + calendars.map { .init(value: $0.id!.uuidString, label: $0.name, selected: $0.id == authority.calendarID) },
            calendarAction: SiteMap.Tenant.localAuthorityCalendar.path(slug, code),
            importCalendarsHref: SiteMap.Tenant.importKind.path(slug, ImportKind.calendars.rawValue),
            areas: areas.map { area in
                .init(id: area.id!.uuidString, name: area.name, typed: typed.renames[area.id!] ?? area.name,
                      action: SiteMap.Tenant.localAuthorityArea.path(slug, code, area.id!.uuidString), field: "area-\(area.id!.uuidString)",
                      error: typed.areaErrors[area.id!])
            },
            areasAction: SiteMap.Tenant.localAuthorityAreas.path(slug, code), newArea: typed.newArea,
            removeAction: SiteMap.Tenant.localAuthorityRemove.path(slug, code),
            removalBlockers: try await removalBlockers(authority, context))
    }

    func search(req: Request, context: TenantContext) async throws -> Response {
        let query = (req.query[String.self, at: "q"] ?? "").trimmed
        return try await renderSearch(req, context, query: query, errors: [])
    }

    private func renderSearch(_ req: Request, _ context: TenantContext, query: String, errors: [FieldError],
                              status: HTTPStatus = .ok) async throws -> Response {
        let held = Set(try await context.query(LocalAuthority.self).all().map(\.gssCode))
        let slug = context.tenant.slug
        let results = LocalAuthorityRegister.search(query).map {
            AddPage.Result(gssCode: $0.gssCode, name: $0.name, kind: $0.kind, orgID: $0.orgID ?? "", added: held.contains($0.gssCode))
        }
        return try await PageRenderer.render(req, "calendars/add", title: "Add a local authority", AddPage(
            query: query, searched: !query.isEmpty, results: results, action: SiteMap.Tenant.localAuthorityAdd.path(slug),
            backHref: SiteMap.Tenant.localAuthorities.path(slug)), errors: errors, status: status)
    }

    struct AddForm: Content { var gss: String?; var q: String? }

    func add(req: Request, context: TenantContext) async throws -> Response {
        let form = try req.content.decode(AddForm.self)
        guard let registered = LocalAuthorityRegister.authority(gssCode: form.gss ?? "") else {
            return try await renderSearch(req, context, query: form.q ?? "", errors: [
                .init(field: "q", message: "Choose a local authority from the register: search by its name or GSS code")],
                status: .unprocessableEntity)
        }
        let existing = try await context.query(LocalAuthority.self).all()
        if existing.contains(where: { $0.gssCode == registered.gssCode }) {
            return try await renderSearch(req, context, query: form.q ?? "", errors: [
                .init(field: "q", message: "\(registered.name) is already one of this partnership's local authorities")],
                status: .unprocessableEntity)
        }
        let authority = LocalAuthority(tenantID: context.tenantID, name: registered.name, gssCode: registered.gssCode, calendarID: nil)
        try await context.transaction { tx in
            try await authority.create(on: tx.db)
            try await tx.audit("local_authority.added", "local_authority", registered.gssCode,
                               after: ["name": registered.name, "gss_code": registered.gssCode])
        }
        return req.redirect(to: SiteMap.Tenant.localAuthority.path(context.tenant.slug, registered.gssCode),
                            flash: "\(registered.name) added. Give it a term calendar next.")
    }

    struct CalendarForm: Content { var calendar: String?; var version: String? }

    func chooseCalendar(req: Request, context: TenantContext) async throws -> Response {
        let authority = try await find(req, context)
        let form = try req.content.decode(CalendarForm.self)
        let chosen = (form.calendar ?? "").trimmed
        let calendar = try await context.find(TermCalendarRecord.self, UUID(uuidString: chosen))
        if !chosen.isEmpty && calendar == nil {
            return try await LocalAuthoritiesController().renderDetail(req, context, errors: [
                .init(field: "calendar", message: "Choose one of this partnership's term calendars, or none")], status: .unprocessableEntity)
        }
        guard let version = Int(form.version ?? "") else { throw WaymarkError.conflict(VersionGuard.conflictMessage) }
        let before = try await context.find(TermCalendarRecord.self, authority.calendarID)?.name
        try await context.transaction { tx in
            try await VersionGuard.claim(table: LocalAuthority.schema, id: authority.id!, expected: version, on: tx.db)
            authority.calendarID = calendar?.id
            authority.version = version + 1
            try await authority.save(on: tx.db)
            try await tx.audit("local_authority.calendar_chosen", "local_authority", authority.gssCode,
                               before: ["calendar": before ?? ""], after: ["calendar": calendar?.name ?? ""])
        }
        return req.redirect(to: SiteMap.Tenant.localAuthority.path(context.tenant.slug, authority.gssCode),
                            flash: calendar.map { "\(authority.name) now follows \($0.name)." } ?? "\(authority.name) has no term calendar now.")
    }

    func remove(req: Request, context: TenantContext) async throws -> Response {
        let authority = try await find(req, context)
        let blockers = try await Self.removalBlockers(authority, context)
        if !blockers.isEmpty {
            throw WaymarkError.conflict("\(authority.name) cannot be removed while \(blockers.joinedAsList()).")
        }
        try await context.transaction { tx in
            try await tx.query(Area.self).filter(\.$localAuthorityID == authority.id!).delete()
            try await authority.delete(on: tx.db)
            try await tx.audit("local_authority.removed", "local_authority", authority.gssCode,
                               before: ["name": authority.name, "gss_code": authority.gssCode])
        }
        return req.redirect(to: SiteMap.Tenant.localAuthorities.path(context.tenant.slug), flash: "\(authority.name) removed.")
    }

    /// What still points at the authority, in words ("2 routes use it"); empty when nothing does.
    static func removalBlockers(_ authority: LocalAuthority, _ context: TenantContext) async throws -> [String] {
        let id = authority.id!
        var reasons: [String] = []
        let routes = try await context.query(Route.self).filter(\.$localAuthorityID == id).count()
        if routes > 0 { reasons.append("\(Wording.count(routes, "route")) \(routes == 1 ? "runs" : "run") in it") }
        let schools = try await context.query(School.self).filter(\.$localAuthorityID == id).count()
        if schools > 0 { reasons.append("\(Wording.count(schools, "school")) \(schools == 1 ? "is" : "are") in it") }
        if authority.calendarID != nil { reasons.append("a term calendar is assigned to it") }
        let organisations = try await context.query(Organisation.self).filter(\.$localAuthorityID == id).count()
        if organisations > 0 {
            reasons.append("\(Wording.count(organisations, "organisation")) \(organisations == 1 ? "belongs" : "belong") to it")
        }
        let restricted = try await context.query(FundingSourceRecord.self).all().filter { $0.restrictions.localAuthorityIDs.contains(id) }.count
        if restricted > 0 {
            reasons.append("\(Wording.count(restricted, "funding source")) \(restricted == 1 ? "is" : "are") restricted to it")
        }
        return reasons
    }

    func find(_ req: Request, _ context: TenantContext) async throws -> LocalAuthority {
        guard let authority = try await context.query(LocalAuthority.self)
            .filter(\.$gssCode == (req.parameters.get("gss") ?? "")).first() else { throw WaymarkError.notFound }
        return authority
    }
}
