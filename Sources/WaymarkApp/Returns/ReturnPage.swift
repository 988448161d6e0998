import Foundation
import Vapor
import WaymarkDomain

/// A return's page: where it stands, its latest figures, the review so far and every version;
/// the provider's ways to file it and the commissioner's review and extension forms.
struct ReturnPage: Encodable, Sendable {
    struct Version: Encodable, Sendable { let number: Int; let submitted: String; let channel: String; let compareHref: String? }
    struct Review: Encodable, Sendable { let heading: String; let note: String; let comments: [String] }
    struct CommentField: Encodable, Sendable { let name: String; let id: String; let label: String; let value: String; let error: String? }
    /// What the commissioner typed in the review and extension forms, kept when either comes back.
    struct Typed: Encodable, Sendable {
        var step = "", note = "", reason = "", dueDay = ""
        var comments: [String: String] = [:]
        /// The provider's upload form: the narrative typed beside the file and the box.
        var uploadNarrative = ""
        var uploadChecked = false
    }
    struct Link: Encodable, Sendable { let label: String; let href: String }

    let caption: String
    let heading: String
    let status: String
    let statusTag: String
    let due: String
    let timeliness: String
    let extensionNote: String?
    let figures: ReturnFigureTable?
    let shownVersion: String?
    let narrative: String?
    let caseStudy: String?
    let hiddenRoutesNote: String?
    let reviews: [Review]
    let versions: [Version]
    let editVersion: Int
    let backHref: String
    let contractHref: String?
    // The provider's part.
    let formHref: String?
    let uploadAction: String?
    let templates: [Link]
    let draftNote: String?
    // The commissioner's part.
    let reviewAction: String?
    let commentFields: [CommentField]
    let typed: Typed
    let extensionAction: String?
    let uploadIssues: [ImportIssue]

    static func build(_ req: Request, _ context: TenantContext, _ file: ReturnFile, uploadIssues: [ImportIssue] = [],
                      typed: Typed = Typed(), errors: [FieldError] = []) async throws -> ReturnPage {
        let slug = context.tenant.slug, contractID = file.contract.id!.uuidString, month = file.month.description
        let shown = file.shows
        let latest = try file.latest.map { ($0, try $0.content) }
        let status = file.status ?? .draft
        // The day the page speaks of (`file` is read as of it); a past day offers no actions.
        let today = try req.reading().day, isToday = today >= Day(req.now, in: London.timeZone)
        let timeliness = ReturnTimeliness.of(due: file.due, firstSubmitted: file.record?.firstSubmittedAt.map { Day($0, in: London.timeZone) },
                                             asOf: today, deadlines: ReturnDeadlines(workingDay: context.tenant.returnDueWorkingDay))
        let canFile = isToday && file.canFile(context) && status.isOpenToProvider
        let canReview = isToday && context.can(.reviewReturns) && status.awaitsReview
        let hidden = file.expectation.routes.filter { !shown($0.routeID) }.count
        return ReturnPage(
            caption: "\(file.contract.reference) · \(file.providerName)",
            heading: "Monthly return: \(file.month.longDisplay)",
            status: file.versions.isEmpty && file.record?.draft == nil ? "Not started" : status.label,
            statusTag: Self.tag(status, timeliness),
            due: file.due.display, timeliness: Self.describe(timeliness),
            extensionNote: file.record?.extensionReason.map { "Extended from \(file.scheduledDue.display): \($0)" },
            figures: latest.map { ReturnFigureTable($0.1, file: file, shown: shown) },
            shownVersion: latest.map { "Version \($0.0.number), submitted \(London.format($0.0.submittedAt)) by \($0.0.submittedByName)" },
            narrative: latest?.1.narrative, caseStudy: latest?.1.caseStudy,
            hiddenRoutesNote: hidden > 0 ? "\(hidden) of the contract's routes are not shown: you see the routes your organisation funds." : nil,
            reviews: file.reviews.reversed().map { Self.review($0, file: file, shown: shown) },
            versions: file.versions.reversed().map { version in
                Version(number: version.number, submitted: "\(London.format(version.submittedAt)) by \(version.submittedByName)",
                        channel: ReturnChannel(rawValue: version.channel)?.label ?? version.channel,
                        compareHref: version.number > 1
                            ? SiteMap.Tenant.returnVersions.path(slug, contractID, month, query: [("a", "\(version.number - 1)"), ("b", "\(version.number)")]) : nil)
            },
            editVersion: file.editVersion,
            backHref: SiteMap.Tenant.returns.path(slug),
            contractHref: context.can(.viewContracts) ? SiteMap.Tenant.contract.path(slug, contractID) : nil,
            formHref: canFile ? SiteMap.Tenant.returnForm.path(slug, contractID, month) : nil,
            uploadAction: canFile ? SiteMap.Tenant.returnUpload.path(slug, contractID, month) : nil,
            templates: canFile ? [
                Link(label: "Download the template (Excel)", href: SiteMap.Tenant.returnTemplateXLSX.path(slug, contractID, month)),
                Link(label: "Download the template (CSV)", href: SiteMap.Tenant.returnTemplateCSV.path(slug, contractID, month)),
            ] : [],
            draftNote: canFile ? file.record?.draftSavedAt.map { "A draft was saved \(London.format($0)) by \(ContractNames.name(ofActor: file.record?.draftSavedBy ?? ""))." } : nil,
            reviewAction: canReview ? SiteMap.Tenant.returnReview.path(slug, contractID, month) : nil,
            commentFields: canReview ? file.expectation.routes.map { route in
                CommentField(name: "comments[\(route.code)]", id: "comment-\(route.code)", label: "Comment on \(route.code)",
                             value: typed.comments[route.code] ?? "", error: errors.first { $0.field == "comment-\(route.code)" }?.message)
            } : [],
            typed: typed,
            extensionAction: context.can(.reviewReturns) && status != .approved ? SiteMap.Tenant.returnExtension.path(slug, contractID, month) : nil,
            uploadIssues: uploadIssues)
    }

    static func review(_ record: ReturnReviewRecord, file: ReturnFile, shown: (UUID) -> Bool) -> Review {
        let verb: String
        switch record.step {
        case .approve: verb = "Approved"
        case .query: verb = "Queried"
        case .sendBack: verb = "Returned"
        }
        let comments = record.lineComments.filter { shown($0.key) }
            .map { "\(file.code($0.key)): \($0.value)" }.sorted()
        return Review(heading: "\(verb) version \(record.versionNumber), \(London.format(record.reviewedAt)) by \(ContractNames.name(ofActor: record.reviewedBy))",
                      note: record.note, comments: comments)
    }

    static func describe(_ timeliness: ReturnTimeliness) -> String {
        switch timeliness {
        case .notDue: "Not due yet"
        case .dueSoon: "Due soon"
        case .overdue(let days): "Overdue by \(days) day\(days == 1 ? "" : "s")"
        case .onTime: "Submitted on time"
        case .late(let days): "Submitted \(days) day\(days == 1 ? "" : "s") late"
        }
    }

    static func tag(_ status: ReturnStatus, _ timeliness: ReturnTimeliness) -> String {
        if timeliness.isOverdue { return "wm-tag--red" }
        switch status {
        case .approved: return "wm-tag--green"
        case .queried, .returned: return "wm-tag--yellow"
        case .submitted: return "wm-tag--blue"
        case .draft: return "wm-tag--grey"
        }
    }
}
