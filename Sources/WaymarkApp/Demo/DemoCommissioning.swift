import Fluent
import Foundation
import WaymarkDomain

/// The demo's commissioning story (issue: Commissioning): the Step Together (Wolverhampton)
/// specification for the 2023/24 school year — £91,260 across City Centre (WLV-01) and
/// Blakenhall (WLV-02), split by the routes' costs — published on 15 May 2023 and closing at
/// 12:00 on 16 June 2023. Three providers bid; Kestrel's question is answered for everyone;
/// Priya Raman and Tomasz Nowak assess (Tomasz declares a conflict with Black Country Kerbside
/// and does not score it); the panel agrees the scores; Lanternway ranks first and is awarded;
/// the contract runs from go-live on 4 September 2023 to 31 July 2024, paid for by the City of
/// Wolverhampton's pledged "Step Together 2023/24" money, quarterly in arrears.
///
/// Everything is written with the domain's own values and checked by its rules on the way in
/// (a broken story fails the seed rather than showing figures that do not add up).
enum DemoCommissioning {
    static let title = "Step Together (Wolverhampton): school route chaperones 2023 to 2024"
    static let contractReference = "ST-WLV-2023-01"

    struct DemoBid {
        let organisation: String
        let submitter: String
        let submittedAt: Date
        let price: Money
        let agreed: [Int]   // Q1–Q4, then social value
        let answers: [String]
        let socialValue: String
    }

    /// The award decision, on 3 July 2023.
    static let awardedAt = instant("2023-07-03T10:00:00Z")

    static func instant(_ iso: String) -> Date {
        ISO8601DateFormatter().date(from: iso) ?? Date(timeIntervalSince1970: 0)
    }

    static let questions = [
        "Working in local networks and partnerships",
        "Access to physical spaces in local places",
        "Direct work with vulnerable young people and communities with low trust in authorities",
        "Partnership working with schools",
    ]

    static let bids: [DemoBid] = [
        DemoBid(organisation: "Lanternway Youth Trust", submitter: "chloe.adebayo@lanternway.example",
                submittedAt: instant("2023-06-15T16:42:00Z"), price: Money(pounds: 89_400), agreed: [4, 4, 5, 4, 4],
                answers: ["We chair the Whitmore Reans youth network and sit on the Blakenhall community safety partnership; our chaperones are recruited from both estates.",
                          "We hold keys to the Stafford Street youth hub and have a standing agreement with All Saints church hall on Dudley Road for after-school drop-ins.",
                          "Four of our six chaperones have lived experience of the areas; we run detached youth work three evenings a week and broker conversations between young people and neighbourhood police.",
                          "We already run a transition programme with two of the three schools and share a weekly safeguarding huddle with their designated safeguarding leads."],
                socialValue: "Two apprenticeship places for local 18 to 24 year olds each year, and volunteering hours for staff at the Whitmore Reans food bank."),
        DemoBid(organisation: "Black Country Kerbside CIO", submitter: "liam.oconnor@bckerbside.example",
                submittedAt: instant("2023-06-16T09:15:00Z"), price: Money(pounds: 91_260), agreed: [3, 4, 3, 4, 3],
                answers: ["We are members of the Wolverhampton youth alliance and attend its monthly meetings.",
                          "We rent space at the Blakenhall community centre two days a week.",
                          "Our outreach team works with young people referred by the youth offending service across the Black Country.",
                          "We deliver assemblies on safer journeys in secondary schools across Wolverhampton."],
                socialValue: "We buy from local suppliers and offer work placements to college students."),
        DemoBid(organisation: "Kestrel Youth Outreach", submitter: "dwayne.campbell@kestrelyouth.example",
                submittedAt: instant("2023-06-14T11:05:00Z"), price: Money(pounds: 86_950), agreed: [3, 3, 3, 3, 3],
                answers: ["We will join the local networks once the contract starts.",
                          "We will hire rooms as needed.",
                          "Our detached youth workers have worked in Walsall for five years.",
                          "We will agree a protocol with each school in the first month."],
                socialValue: "A community fun day each summer term."),
    ]

    static let assessors = ["priya.raman@wmvrp.example", "tomasz.nowak@coventrycc.example"]
    static let conflicted = (assessor: "tomasz.nowak@coventrycc.example", organisation: "Black Country Kerbside CIO",
                             reason: "I was a trustee of Black Country Kerbside CIO until March 2022.")

    /// Every Step Together contract's KPIs, the earlier contracts' too.
    static let kpis = ["Chaperones present on 98% of school days", "Every safeguarding concern referred the same day",
                       "Monthly return filed by the 10th working day"]

    static let servicePeriod = DayRange(start: Day(2023, 9, 1), end: Day(2024, 7, 31))!

    static func specification(routeIDs: [UUID], authorityID: UUID, costs: [UUID: Money]) -> Specification {
        Specification(
            title: title,
            context: "Step Together has kept children safe on the walk to and from school in Wolverhampton since 2021. Central funding ended in October 2022; the council has pledged the 2023/24 school year for the city's two busiest routes.",
            servicesRequired: "Trained youth-work chaperones at the named points on each route for an hour before school and an hour after, every school day; a route lead for each route; referrals to local services; monthly returns.",
            localAuthorityIDs: [authorityID], routeIDs: routeIDs, totalValue: Money(pounds: 91_260),
            valueSplit: .proportionalToCost(costs), servicePeriod: servicePeriod,
            goLive: Day(2023, 9, 4), pricing: .total,
            questions: questions.map { Question(text: $0, weight: Weight(percent: 10)) },
            criteria: .stepTogether, closing: LondonWallTime(day: Day(2023, 6, 16), hour: 12, minute: 0)!,
            kpis: kpis,
            attachments: ["ST-WLV-SPEC-2023.pdf", "ST-WLV-route-maps-2023.pdf"], status: .awarded)
    }
}
