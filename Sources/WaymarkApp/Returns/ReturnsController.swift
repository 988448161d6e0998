import Fluent
import Vapor
import WaymarkDomain

/// Monthly returns: providers file them by form or upload; commissioners review them and
/// grant extensions; everyone allowed reads them, partners only the routes they fund.
struct ReturnsController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.returns, .viewReturns, ReturnsList.show)
        routes.get(SiteMap.Tenant.monthlyReturn, .viewReturns, Self.show)
        routes.get(SiteMap.Tenant.returnVersions, .viewReturns, ReturnComparison.show)
        routes.get(SiteMap.Tenant.returnForm, .fileReturns, Self.form)
        routes.post(SiteMap.Tenant.returnForm, .fileReturns, Self.saveForm)
        routes.post(SiteMap.Tenant.returnUpload, .fileReturns, ReturnUploads.upload)
        routes.get(SiteMap.Tenant.returnTemplateCSV, .fileReturns, ReturnUploads.csvTemplate)
        routes.get(SiteMap.Tenant.returnTemplateXLSX, .fileReturns, ReturnUploads.xlsxTemplate)
        routes.post(SiteMap.Tenant.returnReview, .reviewReturns, ReturnReviewing.review)
        routes.post(SiteMap.Tenant.returnExtension, .reviewReturns, ReturnReviewing.extend)
    }

    /// The return as it stood on the day asked about (`?as_of=`, `?as_recorded=`; today by default).
    @Sendable static func show(req: Request, context: TenantContext) async throws -> Response {
        let file = try await ReturnFile.load(req, context).read(in: try req.reading())
        return try await render(req, context, file)
    }

    static func render(_ req: Request, _ context: TenantContext, _ file: ReturnFile, errors: [FieldError] = [],
                       uploadIssues: [ImportIssue] = [], typed: ReturnPage.Typed = .init(), status: HTTPStatus = .ok) async throws -> Response {
        let page = try await ReturnPage.build(req, context, file, uploadIssues: uploadIssues, typed: typed, errors: errors)
        return try await PageRenderer.render(req, "returns/return", title: page.heading, page, errors: errors, status: status)
    }

    /// The filer must be the contract's provider, and the return open to them.
    static func fileable(_ req: Request, _ context: TenantContext) async throws -> ReturnFile {
        let file = try await ReturnFile.load(req, context)
        guard file.canFile(context) else { throw WaymarkError.forbiddenBecause("Only the contract's provider files its returns") }
        return file
    }

    @Sendable static func form(req: Request, context: TenantContext) async throws -> Response {
        let file = try await fileable(req, context)
        if let problem = ReturnReview.submitProblem(from: file.status) {
            return try await render(req, context, file, errors: [FieldError(field: "status", message: problem)], status: .conflict)
        }
        let page = ReturnFormPage.build(context, file, values: ReturnFormValues(file.workingContent, file: file))
        return try await PageRenderer.render(req, "returns/form", title: page.heading, page)
    }

    @Sendable static func saveForm(req: Request, context: TenantContext) async throws -> Response {
        let file = try await fileable(req, context)
        let values = try ReturnFormValues(req)
        func refuse(_ problems: [ReturnProblem], flagged: [FieldError] = [], status: HTTPStatus = .unprocessableEntity) async throws -> Response {
            let page = ReturnFormPage.build(context, file, values: values, problems: problems, flagged: flagged)
            let errors = ReturnFormPage.fieldErrors(problems, file: file) + flagged
            return try await PageRenderer.render(req, "returns/form", title: page.heading, page, errors: errors, status: status)
        }
        let flagged = PersonalDataGate.errors(req, [.init(field: "narrative", label: "The narrative", text: values.narrative),
                                                    .init(field: "case_study", label: "The case study", text: values.caseStudy)])
        let (content, problems) = values.judged(for: file, submitting: values.submitting)
        if !problems.isEmpty || !flagged.isEmpty { return try await refuse(problems, flagged: flagged) }
        do {
            if values.submitting {
                let number = try await ReturnActions.submit(file, content, channel: .form, openedAt: values.version, context, at: req.now)
                return req.redirect(to: SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, file.contract.id!.uuidString, file.month.description),
                                    flash: "Version \(number) of the \(file.month.longDisplay) return submitted for review.")
            }
            try await ReturnActions.saveDraft(file, content, openedAt: values.version, context, at: req.now)
            return req.redirect(to: SiteMap.Tenant.monthlyReturn.path(context.tenant.slug, file.contract.id!.uuidString, file.month.description),
                                flash: "Draft saved. It is not submitted until you submit it.")
        } catch let refused as ReturnActions.Refused {
            return try await refuse(refused.problems)
        }
    }
}
