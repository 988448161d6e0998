import Vapor
import WaymarkDomain

/// The evaluation's pages: the panel, declarations, scoring, moderation, ranking, award and
/// bidders' feedback.
struct EvaluationController: Sendable {
    func register(_ routes: TenantRoutes) {
        routes.get(SiteMap.Tenant.panel, .runEvaluations, PanelPages.showPanel)
        routes.post(SiteMap.Tenant.panel, .runEvaluations, PanelPages.assign)
        routes.get(SiteMap.Tenant.declarations, .scoreBids, DeclarationsPage.show)
        routes.post(SiteMap.Tenant.declarations, .scoreBids, DeclarationsPage.declare)
        routes.get(SiteMap.Tenant.bidScore, .scoreBids, ScoringPages.show(.assessor))
        routes.post(SiteMap.Tenant.bidScore, .scoreBids, ScoringPages.save(.assessor))
        routes.get(SiteMap.Tenant.bidModeration, .runEvaluations, ScoringPages.show(.moderation))
        routes.post(SiteMap.Tenant.bidModeration, .runEvaluations, ScoringPages.save(.moderation))
        routes.get(SiteMap.Tenant.ranking, .runEvaluations, RankingPages.show)
        routes.get(SiteMap.Tenant.rankingCSV, .runEvaluations, RankingPages.csv)
        routes.post(SiteMap.Tenant.award, .runEvaluations, RankingPages.award)
        routes.get(SiteMap.Tenant.feedback, .bidForWork, RankingPages.feedback)
    }
}
