import Fluent
import Vapor
import WaymarkDomain

/// The tenant's own settings, for its commissioners: the two risk windows of route status
/// (DESIGN.md, "Status"), the working day after a month's end its returns fall due, and what
/// its open data says of it (`OpenDataSettings`).
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
        let orgID: String
        let grantPrefix: String
        let ocdsPrefix: String
        let paymentThreshold: String
        let publicHref: String
    }

    struct Sent: Content {
        var at_risk_window_days: String?
        var watch_window_days: String?
        var return_due_working_day: String?
        var org_id: String?
        var grant_prefix: String?
        var ocds_prefix: String?
        var payment_threshold: String?
        var version: Int?
    }

    struct Snapshot: Encodable {
        let atRiskWindowDays: Int; let watchWindowDays: Int; let returnDueWorkingDay: Int
        let orgID: String?; let grantPrefix: String?; let ocdsPrefix: String?; let paymentThresholdPence: Int64
    }

    static func page(_ context: TenantContext, _ sent: Sent) -> Page {
        let dueDay = sent.return_due_working_day ?? ""
        let day = Int(dueDay).map { ReturnDeadlines(workingDay: $0) } ?? ReturnDeadlines()
        let october = CalendarMonth(year: 2025, month: 10)!
        return Page(action: SiteMap.Tenant.settings.path(context.tenant.slug), version: sent.version ?? 0, atRisk: sent.at_risk_window_days ?? "",
                    watch: sent.watch_window_days ?? "", dueDay: dueDay,
                    example: "With this, October 2025's returns are due on \(day.due(for: october).display).",
                    orgID: sent.org_id ?? "", grantPrefix: sent.grant_prefix ?? "", ocdsPrefix: sent.ocds_prefix ?? "",
                    paymentThreshold: sent.payment_threshold ?? "", publicHref: SiteMap.Public.home.path(context.tenant.slug))
    }

    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let tenant = context.tenant
        let sent = Sent(at_risk_window_days: String(tenant.atRiskWindowDays), watch_window_days: String(tenant.watchWindowDays),
                        return_due_working_day: String(tenant.returnDueWorkingDay), org_id: tenant.orgID, grant_prefix: tenant.grantPrefix,
                        ocds_prefix: tenant.ocdsPrefix, payment_threshold: tenant.paymentThreshold.decimalString, version: tenant.version)
        return try await PageRenderer.render(req, "tenant/settings", title: "Settings", page(context, sent))
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
        // A field not sent at all (a form from before these existed) keeps what the tenant has.
        let current = context.tenant
        let openData = OpenDataSettings.check(orgID: sent.org_id ?? current.orgID ?? "", grantPrefix: sent.grant_prefix ?? current.grantPrefix ?? "",
                                              ocdsPrefix: sent.ocds_prefix ?? current.ocdsPrefix ?? "",
                                              paymentThreshold: sent.payment_threshold ?? current.paymentThreshold.decimalString)
        if case .failure(let problems) = openData { errors += problems.all.map { FieldError(field: $0.field.rawValue, message: $0.message) } }
        guard errors.isEmpty, let atRiskDays, let watchDays, let workingDay, case .success(let published) = openData else {
            return try await PageRenderer.render(req, "tenant/settings", title: "Settings", page(context, sent), errors: errors, status: .unprocessableEntity)
        }
        let tenantID = context.tenantID
        let tenantNow = context.tenant
        let before = Snapshot(atRiskWindowDays: tenantNow.atRiskWindowDays, watchWindowDays: tenantNow.watchWindowDays,
                              returnDueWorkingDay: tenantNow.returnDueWorkingDay, orgID: tenantNow.orgID, grantPrefix: tenantNow.grantPrefix,
                              ocdsPrefix: tenantNow.ocdsPrefix, paymentThresholdPence: tenantNow.paymentThreshold.pence)
        try await context.transaction { tx in
            try await VersionGuard.claim(table: Tenant.schema, id: tenantID, expected: sent.version ?? 0, on: tx.db)
            guard let tenant = try await Tenant.find(tenantID, on: tx.db) else { throw WaymarkError.notFound }
            tenant.atRiskWindowDays = atRiskDays
            tenant.watchWindowDays = watchDays
            tenant.returnDueWorkingDay = workingDay
            tenant.orgID = published.orgID
            tenant.grantPrefix = published.grantPrefix
            tenant.ocdsPrefix = published.ocdsPrefix
            tenant.paymentThresholdPence = published.paymentThreshold.pence
            try await tenant.save(on: tx.db)
            try await tx.audit("tenant.settings_changed", "tenant", tenant.slug, before: before,
                               after: Snapshot(atRiskWindowDays: atRiskDays, watchWindowDays: watchDays, returnDueWorkingDay: workingDay,
                                               orgID: published.orgID, grantPrefix: published.grantPrefix, ocdsPrefix: published.ocdsPrefix,
                                               paymentThresholdPence: published.paymentThreshold.pence))
        }
        return req.redirect(to: SiteMap.Tenant.settings.path(context.tenant.slug), flash: "Settings saved.")
    }
}
