import Fluent
import Vapor
import WaymarkDomain

/// The tenant's own settings, for its commissioners: the two risk windows of route status
/// (DESIGN.md, "Status") and the working day after a month's end its returns fall due.
struct TenantSettingsController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.settings, .changeSettings, Self.show)
        routes.post(SiteMap.Tenant.settings, .changeSettings, Self.save)
    }

    struct Page: Encodable {
        let action: String
        let version: Int
        let atRisk: String
        let watch: String
        let dueDay: String
        let example: String
    }

    struct Sent: Content {
        var at_risk_window_days: String?
        var watch_window_days: String?
        var return_due_working_day: String?
        var version: Int?
    }

    struct Snapshot: Encodable { let atRiskWindowDays: Int; let watchWindowDays: Int; let returnDueWorkingDay: Int }

    static func page(_ context: TenantContext, atRisk: String, watch: String, dueDay: String, version: Int) -> Page {
        let day = Int(dueDay).map { ReturnDeadlines(workingDay: $0) } ?? ReturnDeadlines()
        let october = CalendarMonth(year: 2025, month: 10)!
        return Page(action: SiteMap.Tenant.settings.path(context.tenant.slug), version: version, atRisk: atRisk, watch: watch, dueDay: dueDay,
                    example: "With this, October 2025's returns are due on \(day.due(for: october).display).")
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let tenant = context.tenant
        let page = page(context, atRisk: String(tenant.atRiskWindowDays), watch: String(tenant.watchWindowDays),
                        dueDay: String(tenant.returnDueWorkingDay), version: tenant.version)
        return try await PageRenderer.render(req, "tenant/settings", title: "Settings", page)
    }

    @Sendable static func save(req: Request, context: TenantContext) async throws -> Response {
        let sent = try req.content.decode(Sent.self)
        let atRisk = sent.at_risk_window_days?.trimmingCharacters(in: .whitespaces) ?? ""
        let watch = sent.watch_window_days?.trimmingCharacters(in: .whitespaces) ?? ""
        let dueDay = sent.return_due_working_day?.trimmingCharacters(in: .whitespaces) ?? ""
        var errors: [FieldError] = []
        let atRiskDays = Int(atRisk), watchDays = Int(watch), workingDay = Int(dueDay)
        if atRiskDays.map({ !(1...365).contains($0) }) ?? true {
            errors.append(FieldError(field: "at_risk_window_days", message: "Enter the at-risk window as a whole number of days from 1 to 365"))
        }
        if watchDays.map({ !(1...730).contains($0) }) ?? true {
            errors.append(FieldError(field: "watch_window_days", message: "Enter the watch window as a whole number of days from 1 to 730"))
        } else if let atRiskDays, let watchDays, watchDays < atRiskDays {
            errors.append(FieldError(field: "watch_window_days", message: "The watch window must be at least as long as the at-risk window, \(atRiskDays) days"))
        }
        if workingDay.map({ !ReturnDeadlines.workingDayRange.contains($0) }) ?? true {
            errors.append(FieldError(field: "return_due_working_day", message: "Enter the working day returns fall due as a number from 1 to 20"))
        }
        guard errors.isEmpty, let atRiskDays, let watchDays, let workingDay else {
            let page = page(context, atRisk: atRisk, watch: watch, dueDay: dueDay, version: sent.version ?? 0)
            return try await PageRenderer.render(req, "tenant/settings", title: "Settings", page, errors: errors, status: .unprocessableEntity)
        }
        let tenantID = context.tenantID
        let before = Snapshot(atRiskWindowDays: context.tenant.atRiskWindowDays, watchWindowDays: context.tenant.watchWindowDays,
                              returnDueWorkingDay: context.tenant.returnDueWorkingDay)
        try await context.transaction { tx in
            try await VersionGuard.claim(table: Tenant.schema, id: tenantID, expected: sent.version ?? 0, on: tx.db)
            guard let tenant = try await Tenant.find(tenantID, on: tx.db) else { throw WaymarkError.notFound }
            tenant.atRiskWindowDays = atRiskDays
            tenant.watchWindowDays = watchDays
            tenant.returnDueWorkingDay = workingDay
            try await tenant.save(on: tx.db)
            try await tx.audit("tenant.settings_changed", "tenant", tenant.slug, before: before,
                               after: Snapshot(atRiskWindowDays: atRiskDays, watchWindowDays: watchDays, returnDueWorkingDay: workingDay))
        }
        return req.redirect(to: SiteMap.Tenant.settings.path(context.tenant.slug), flash: "Settings saved.")
    }
}
